/**
 * The `--json` events of `self-check` (and `doctor`); see `lib/events.ts` for
 * the naming style.
 * @module
 */
import { event, field as f } from "../../lib/events.ts";

/** The events of `self-check`. */
export const SELF_CHECK_EVENTS = {
  probe: event(
    "self-check.probe",
    "One thing `up` needs (Java, Docker, a port, a folder, the cluster); more fields depend on it.",
    {
      check: f.string.doc("`java`, `docker`, `port 19092`, `state dir`, `cache dir`, `cluster`."),
      status: f.oneOf("ok", "info", "warn", "fail"),
      detail: f.string,
      fix: f.optional(f.string),
    },
    { open: true, was: "check" },
  ),
  verdict: event("self-check.verdict", "Whether anything blocks `up`.", {
    blocked: f.boolean,
    failed: f.integer,
  }, { was: "verdict" }),
};
