/**
 * Grading as Deno tests (`deno task grade`, never part of `deno task test`):
 * one test per student and lab, one step per task. A failed required task
 * fails its step with the evidence and the hint; an extra task not done is
 * shown as ignored, so it does not fail the student.
 *
 *   KAFKA_LAB_ROSTER=roster.txt deno task grade        a class (one prefix per line)
 *   KAFKA_LAB_PREFIX=anna. deno task grade             one student
 *   KAFKA_LAB_LABS=lab2 deno task grade                only some labs (comma-separated)
 *   deno task grade --junit-path=grades.xml            a JUnit file for the gradebook
 *
 * The cluster and the prefix are found as the CLI finds them (flags aside):
 * KAFKA_BROKERS, SCHEMA_REGISTRY_URL, KAFKA_LAB_PREFIX, .env, the local cluster.
 * @module
 */
import { GRADED_LABS_SOURCE } from "../../labs/mod.ts";
import { readLocalRegistryUrl } from "../../lib/cluster/state.ts";
import { loadConfig } from "../../lib/config.ts";
import { gradeRoster, type RosterGrade } from "../../lib/grading/roster.ts";
import { parseRoster } from "../../lib/grading/run.ts";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import { createOutput } from "../../lib/output.ts";

const env = Deno.env.toObject();
const config = await loadConfig({}, readLocalRegistryUrl);
const prefixes = env.KAFKA_LAB_ROSTER
  ? parseRoster(Deno.readTextFileSync(env.KAFKA_LAB_ROSTER))
  : [config.prefix];
const only = env.KAFKA_LAB_LABS?.split(",").map((s) => s.trim()).filter((s) => s !== "") ?? [];
const labs = (await GRADED_LABS_SOURCE.labs()).filter((l) =>
  only.length === 0 || only.includes(l.lab)
);

let graded: Promise<RosterGrade> | undefined;

/** The whole class, graded once from one snapshot (`gradeRoster`, as `check --roster` does). */
function grade(): Promise<RosterGrade> {
  graded ??= (async () => {
    const out = createOutput({ json: false, quiet: true, verbose: false, lang: config.lang });
    const kafka = new KafkaClients(config, out);
    return await gradeRoster(
      { kafka: () => Promise.resolve(kafka), config, graded: GRADED_LABS_SOURCE },
      prefixes,
      { labs: only },
    );
  })();
  return graded;
}

for (const [i, prefix] of prefixes.entries()) {
  for (const [j, lab] of labs.entries()) {
    Deno.test({
      name: `${prefix || "(no prefix)"} ${lab.lab}`,
      sanitizeOps: false,
      sanitizeResources: false,
      async fn(t) {
        const { results } = (await grade()).students[i].labs[j];
        for (const r of results) {
          await t.step({
            name: `${r.required ? "" : "(extra) "}${r.task}: ${r.title.en}`,
            ignore: !r.required && !r.pass,
            fn() {
              if (r.pass) return;
              const failed = new Error(`${r.evidence.en}\nhint: ${r.hint?.en ?? "-"}`);
              failed.stack = `Error: ${failed.message}`; // the evidence tells it all; no trace
              throw failed;
            },
          });
        }
      },
    });
  }
}

// Exercises (`KAFKA_LAB_EXERCISES=DIR`): for each student, DIR/<name>/<labN>/ is the folder of
// their exercise for that lab (<name> is the prefix with or without its trailing separator);
// each one found is checked as `kafka-lab check labN --exercise` does, on fresh names.
const exercisesRoot = env.KAFKA_LAB_EXERCISES;
if (exercisesRoot) {
  const { exerciseFolder } = await import("./exercise_folders.ts");
  for (const prefix of prefixes) {
    for (
      const lab of ["lab2", "lab3", "lab4"].filter((l) => only.length === 0 || only.includes(l))
    ) {
      const dir = exerciseFolder(exercisesRoot, prefix, lab);
      if (dir === undefined) continue;
      Deno.test({
        name: `${prefix || "(no prefix)"} ${lab} exercise`,
        sanitizeOps: false,
        sanitizeResources: false,
        async fn() {
          const { runCli, events } = await import("../helpers.ts");
          const r = await runCli(["check", lab, "--exercise", dir, "--json"], {
            timeoutMs: 600_000,
          });
          if (r.code === 0) return;
          const failed = events(r.stdout).filter((e) => e.event === "exercise.criterion" && !e.pass)
            .map((e) => `${e.id}: ${e.evidence}\nhint: ${e.hint ?? "-"}`);
          const error = new Error(
            failed.length > 0 ? failed.join("\n") : `exit ${r.code}: ${r.stderr.trim()}`,
          );
          error.stack = `Error: ${error.message}`;
          throw error;
        },
      });
    }
  }
}
