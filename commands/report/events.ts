/**
 * The `--json` events of `report`; see `lib/events.ts` for the naming style.
 * @module
 */
import { event, field as f } from "../../lib/events.ts";
import { SUMMARY_FIELDS } from "../../lib/grading/event_fields.ts";

/** The events of `report`. */
export const REPORT_EVENTS = {
  done: event("report.done", "The report is written to `--out`, or carried in `markdown`.", {
    lab: f.string,
    prefix: f.string,
    markdown: f.optional(f.string).doc("Without `--out`: the report itself."),
    file: f.optional(f.string).doc("With `--out`: where it was written."),
    ...SUMMARY_FIELDS,
  }, { was: "report" }),
};
