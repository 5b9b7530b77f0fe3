import assert from "node:assert/strict";
import { type Message, Partitioners, type PartitionMetadata } from "kafkajs";
import { partitionOncePerRecord } from "../../lib/kafka/kafkajs/partitioner.ts";

const partitionMetadata: PartitionMetadata[] = [0, 1, 2].map((partitionId) => ({
  partitionId,
  leader: 1,
  partitionErrorCode: 0,
  replicas: [1, 2, 3],
  isr: [1, 2, 3],
}));

Deno.test("kafkajs' default partitioner moves an unkeyed record on every call (the retry bug)", () => {
  const partitioner = Partitioners.DefaultPartitioner();
  const message: Message = { value: "x" };
  const first = partitioner({ topic: "t", partitionMetadata, message });
  const retry = partitioner({ topic: "t", partitionMetadata, message });
  assert.notEqual(retry, first);
});

Deno.test("partitionOncePerRecord gives a retried record the partition of its first attempt", () => {
  const chosen = new WeakMap<Message, number>();
  const partitioner = partitionOncePerRecord(Partitioners.DefaultPartitioner, chosen)();
  const messages: Message[] = Array.from({ length: 6 }, (_, i) => ({ value: `v${i}` }));
  const first = messages.map((message) => partitioner({ topic: "t", partitionMetadata, message }));
  for (let attempt = 0; attempt < 3; attempt++) {
    const again = messages.map((message) =>
      partitioner({ topic: "t", partitionMetadata, message })
    );
    assert.deepEqual(again, first, `attempt ${attempt + 2}`);
  }
  assert.equal(new Set(first).size, 3, "new records still go round the partitions");
  assert.deepEqual(messages.map((m) => chosen.get(m)), first);
});

Deno.test("partitionOncePerRecord keeps keyed and explicit partitions as kafkajs chooses them", () => {
  const chosen = new WeakMap<Message, number>();
  const partitioner = partitionOncePerRecord(Partitioners.DefaultPartitioner, chosen)();
  const plain = Partitioners.DefaultPartitioner();
  const keyed: Message = { key: "user-7", value: "v" };
  assert.equal(
    partitioner({ topic: "t", partitionMetadata, message: keyed }),
    plain({ topic: "t", partitionMetadata, message: { ...keyed } }),
  );
  assert.equal(
    partitioner({ topic: "t", partitionMetadata, message: { partition: 2, value: "v" } }),
    2,
  );
});
