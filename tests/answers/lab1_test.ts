/** Lab 1's answer key, proven on the real cluster. */
import assert from "node:assert/strict";
import { consume } from "../../lib/kafka/consumer_loop.ts";
import { protocolErrorType } from "../../lib/errors.ts";
import { waitFor } from "../../lib/time.ts";
import { unique } from "../helpers.ts";
import { clients, send, withTopic } from "./support.ts";

Deno.test("lab1 answer: a replication factor above the broker count is refused", async () => {
  const kafka = clients();
  const topic = unique("answer-rf");
  await kafka.withAdmin(async (admin) => {
    const brokers = (await admin.describeCluster()).brokers.length;
    let refused: unknown;
    try {
      await admin.createTopics({
        topics: [{ topic, numPartitions: 1, replicationFactor: brokers + 1 }],
        waitForLeaders: false,
      });
    } catch (err) {
      refused = err;
    }
    assert.ok(refused, `replication factor ${brokers + 1} on ${brokers} brokers was accepted`);
    assert.equal(protocolErrorType(refused), "INVALID_REPLICATION_FACTOR");
    assert.equal((await admin.listTopics()).includes(topic), false, "nothing was created");
  });
});

Deno.test("lab1 answer: more consumers than partitions leaves one idle", async () => {
  await withTopic(1, async (topic, groups) => {
    await send(topic, [{ value: "x" }]);
    const groupId = unique("answer-idle");
    groups.push(groupId);
    const kafka = clients();
    const stop = new AbortController();
    const runs = [0, 1].map(() =>
      consume(kafka, {
        topic,
        groupId,
        fromBeginning: true,
        signal: stop.signal,
        onRecord: () => {},
      }).catch((err: unknown) => err) // a member that crashes shows up as a group that never gets 2 members
    );
    try {
      const members = await kafka.withAdmin((admin) =>
        waitFor(async () => {
          const [g] = (await admin.describeGroups([groupId])).groups;
          return g.state === "Stable" && g.members.length === 2 ? g.members : undefined;
        }, { timeoutMs: 60_000, intervalMs: 300 })
      );
      assert.ok(members, "two members joined the group");
      const owned = members.map((m) => Object.values(m.assignment).flat());
      assert.deepEqual(owned.map((p) => p.length).sort(), [0, 1], "one member holds the partition");
    } finally {
      stop.abort();
      await Promise.all(runs);
    }
  });
});
