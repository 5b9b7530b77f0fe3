// deno-lint-ignore-file no-console
// Lab 3 exercise, broken on purpose: accepts a record that misses a field.
import { Kafka } from "npm:kafkajs@2.2.4";
import { SchemaRegistry } from "npm:@kafkajs/confluent-schema-registry@4.1.0";

const BROKERS = (Deno.env.get("KAFKA_BROKERS") ?? "localhost:19092").split(",");
const TOPIC = Deno.env.get("KAFKA_LAB_TOPIC") ?? "users_coordinates";
const GROUP = Deno.env.get("KAFKA_LAB_GROUP") ?? "users-coordinates-consumer";
const REGISTRY = Deno.env.get("SCHEMA_REGISTRY_URL") ?? "http://localhost:8081/apis/ccompat/v7";
const IDLE_SECONDS = Number(Deno.env.get("KAFKA_LAB_IDLE_SECONDS") ?? "0");

const registry = new SchemaRegistry({ host: REGISTRY });
const kafka = new Kafka({ clientId: "coordinates-consumer", brokers: BROKERS });
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
  eachMessage: async ({ topic, partition, message }) => {
    try {
      if (!message.value || message.value[0] !== 0) throw new Error("no magic byte 0");
      await registry.getSchema(message.value.readInt32BE(1)); // an unknown id throws
      const v = JSON.parse(message.value.subarray(5).toString()); // but never checked
      console.log(`ok ${v.id} longitude=${v.longitude} latitude=${v.latitude}`);
    } catch (err) {
      console.log(`skipped offset=${message.offset}: ${err instanceof Error ? err.message : err}`);
    }
    const next = (BigInt(message.offset) + 1n).toString();
    await consumer.commitOffsets([{ topic, partition, offset: next }]);
    stopSoon();
  },
});

await stopped.promise;
clearTimeout(stopTimer);
await consumer.disconnect();
Deno.exit(0);
