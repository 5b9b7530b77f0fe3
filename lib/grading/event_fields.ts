/**
 * The fields that grading results carry in `--json` events (`check`, `report`),
 * declared once for their catalogues; see `lib/events.ts`.
 * @module
 */
import { field as f } from "../events.ts";

/** How many of a lab's tasks passed ({@linkcode summarize} in `run.ts`). */
export const SUMMARY_FIELDS = {
  passed: f.integer,
  total: f.integer,
  requiredPassed: f.integer,
  requiredTotal: f.integer,
  extraPassed: f.integer,
  extraTotal: f.integer,
  ok: f.boolean.doc("Every required task passed."),
};

/** One task's result ({@linkcode resultJson} in `render.ts`). */
export const TASK_FIELDS = {
  lab: f.string,
  task: f.string.doc("The task's id."),
  required: f.boolean,
  pass: f.boolean,
  title: f.string,
  evidence: f.string.doc("What the check saw on the cluster."),
  hint: f.nullable(f.string).doc("What to do, when the task failed."),
  at: f.nullable(f.string).doc("When the evidence was made (ISO 8601), where the cluster tells."),
};
