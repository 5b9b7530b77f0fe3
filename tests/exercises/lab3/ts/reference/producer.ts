// deno-lint-ignore-file no-console
// Lab 3 exercise, reference producer (instructors' material, not shipped in the binary).
import { Kafka, Partitioners } from "npm:kafkajs@2.2.4";
import { SchemaRegistry, SchemaType } from "npm:@kafkajs/confluent-schema-registry@4.1.0";

const BROKERS = (Deno.env.get("KAFKA_BROKERS") ?? "localhost:19092").split(",");
const TOPIC = Deno.env.get("KAFKA_LAB_TOPIC") ?? "users_coordinates";
const REGISTRY = Deno.env.get("SCHEMA_REGISTRY_URL") ?? "http://localhost:8081/apis/ccompat/v7";
const COUNT = Number(Deno.env.get("KAFKA_LAB_COUNT") ?? "6");
const SCHEMA = await Deno.readTextFile(new URL("./schema.json", import.meta.url));

function makeRecord(i: number): Record<string, number> {
  const value: Record<string, number> = {
    id: 10 + i,
    longitude: 30 + i / 10,
    latitude: 50 + i / 10,
  };
  if (i % 3 === 0) delete value.latitude;
  return value;
}

const registry = new SchemaRegistry({ host: REGISTRY });
const kafka = new Kafka({ clientId: "coordinates-producer", brokers: BROKERS });
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });

const { id: schemaId } = await registry.register(
  { type: SchemaType.JSON, schema: SCHEMA },
  { subject: `${TOPIC}-value` },
);
await producer.connect();
for (let i = 1; i <= COUNT; i++) {
  const record = makeRecord(i);
  let value: Buffer;
  try {
    value = await registry.encode(schemaId, record);
  } catch (err) {
    console.log(`skipped ${record.id}: ${err instanceof Error ? err.message : err}`);
    continue;
  }
  const [ack] = await producer.send({
    topic: TOPIC,
    acks: -1,
    messages: [{ key: String(record.id), value }],
  });
  console.log(`sent ${record.id} partition=${ack.partition} offset=${ack.baseOffset}`);
}
await producer.disconnect();
