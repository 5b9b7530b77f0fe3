// deno-lint-ignore-file no-console
// Lab 4 exercise, broken on purpose: leaves committing to kafkajs's auto-commit.
import { Kafka } from "npm:kafkajs@2.2.4";

const BROKERS = (Deno.env.get("KAFKA_BROKERS") ?? "localhost:19092").split(",");
const TOPIC = Deno.env.get("KAFKA_LAB_TOPIC") ?? "final-1-topic";
const GROUP = Deno.env.get("KAFKA_LAB_GROUP") ?? "single-group";
const IDLE_SECONDS = Number(Deno.env.get("KAFKA_LAB_IDLE_SECONDS") ?? "0");
const WORK_MS = Number(Deno.env.get("KAFKA_LAB_WORK_MS") ?? "0");

async function processRecord(value: string): Promise<void> {
  const { message_id, content } = JSON.parse(value);
  console.log(`processed ${message_id}: ${content}`);
  await new Promise((r) => setTimeout(r, WORK_MS));
}

const kafka = new Kafka({ clientId: "single-consumer", brokers: BROKERS });
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
  eachMessage: async ({ message }) => {
    await processRecord(message.value?.toString() ?? "{}");
    stopSoon();
  },
});

await stopped.promise;
clearTimeout(stopTimer);
await consumer.disconnect();
Deno.exit(0);
