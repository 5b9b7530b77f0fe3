/**
 * What `report` reads besides the cluster snapshot: the student's exercise
 * folder (`--exercise DIR`: its .ts and .py files and `check-results.json`)
 * and the settings the cluster actually runs with — the brokers' own answer
 * to DescribeConfigs, with the local runtime's versions and heap from the
 * state folder.
 * @module
 */
import { join, relative } from "node:path";
import type { Context } from "../../lib/context.ts";
import { UsageError } from "../../lib/errors.ts";
import { fillText, t } from "../../lib/i18n.ts";
import { ConfigResourceTypes } from "../../lib/kafka/port_admin.ts";
import { readState } from "../../lib/cluster/state.ts";
import { versionInfo } from "../../lib/version.ts";
import type { ClusterSetup, ExerciseEvidence, ExerciseFile } from "./sections.ts";

/** The results file `check labN --exercise DIR` leaves in the folder. */
import { RESULTS_FILE } from "../../lib/exercise/types.ts";

export { RESULTS_FILE };

/** The broker settings that decide what the labs show. */
export const SETUP_KEYS = [
  "process.roles",
  "controller.quorum.voters",
  "num.partitions",
  "default.replication.factor",
  "min.insync.replicas",
  "offsets.topic.replication.factor",
  "transaction.state.log.replication.factor",
  "transaction.state.log.min.isr",
  "auto.create.topics.enable",
  "unclean.leader.election.enable",
  "group.initial.rebalance.delay.ms",
  "group.coordinator.append.linger.ms",
] as const;

const CODE = /\.(ts|py)$/;
const SKIP_DIRS = new Set(["node_modules", ".venv", "venv", "__pycache__", ".git"]);
/** Larger files are not code a student wrote for a lab. */
const MAX_FILE_BYTES = 100_000;

function codeFiles(root: string, dir: string, depth: number): ExerciseFile[] {
  const entries = [...Deno.readDirSync(dir)].sort((a, b) => a.name.localeCompare(b.name));
  const files: ExerciseFile[] = [];
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory && depth > 0 && !SKIP_DIRS.has(e.name) && !e.name.startsWith(".")) {
      files.push(...codeFiles(root, path, depth - 1));
    } else if (e.isFile && CODE.test(e.name) && Deno.statSync(path).size <= MAX_FILE_BYTES) {
      files.push({
        path: relative(root, path).replaceAll("\\", "/"),
        text: Deno.readTextFileSync(path),
      });
    }
  }
  return files;
}

/** The exercise folder: its code (two levels deep) and its check results, if any. */
export function readExercise(dir: string): ExerciseEvidence {
  try {
    if (!Deno.statSync(dir).isDirectory) throw new Error("not a folder");
  } catch (err) {
    throw new UsageError(
      fillText(
        t(
          "cannot read the exercise folder {dir}: {why}",
          "не удаётся прочитать папку упражнения {dir}: {why}",
        ),
        {
          dir,
          why: (err as Error).message,
        },
      ),
      t(
        "give the folder `kafka-lab exercise` wrote (--exercise DIR)",
        "укажите папку, которую создала `kafka-lab exercise` (--exercise DIR)",
      ),
    );
  }
  const files = codeFiles(dir, dir, 1);
  let text: string;
  try {
    text = Deno.readTextFileSync(join(dir, RESULTS_FILE));
  } catch {
    return { dir, files };
  }
  try {
    return { dir, files, results: JSON.parse(text) };
  } catch (err) {
    return { dir, files, resultsError: (err as Error).message };
  }
}

/** The local runtime's versions and heap, from what `up` recorded. */
function versions(ctx: Context): string[] {
  const state = readState(ctx.config.stateDir);
  const info = versionInfo();
  const kafka = `Apache Kafka ${state?.kafkaVersion ?? info.kafka}`;
  if (!state) return [kafka];
  const registry = state.runtime === "docker" ? info.registry.docker : info.registry.java;
  const argv = state.processes.find((p) => p.name.startsWith("broker"))?.argv ?? [];
  const heap = argv.find((a) => a.startsWith("-Xmx"));
  const runtime = state.runtime === "docker" ? `Docker Compose (${info.kafkaImage})` : "Java";
  return [kafka, registry, `runtime: ${runtime}${heap ? `, broker heap ${heap.slice(4)}` : ""}`];
}

/** The settings the brokers report for themselves (any cluster, local or not). */
export async function clusterSetup(
  ctx: Context,
  brokerIds: readonly number[],
): Promise<ClusterSetup> {
  const id = brokerIds[0];
  const base = { versions: versions(ctx) };
  if (id === undefined) return { ...base, source: "-", settings: {} };
  const source = `broker ${id} (DescribeConfigs)`;
  try {
    const kafka = await ctx.kafka();
    const res = await kafka.withAdmin((admin) =>
      admin.describeConfigs({
        includeSynonyms: false,
        resources: [{
          type: ConfigResourceTypes.BROKER,
          name: String(id),
          configNames: [...SETUP_KEYS],
        }],
      })
    );
    const entries = res.resources[0]?.configEntries ?? [];
    const settings = Object.fromEntries(
      SETUP_KEYS.flatMap((k) => {
        const e = entries.find((x) => x.configName === k);
        return e ? [[k, e.configValue ?? ""]] : [];
      }),
    );
    return { ...base, source, settings };
  } catch (err) {
    return { ...base, source: `${source}: ${(err as Error).message}`, settings: {} };
  }
}
