/**
 * The `--json` events of `exercise` and of `check labN --exercise`; see
 * `lib/events.ts` for the naming style.
 * @module
 */
import { event, field as f } from "../../lib/events.ts";

/** The events of `exercise`. */
export const EXERCISE_EVENTS = {
  file: event("exercise.file.written", "`exercise labN`: one starter file written.", {
    path: f.string,
  }),
  written: event(
    "exercise.written",
    "`exercise labN`: the starter is ready; how to run and check it.",
    {
      lab: f.string,
      language: f.string,
      dir: f.string,
      run: f.array(f.string).doc("The command lines of the programs, in the folder."),
      check: f.string.doc("The command that checks the exercise."),
    },
  ),
  started: event(
    "exercise.started",
    "`check labN --exercise`: the names the check run uses (deleted afterwards).",
    {
      lab: f.string,
      dir: f.string,
      prefix: f.string,
      topic: f.string,
      group: f.string,
    },
  ),
  program: event(
    "exercise.program.ran",
    "`check labN --exercise`: one run of a student's program ended.",
    {
      program: f.string,
      command: f.array(f.string),
      code: f.optional(f.integer).doc("Absent when it was killed."),
      timedOut: f.boolean,
    },
  ),
  criterion: event("exercise.criterion", "`check labN --exercise`: one criterion's verdict.", {
    lab: f.string,
    id: f.string,
    pass: f.boolean,
    evidence: f.string,
    hint: f.optional(f.string),
  }),
  summary: event("exercise.summary", "`check labN --exercise`: how many criteria passed.", {
    lab: f.string,
    dir: f.string,
    passed: f.integer,
    total: f.integer,
    ok: f.boolean,
  }),
  saved: event(
    "exercise.results.saved",
    "`check labN --exercise`: the verdicts were saved for `kafka-lab report --exercise`.",
    { lab: f.string, file: f.string },
  ),
};
