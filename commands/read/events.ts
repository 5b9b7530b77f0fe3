/**
 * The `--json` events of `read`; see `lib/events.ts` for the naming style.
 * @module
 */
import { event, field as f } from "../../lib/events.ts";
import { brokerEvents } from "../../lib/kafka/liveness.ts";

const FORMAT = f.string.doc("`registry`, `json`, `text`, `hex` or `null`.");

/** The events of `read`. */
export const READ_EVENTS = {
  ...brokerEvents("read"),
  started: event("read.started", "Where reading starts in each partition, and where it ends.", {
    topic: f.string,
    ranges: f.array(f.object({
      partition: f.integer,
      start: f.string.doc("the first offset to read"),
      end: f.string.doc("the end offset when reading started"),
    })),
  }, { was: "read.start" }),
  record: event("read.record", "One record, its key and value decoded.", {
    topic: f.string,
    partition: f.integer,
    offset: f.string,
    time: f.string.doc("ISO 8601."),
    timestamp: f.string.doc("Milliseconds since the epoch."),
    key: f.json,
    keyFormat: FORMAT,
    value: f.json.doc("A JSON value, text, or hex, as `valueFormat` says."),
    valueFormat: FORMAT,
    schemaId: f.optional(f.integer).doc("The writer's schema id (registry format)."),
    headers: f.record(f.string),
  }, { was: "record" }),
  done: event("read.done", "Reading stopped: at the end, after `--count`, or on Ctrl+C.", {
    topic: f.string,
    records: f.integer,
    stoppedBy: f.oneOf("end", "count", "signal"),
  }),
};
