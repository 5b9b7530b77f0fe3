/**
 * The `--json` events of `check`; see `lib/events.ts` for the naming style.
 * @module
 */
import { event, field as f } from "../../lib/events.ts";
import { SUMMARY_FIELDS, TASK_FIELDS } from "../../lib/grading/event_fields.ts";

/** The events of `check`. */
export const CHECK_EVENTS = {
  task: event("check.task", "`check labN`: one task's result.", {
    prefix: f.string,
    ...TASK_FIELDS,
  }, { was: "task" }),
  summary: event("check.summary", "`check labN`: how many tasks passed.", {
    prefix: f.string,
    lab: f.string,
    ...SUMMARY_FIELDS,
  }, { was: "summary" }),
  lab: event("check.lab", "`check` without a lab: one lab's results for the student.", {
    prefix: f.string,
    lab: f.string,
    ...SUMMARY_FIELDS,
    tasks: f.array(f.object(TASK_FIELDS)),
  }, { was: "lab" }),
  student: event("check.student", "`check --roster`: one student's results in one lab.", {
    prefix: f.string,
    lab: f.string,
    ...SUMMARY_FIELDS,
    tasks: f.array(f.object(TASK_FIELDS)),
  }, { was: "student" }),
};
