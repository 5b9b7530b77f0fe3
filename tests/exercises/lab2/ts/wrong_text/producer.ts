// deno-lint-ignore-file no-console
// Lab 2 exercise, broken on purpose: writes the wrong text.
import { Kafka, Partitioners } from "npm:kafkajs@2.2.4";

const BROKERS = (Deno.env.get("KAFKA_BROKERS") ?? "localhost:19092").split(",");
const TOPIC = Deno.env.get("KAFKA_LAB_TOPIC") ?? "hello-kafka";

const kafka = new Kafka({ clientId: "hello-producer", brokers: BROKERS });
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });

await producer.connect();
for (let i = 1; i <= 5; i++) {
  const text = `Hello, Kafka ${i}`;
  const [ack] = await producer.send({ topic: TOPIC, acks: -1, messages: [{ value: text }] });
  console.log(`sent ${text} partition=${ack.partition} offset=${ack.baseOffset}`);
  if (i < 5) await new Promise((r) => setTimeout(r, 1000));
}
await producer.disconnect();
