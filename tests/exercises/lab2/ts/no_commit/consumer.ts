// deno-lint-ignore-file no-console
// Lab 2 exercise, broken on purpose: reads but never commits (autoCommit is off).
import { Kafka } from "npm:kafkajs@2.2.4";

const BROKERS = (Deno.env.get("KAFKA_BROKERS") ?? "localhost:19092").split(",");
const TOPIC = Deno.env.get("KAFKA_LAB_TOPIC") ?? "hello-kafka";
const GROUP = Deno.env.get("KAFKA_LAB_GROUP") ?? "hello-group";
const IDLE_SECONDS = Number(Deno.env.get("KAFKA_LAB_IDLE_SECONDS") ?? "0");

const kafka = new Kafka({ clientId: "hello-consumer", brokers: BROKERS });
const consumer = kafka.consumer({ groupId: GROUP });

let count = 0;
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
  eachMessage: ({ partition, message }) => {
    count++;
    console.log(
      `received ${count}: ${message.value?.toString()} partition=${partition} ` +
        `offset=${message.offset} timestamp=${message.timestamp}`,
    );
    // broken on purpose: no commitOffsets here
    stopSoon();
    return Promise.resolve();
  },
});

await stopped.promise;
clearTimeout(stopTimer);
await consumer.disconnect();
Deno.exit(0);
