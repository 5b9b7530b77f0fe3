/**
 * The `--json` events of `write`; see `lib/events.ts` for the naming style.
 * @module
 */
import { event, field as f } from "../../lib/events.ts";

/** The events of `write`. */
export const WRITE_EVENTS = {
  delivered: event(
    "write.record.delivered",
    "A record is stored (acks from all in-sync replicas).",
    {
      topic: f.string,
      partition: f.integer,
      offset: f.string,
      key: f.nullable(f.string),
      value: f.string,
    },
    { was: "delivered" },
  ),
  done: event("write.done", "Every record is sent.", { topic: f.string, count: f.integer }),
};
