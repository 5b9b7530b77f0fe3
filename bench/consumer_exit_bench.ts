/**
 * How long a consumer that is done takes to stop: from the moment its one
 * record is handled (count limit 1) until `consume` has committed, left the
 * group and returned. The baseline fetches with kafkajs' usual
 * `maxWaitTimeInMs` of 1 s (how `lib/kafka/consumer_loop.ts` ran before); the other runs
 * with its default ({@linkcode FETCH_WAIT_MS}). `deno bench` prints how many
 * times faster the default stops.
 *
 * Run on a cluster (`kafka-lab up`): `deno bench -A bench/consumer_exit_bench.ts`.
 * Without one the benches are ignored.
 * @module
 */
import { consume, FETCH_WAIT_MS } from "../lib/kafka/consumer_loop.ts";
import { KafkaClients } from "../lib/kafka/clients.ts";
import { probeTcp } from "../lib/net.ts";
import { ensureTopic } from "../lib/kafka/topics.ts";
import { captureOutput, clusterConfig, unique } from "../tests/helpers.ts";

const config = clusterConfig();
const CLUSTER_UP = (await probeTcp(config.brokers[0], 2000)).ok;
const kafka = new KafkaClients(config, captureOutput().out);
/** One topic for every run of this bench (kept between runs; each group is deleted after its run). */
const topic = "kafka-lab-bench-consumer-exit";

if (CLUSTER_UP) {
  await kafka.withAdmin((admin) =>
    ensureTopic(admin, { name: topic, partitions: 1, replicationFactor: 1 })
  );
  const producer = await kafka.connect(kafka.idempotentProducer());
  await producer.send({ topic, messages: [{ value: "one" }] });
  await producer.disconnect();
}

async function readOne(b: Deno.BenchContext, fetchWaitMs: number): Promise<void> {
  const groupId = unique("bench-exit");
  const summary = await consume(kafka, {
    topic,
    groupId,
    fromBeginning: true,
    signal: new AbortController().signal,
    maxMessages: 1,
    fetchWaitMs,
    onRecord: () => {
      b.start();
    },
  });
  b.end();
  await kafka.withAdmin((admin) => admin.deleteGroups([groupId]));
  if (summary.commits !== 1) throw new Error(`expected one commit, got ${summary.commits}`);
}

const options = { group: "consumer-exit", n: 10, warmup: 1, ignore: !CLUSTER_UP } as const;

Deno.bench("stop after 1 record, maxWaitTimeInMs 1000 (before)", {
  ...options,
  baseline: true,
}, async (b) => await readOne(b, 1000));
Deno.bench(
  `stop after 1 record, maxWaitTimeInMs ${FETCH_WAIT_MS} (lib/kafka/consumer_loop.ts)`,
  options,
  async (b) => await readOne(b, FETCH_WAIT_MS),
);
