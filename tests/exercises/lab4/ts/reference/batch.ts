// deno-lint-ignore-file no-console
// Lab 4 exercise, reference batch consumer (instructors' material, not shipped in the binary).
import { Kafka } from "npm:kafkajs@2.2.4";

const BROKERS = (Deno.env.get("KAFKA_BROKERS") ?? "localhost:19092").split(",");
const TOPIC = Deno.env.get("KAFKA_LAB_TOPIC") ?? "final-1-topic";
const GROUP = Deno.env.get("KAFKA_LAB_GROUP") ?? "batch-group";
const IDLE_SECONDS = Number(Deno.env.get("KAFKA_LAB_IDLE_SECONDS") ?? "0");
const WORK_MS = Number(Deno.env.get("KAFKA_LAB_WORK_MS") ?? "0");
const BATCH_SIZE = 10;

async function processRecord(value: string): Promise<void> {
  const { message_id, content } = JSON.parse(value);
  console.log(`processed ${message_id}: ${content}`);
  await new Promise((r) => setTimeout(r, WORK_MS));
}

const kafka = new Kafka({ clientId: "batch-consumer", brokers: BROKERS });
const consumer = kafka.consumer({ groupId: GROUP });

let stopTimer: ReturnType<typeof setTimeout> | undefined;
const stopped = Promise.withResolvers<void>();
function stopSoon() {
  if (IDLE_SECONDS <= 0) return;
  clearTimeout(stopTimer);
  stopTimer = setTimeout(() => stopped.resolve(), IDLE_SECONDS * 1000);
}
Deno.addSignalListener("SIGINT", () => stopped.resolve());
stopSoon();

await consumer.connect();
await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
await consumer.run({
  autoCommit: false,
  eachBatchAutoResolve: false,
  eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
    for (let i = 0; i < batch.messages.length; i += BATCH_SIZE) {
      const piece = batch.messages.slice(i, i + BATCH_SIZE);
      for (const message of piece) {
        if (!isRunning() || isStale()) return;
        await processRecord(message.value?.toString() ?? "{}");
        resolveOffset(message.offset);
      }
      const next = (BigInt(piece[piece.length - 1].offset) + 1n).toString();
      await consumer.commitOffsets([{
        topic: batch.topic,
        partition: batch.partition,
        offset: next,
      }]);
      stopSoon();
      await heartbeat();
    }
  },
});

await stopped.promise;
clearTimeout(stopTimer);
await consumer.disconnect();
Deno.exit(0);
