/**
 * How long grading a class of 100 takes: `gradeRoster` (what `check
 * --roster`, `class grade` and `deno task grade` run) over every lab for 100
 * prefixes, 5 of which did lab 2's core (the hello topic, Hello Kafka 1..5,
 * hello-group read it) and 95 of which did nothing. One snapshot serves all
 * 100. The target is at most 30 s.
 *
 * Run on a cluster (`kafka-lab up`): `deno bench -A bench/grade_roster_bench.ts`.
 * Without one the bench is ignored. The five students' topics and groups
 * (`kafka-lab-bench-grade-00N.`) are kept between runs, like the other
 * benches' topics, and made only when missing.
 * @module
 */
import { GRADED_LABS_SOURCE } from "../labs/mod.ts";
import { gradeRoster } from "../lib/grading/roster.ts";
import { consume } from "../lib/kafka/consumer_loop.ts";
import { KafkaClients } from "../lib/kafka/clients.ts";
import { ensureTopic } from "../lib/kafka/topics.ts";
import { probeTcp } from "../lib/net.ts";
import { captureOutput, clusterConfig } from "../tests/helpers.ts";

const config = clusterConfig();
const CLUSTER_UP = (await probeTcp(config.brokers[0], 2000)).ok;
const kafka = new KafkaClients(config, captureOutput().out);
const roster = Array.from(
  { length: 100 },
  (_, i) => `kafka-lab-bench-grade-${String(i).padStart(3, "0")}.`,
);
const workers = roster.slice(0, 5);

async function lab2Core(prefix: string): Promise<void> {
  const topic = `${prefix}hello-kafka`;
  const made = await kafka.withAdmin((admin) =>
    ensureTopic(admin, { name: topic, partitions: 1, replicationFactor: 1 })
  );
  if (made.status !== "created") return;
  const producer = await kafka.connect(kafka.idempotentProducer());
  await producer.send({
    topic,
    messages: [1, 2, 3, 4, 5].map((n) => ({ value: `Hello Kafka ${n}` })),
  });
  await producer.disconnect();
  await consume(kafka, {
    topic,
    groupId: `${prefix}hello-group`,
    fromBeginning: true,
    signal: new AbortController().signal,
    maxMessages: 5,
    onRecord: () => {},
  });
}

if (CLUSTER_UP) await Promise.all(workers.map(lab2Core));

const source = { kafka: () => Promise.resolve(kafka), config, graded: GRADED_LABS_SOURCE };

Deno.bench("gradeRoster: 100 prefixes (5 did lab 2), every lab, one snapshot", {
  n: 3,
  warmup: 0,
  ignore: !CLUSTER_UP,
}, async () => {
  const grade = await gradeRoster(source, roster);
  const done = grade.students.filter((s) => s.labs.find((l) => l.lab.lab === "lab2")!.summary.ok);
  if (done.length !== workers.length) {
    const why = grade.students[0].labs.find((l) => l.lab.lab === "lab2")!.results
      .map((r) => `${r.task}: ${r.evidence.en}`).join("\n");
    throw new Error(
      `expected ${workers.length} students with lab 2 done, got ${done.length}\n${why}`,
    );
  }
});
