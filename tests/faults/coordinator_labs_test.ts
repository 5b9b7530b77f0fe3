/**
 * Lab 2's and lab 3's consumers outlive their group coordinator too (the
 * consumer loop is shared; coordinator_test.ts runs lab 4's): while the lab's
 * own producer writes, the broker coordinating the consumer's group is
 * SIGKILLed and restarted, paused 25 s, or moved by a preferred-leader election. The consumer must exit 0 on its
 * idle timeout having read every acknowledged record (by partition and
 * offset, from both programs' `--json` events). The first version of this
 * test found lab 3's consumer stopping on its idle timeout, exit 0 with 1 of
 * 40 records read, while kafkajs retried its fetchers against the killed
 * leader (no fetch came back for 10 s): a consumer now counts as idle only
 * while its fetches come back, and not while kafkajs restarts it.
 *
 * `KAFKA_LAB_COORDINATOR_RUNS` sets the runs per lab and fault (default 1).
 */
import assert from "node:assert/strict";
import { waitFor } from "../../lib/time.ts";
import { CliProcess, clusterConfig, createTopic, type Event, unique } from "../helpers.ts";
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
const RUNS = Number(Deno.env.get("KAFKA_LAB_COORDINATOR_RUNS") ?? "1");

interface LabUnderTest {
  readonly lab: "lab2" | "lab3";
  readonly produce: (topic: string) => string[];
  readonly delivered: string;
  readonly read: string;
}

const LABS: readonly LabUnderTest[] = [
  {
    lab: "lab2",
    produce: (topic) => ["lab2", "produce", "-t", topic, "-n", "40", "--interval", "0.4"],
    delivered: "lab2.record.delivered",
    read: "lab2.record.received",
  },
  {
    lab: "lab3",
    produce: (
      topic,
    ) => ["lab3", "produce", "-t", topic, "-n", "40", "--rate", "2.5", "--linger-ms", "100"],
    delivered: "lab3.record.delivered",
    read: "lab3.record.valid",
  },
];

const places = (evs: readonly Event[], name: string) =>
  evs.filter((e) => e.event === name).map((e) => `${e.partition}@${e.offset}`);

/** Stops `p` with SIGKILL when it has not exited after `ms`; the caller's asserts then fail. */
function bound(p: CliProcess, ms: number): () => void {
  const timer = setTimeout(() => {
    try {
      p.kill("SIGKILL");
    } catch {
      // it has already exited
    }
  }, ms);
  return () => clearTimeout(timer);
}

/** One run: the lab's producer and consumer, the fault mid-way, every acknowledged record read. */
async function survives(lab: LabUnderTest, fault: Fault, idleSeconds: number): Promise<string> {
  const started = performance.now();
  const topic = await createTopic(`coord-${lab.lab}`, 3, 3);
  const group = unique(`coord-${lab.lab}`);
  const producer = new CliProcess([...lab.produce(topic), "--json"]);
  const consumer = new CliProcess([
    lab.lab,
    "consume",
    "-t",
    topic,
    "-g",
    group,
    "--idle-timeout",
    String(idleSeconds),
    "--json",
    ...(Deno.env.get("KAFKA_LAB_TEST_VERBOSE") ? ["-v"] : []),
  ]);
  const unbound = [bound(producer, 180_000), bound(consumer, 240_000)];
  const kafka = clients();
  try {
    await consumer.waitFor((e) => e.event === lab.read, 60_000);
    await kafka.withAdmin(async (admin) => fault(admin, await coordinatorOf(admin, group)));
    const [sent, read] = await Promise.all([producer.finish(), consumer.finish()]);
    const delivered = places(sent.events, lab.delivered);
    const seen = places(read.events, lab.read);
    const missing = delivered.filter((p) => !seen.includes(p));
    const note =
      `${lab.lab}: exit ${read.code}, ${delivered.length} delivered, ${seen.length} read, ${
        seen.length - new Set(seen).size
      } again, ${missing.length} missing, ${((performance.now() - started) / 1000).toFixed(1)} s`;
    assert.equal(sent.code, 0, `producer: ${sent.stderr}`);
    assert.equal(delivered.length, 40, note);
    // What the consumer said besides its records (assignments, warnings, its summary).
    const told = read.events.filter((e) => e.event !== lab.read).map((e) => JSON.stringify(e))
      .slice(-40).join("\n");
    assert.equal(read.code, 0, `${note}\n${told}\n${read.stderr}`);
    assert.deepEqual(missing, [], `${note}\n${told}\n${read.stderr.slice(-6000)}`);
    return note;
  } finally {
    unbound.forEach((u) => u());
    await kafka.withAdmin(async (admin) => {
      const synced = await waitFor(async () => {
        const c = await coordinatorOf(admin, group);
        return c.isr.length === c.replicas.length;
      }, { timeoutMs: 120_000, intervalMs: 500 });
      assert.ok(synced, `${OFFSETS_TOPIC} back in sync`);
      assert.ok(await waitForFullIsr(admin, topic, 120_000), `${topic} back in sync`);
      await admin.deleteGroups([group]).catch(() => {});
      await admin.deleteTopics({ topics: [topic, `${topic}.dlq`] }).catch(() => {});
    });
  }
}

for (const lab of LABS) {
  for (
    const [name, fault, idle] of [
      // A killed broker stays in every ISR until the controller fences it
      // (broker.session.timeout.ms, 9 s), and acks=all writes stall meanwhile
      // (about 20 s in all here): where the consumer's fetches go on (the
      // killed broker led none of its partitions), a 10 s idle timeout ended
      // it, rightly, before the producer went on (CI: 1 of 40 read, exit 0).
      ["SIGKILLed and restarted", killAndRestart, 45],
      // The producer stalls too while the paused broker leads its partitions
      // (until its requests time out): no record comes for longer than 10 s.
      ["paused 25 s", pause, 45],
      ["moved by a preferred-leader election", election, 10],
    ] as const
  ) {
    Deno.test({
      name:
        `${lab.lab} consume reads every acknowledged record while its group coordinator is ${name}`,
      ignore,
      sanitizeOps: false,
      sanitizeResources: false,
      async fn() {
        for (let run = 0; run < RUNS; run++) {
          const note = await survives(lab, fault, idle);
          Deno.stderr.writeSync(
            new TextEncoder().encode(
              `  [coordinator labs test] ${name}, run ${run + 1}/${RUNS}: ${note}\n`,
            ),
          );
        }
      },
    });
  }
}
