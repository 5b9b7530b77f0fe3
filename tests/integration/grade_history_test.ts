/**
 * The commit history that grading reads from `__consumer_offsets` is complete
 * while another client holds a transaction open on the same partition of it
 * (a student's exactly-once program paused or killed mid-transaction, a test
 * beside this one): lab 4's commits made after that transaction began still
 * count (CI once failed `check lab4` so, with a transactional test running
 * beside it).
 */
import assert from "node:assert/strict";
import { createTopic, unique } from "../helpers.ts";
import { waitFor } from "../../lib/time.ts";
import { OFFSETS_TOPIC, offsetsPartition } from "../../lib/grading/offsets_log.ts";
import { cleanUp, testKafka, withAdmin } from "../inspect_fixtures.ts";
import { assertPassesAfterWork, runOk, uniquePrefix } from "./check_support.ts";

/**
 * A new group id whose offsets live in the same partition of `__consumer_offsets`
 * as `group`'s. On a new cluster that topic is made by the first group's
 * commit: `warm` commits one on `topic` first.
 */
async function neighbourOf(group: string, topic: string, warm: string): Promise<string> {
  await withAdmin((a) =>
    a.setOffsets({ groupId: warm, topic, partitions: [{ partition: 0, offset: "0" }] })
  );
  const partitions = await waitFor(
    () => withAdmin(async (a) => (await a.fetchTopicOffsets(OFFSETS_TOPIC)).length),
    { timeoutMs: 30_000 },
  );
  assert.ok(partitions, `${OFFSETS_TOPIC} exists`);
  for (;;) {
    const other = unique("txn-neighbour");
    if (offsetsPartition(other, partitions) === offsetsPartition(group, partitions)) return other;
  }
}

Deno.test("check lab4 reads the commit history past another client's open transaction on the same __consumer_offsets partition", async () => {
  const prefix = uniquePrefix();
  const topic = await createTopic("txn-open", 1, 1);
  const warm = unique("txn-warm");
  const neighbour = await neighbourOf(`${prefix}batch-group`, topic, warm);
  const kafka = testKafka();
  const producer = await kafka.connect(kafka.producer({
    transactionalId: unique("txn-open"),
    idempotent: true,
    maxInFlightRequests: 1,
  }));
  const txn = await producer.transaction();
  try {
    // A transactional offset commit: the partition's stable end stays here until the transaction ends.
    await txn.sendOffsets({
      consumerGroupId: neighbour,
      topics: [{ topic, partitions: [{ partition: 0, offset: "0" }] }],
    });
    await runOk(["lab1", "--prefix", prefix, "--quiet"]);
    await runOk(["lab4", "--quiet", "--prefix", prefix, "--count", "6", "--interval", "0"]);
    const tasks = await assertPassesAfterWork("lab4", prefix);
    assert.match(tasks.find((t) => t.task === "batch-commits")!.evidence, /consumer commit/);
  } finally {
    await txn.abort();
    await producer.disconnect();
    await cleanUp([topic], [neighbour, warm]);
  }
});
