/**
 * Lab 4's exercise: the `__consumer_offsets` decoder (golden bytes Kafka 4.1.1
 * wrote for a commit), the coordinator partition, and each judge both ways.
 */
import assert from "node:assert/strict";
import {
  commitsOf,
  coordinatorPartition,
  decodeCommitKey,
  decodeCommitValue,
  javaHashCode,
} from "../../lib/exercise/commits.ts";
import {
  judgeBatchCommits,
  judgeNoLoss,
  judgeSingleCommits,
  messageIds,
  printedIds,
} from "../../lib/exercise/lab4.ts";

const hex = (s: string) => Uint8Array.from(s.match(/../g)!.map((b) => parseInt(b, 16)));

// Written by Kafka 4.1.1 for group "probe-a2c99dac-g" committing offset 10 of probe-a2c99dac/0.
const KEY_V1 = hex(
  "0001" + "0010" + "70726f62652d61326339396461632d67" + "000e" + "70726f62652d6132633939646163" +
    "00000000",
);
const VALUE_V4 = hex("0004" + "000000000000000a" + "00000000" + "01" + "000001a24375b842" + "00");
// The same group's metadata record (key version 2): not a commit.
const GROUP_KEY_V2 = hex("0002" + "0010" + "70726f62652d61326339396461632d67");

Deno.test("decodeCommitKey reads an offset-commit key (version 1): group, topic, partition", () => {
  assert.deepEqual(decodeCommitKey(KEY_V1), {
    group: "probe-a2c99dac-g",
    topic: "probe-a2c99dac",
    partition: 0,
  });
});

Deno.test("decodeCommitKey leaves out group metadata, empty and cut keys", () => {
  assert.equal(decodeCommitKey(GROUP_KEY_V2), undefined);
  assert.equal(decodeCommitKey(null), undefined);
  assert.equal(decodeCommitKey(KEY_V1.subarray(0, 10)), undefined);
});

Deno.test("decodeCommitValue reads Kafka 4.1.1's value (version 4): offset and commit time", () => {
  assert.deepEqual(decodeCommitValue(VALUE_V4), { offset: 10, commitTimestamp: 0x1a24375b842 });
});

Deno.test("decodeCommitValue reads versions 1 and 3 and refuses tombstones and unknown versions", () => {
  const v1 = hex("0001" + "0000000000000007" + "0000" + "000001a24375b842" + "ffffffffffffffff");
  assert.deepEqual(decodeCommitValue(v1), { offset: 7, commitTimestamp: 0x1a24375b842 });
  const v3 = hex("0003" + "0000000000000014" + "00000002" + "0000" + "000001a24375b842");
  assert.deepEqual(decodeCommitValue(v3), { offset: 20, commitTimestamp: 0x1a24375b842 });
  assert.equal(decodeCommitValue(null), undefined);
  assert.equal(decodeCommitValue(hex("0009" + "0000000000000014")), undefined);
});

Deno.test("commitsOf keeps only the group's commits on the topic, in order", () => {
  const other = hex("0001" + "0001" + "78" + "000e" + "70726f62652d6132633939646163" + "00000000");
  const commits = commitsOf(
    [
      { key: GROUP_KEY_V2, value: hex("0003") },
      { key: KEY_V1, value: VALUE_V4 },
      { key: other, value: VALUE_V4 },
      { key: KEY_V1, value: null },
    ],
    "probe-a2c99dac-g",
    "probe-a2c99dac",
  );
  assert.deepEqual(commits.map((c) => c.offset), [10]);
});

Deno.test("coordinatorPartition follows Kafka's abs(String.hashCode) % partitions", () => {
  assert.equal(javaHashCode("hello"), 99162322);
  assert.equal(javaHashCode("polygenelubricants"), -2147483648);
  assert.equal(coordinatorPartition("polygenelubricants", 50), 0);
  assert.equal(coordinatorPartition("probe-a2c99dac-g", 50), 45, "the partition Kafka 4.1.1 used");
});

Deno.test("judgeBatchCommits passes commits after batches of at most 10 records", () => {
  assert.equal(judgeBatchCommits([10, 20, 25], 25).pass, true);
  assert.equal(judgeBatchCommits([10, 17, 20, 25], 25).pass, true);
});

Deno.test("judgeBatchCommits fails one commit at the end, per-record commits, and stopping short", () => {
  assert.equal(judgeBatchCommits([25], 25).pass, false);
  const each = Array.from({ length: 25 }, (_, i) => i + 1);
  assert.equal(judgeBatchCommits(each, 25).pass, false);
  assert.equal(judgeBatchCommits([10, 20], 25).pass, false);
  assert.equal(judgeBatchCommits([], 25).pass, false);
});

Deno.test("judgeSingleCommits passes a commit after every record (repeats allowed)", () => {
  const each = Array.from({ length: 25 }, (_, i) => i + 1);
  assert.equal(judgeSingleCommits(each, 25).pass, true);
  assert.equal(judgeSingleCommits([...each, 25], 25).pass, true);
});

Deno.test("judgeSingleCommits fails auto-commit's jumps and a missing last commit", () => {
  assert.equal(judgeSingleCommits([25], 25).pass, false);
  assert.equal(judgeSingleCommits([1, 2, 5, 25], 25).pass, false);
  assert.equal(judgeSingleCommits(Array.from({ length: 24 }, (_, i) => i + 1), 25).pass, false);
});

const IDS = messageIds(25, "t");
const crash = { ids: IDS, killed: true, committed: 25, end: 25 };

Deno.test("judgeNoLoss passes a restart that re-read the batch it was killed in", () => {
  const v = judgeNoLoss({ ...crash, firstPrinted: IDS.slice(0, 13), secondPrinted: IDS.slice(10) });
  assert.equal(v.pass, true);
  assert.match(v.evidence.en, /lost: none/);
});

Deno.test("judgeNoLoss fails a restart that skipped records, a run never killed, a short commit", () => {
  const skipped = judgeNoLoss({
    ...crash,
    firstPrinted: IDS.slice(0, 13),
    secondPrinted: IDS.slice(20),
  });
  assert.equal(skipped.pass, false);
  assert.match(skipped.evidence.en, /msg-t-14/);
  const early = judgeNoLoss({ ...crash, killed: false, firstPrinted: IDS, secondPrinted: [] });
  assert.equal(early.pass, false);
  const short = judgeNoLoss({ ...crash, committed: 20, firstPrinted: IDS, secondPrinted: IDS });
  assert.equal(short.pass, false);
});

Deno.test("printedIds does not take msg-1 for msg-10: ids are zero-padded", () => {
  assert.deepEqual(printedIds("processed msg-t-10: x", IDS), ["msg-t-10"]);
});
