// deno-lint-ignore-file no-console
// Lab 3 exercise, broken on purpose: a bad record ends the program.
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

function fits(v: { id?: unknown; longitude?: unknown; latitude?: unknown }): boolean {
  return Number.isInteger(v.id) && typeof v.longitude === "number" &&
    typeof v.latitude === "number";
}

await consumer.connect();
await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
await consumer.run({
  autoCommit: false,
  eachMessage: async ({ topic, partition, message }) => {
    try {
      if (!message.value || message.value[0] !== 0) throw new Error("no magic byte 0");
      const v = await registry.decode(message.value);
      if (!fits(v)) throw new Error("does not fit the schema");
      console.log(`ok ${v.id} longitude=${v.longitude} latitude=${v.latitude}`);
    } catch (err) {
      console.error(`bad record at offset ${message.offset}: ${err}`);
      Deno.exit(1);
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
