/**
 * A lab consumer outlives its group coordinator (lib/kafka/consumer_loop.ts):
 * while a `lab4 consume` (single and batch mode, alternately) works through
 * its records, the broker that coordinates its group is (a) SIGKILLed and
 * restarted, (b) paused 25 s, (c) moved away by a preferred-leader election
 * with no broker down. Each time the consumer must exit 0 on its idle timeout
 * having processed every delivered record (counted from its own `--json`
 * events), re-reading at most what was not committed.
 *
 * `KAFKA_LAB_COORDINATOR_RUNS` sets the runs per fault (default 3). Every
 * run leaves all brokers running and the offsets partition in sync.
 */
import assert from "node:assert/strict";
import { waitFor } from "../../lib/time.ts";
import {
  CliProcess,
  clusterConfig,
  createTopic,
  type Event,
  events,
  runCli,
  unique,
} from "../helpers.ts";
import { waitForFullIsr } from "./broker_faults.ts";
import {
  clients,
  coordinatorOf,
  election,
  type Fault,
  killAndRestart,
  OFFSETS_TOPIC,
  pause,
} from "./coordinator_faults.ts";
import { isFaultCluster } from "./fault_cluster.ts";

const config = clusterConfig();
/** Only on the cluster `deno task test:faults` started (tests/faults/fault_cluster.ts). */
const ignore = !isFaultCluster(config);
const RUNS = Number(Deno.env.get("KAFKA_LAB_COORDINATOR_RUNS") ?? "3");

const processed = (evs: readonly Event[]) =>
  evs.filter((e) => e.event === "lab4.record.processed").map((e) => String(e.message_id));

/** One run: records, a consumer, the fault mid-way, then every record processed and exit 0. */
async function survives(fault: Fault, mode: "single" | "batch"): Promise<string> {
  const started = performance.now();
  const topic = await createTopic("coord", 3, 3);
  const group = unique("coord");
  const produced = await runCli([
    "lab4",
    "produce",
    "--topic",
    topic,
    "--count",
    "60",
    "--interval",
    "0",
    "--json",
  ]);
  assert.equal(produced.code, 0, produced.stderr);
  const delivered = events(produced.stdout).filter((e) => e.event === "lab4.record.delivered")
    .map((e) => String(e.message_id));
  assert.equal(delivered.length, 60);

  const consumer = new CliProcess([
    "lab4",
    "consume",
    "--mode",
    mode,
    "--json",
    "--topic",
    topic,
    "--group",
    group,
    ...(mode === "batch" ? ["--batch-size", "5"] : []),
    "--process-ms",
    "150",
    "--idle-timeout",
    "8",
  ]);
  const kafka = clients();
  let result;
  try {
    await consumer.waitFor((e) => e.event === "lab4.record.processed", 60_000);
    await kafka.withAdmin(async (admin) => {
      const coordinator = await coordinatorOf(admin, group);
      await fault(admin, coordinator);
    });
    result = await consumer.finish();
  } catch (err) {
    try {
      consumer.kill("SIGKILL");
    } catch {
      // it has already exited
    }
    const end = await consumer.finish().catch(() => undefined);
    const last = end?.events.slice(-3).map((e) => JSON.stringify(e)).join("\n");
    throw new Error(`${(err as Error).message}\nconsumer: ${end?.stderr}\n${last}`);
  } finally {
    await kafka.withAdmin(async (admin) => {
      const { partition } = await coordinatorOf(admin, group);
      const synced = await waitFor(async () => {
        const c = await coordinatorOf(admin, group);
        return c.isr.length === c.replicas.length;
      }, { timeoutMs: 120_000, intervalMs: 500 });
      assert.ok(synced, `${OFFSETS_TOPIC}-${partition} back in sync`);
      assert.ok(await waitForFullIsr(admin, topic, 120_000), `${topic} back in sync`);
    });
  }
  const seen = processed(result.events);
  const missing = delivered.filter((id) => !seen.includes(id));
  const note = `${mode}: exit ${result.code}, ${seen.length} processed, ${
    seen.length - new Set(seen).size
  } again, ${missing.length} missing, ${((performance.now() - started) / 1000).toFixed(1)} s`;
  assert.equal(result.code, 0, `${note}\n${result.stderr}`);
  assert.deepEqual(missing, [], note);
  return note;
}

for (
  const [name, fault] of [
    ["SIGKILLed and restarted", killAndRestart],
    ["paused 25 s", pause],
    ["moved by a preferred-leader election", election],
  ] as const
) {
  Deno.test({
    name:
      `a lab consumer keeps consuming, skipping nothing, while its group coordinator is ${name}`,
    ignore,
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      for (let run = 0; run < RUNS; run++) {
        const note = await survives(fault, run % 2 === 0 ? "single" : "batch");
        Deno.stderr.writeSync(
          new TextEncoder().encode(
            `  [coordinator test] ${name}, run ${run + 1}/${RUNS}: ${note}\n`,
          ),
        );
      }
    },
  });
}
