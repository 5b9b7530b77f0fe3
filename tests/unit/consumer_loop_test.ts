/**
 * The consumer loop (lib/kafka/consumer_loop.ts) on the fake Kafka port:
 * when it commits, how it stops, and what it reads again after a fault.
 */
import assert from "node:assert/strict";
import { consume, type ConsumeOptions } from "../../lib/kafka/consumer_loop.ts";
import { nonRetriable, protocolError } from "../../lib/kafka/fake/mod.ts";
import { KafkaLabError } from "../../lib/errors.ts";
import { fakeWithTopic, within } from "./fake_setup.ts";

const text = (b: Uint8Array | null) => b === null ? "" : new TextDecoder().decode(b);

/** consume() on `fake` for group "g" of topic "t" from the beginning, with `options`. */
function run(
  fake: ReturnType<typeof fakeWithTopic>,
  options: Partial<ConsumeOptions> & { signal?: AbortSignal },
) {
  return within(
    10_000,
    consume(fake.kafka, {
      topic: "t",
      groupId: "g",
      fromBeginning: true,
      signal: options.signal ?? new AbortController().signal,
      ...options,
    }),
  );
}

/** The offsets a group asked to commit, in order (successful or not). */
function commitAttempts(fake: ReturnType<typeof fakeWithTopic>): string[] {
  return fake.cluster.requests.filter((r) => r.kind === "commit")
    .flatMap((r) => r.offsets!.map((o) => o.offset));
}

Deno.test("consume commits a record only after its handler resolved; a failing handler's record stays uncommitted", async () => {
  const fake = fakeWithTopic("t", 1);
  fake.cluster.addRecords("t", 0, ["a", "b", "c"]);
  const handled: string[] = [];
  const err = await run(fake, {
    onRecord: (r) => {
      if (text(r.value) === "b") throw new Error("the lab's handler failed");
      handled.push(text(r.value));
    },
  }).then(() => undefined, (e: unknown) => e);

  assert.ok(err instanceof KafkaLabError, String(err));
  assert.match(err.message, /the lab's handler failed/);
  assert.deepEqual(handled, ["a"]);
  assert.equal(fake.cluster.committed("g", "t", 0), "1", "a committed, b not");
  assert.deepEqual(commitAttempts(fake), ["1"], "no commit was even asked for b");
  assert.equal(fake.cluster.group("g").members.size, 0, "the member left its group");
  fake.cluster.close();
});

Deno.test("consume drains on Ctrl+C mid-batch: finishes and commits the batch in hand, then leaves", async () => {
  const fake = fakeWithTopic("t", 1);
  fake.cluster.addRecords("t", 0, Array.from({ length: 25 }, (_, i) => `v${i}`));
  const ctrlC = new AbortController();
  const batches: string[][] = [];
  const summary = await run(fake, {
    signal: ctrlC.signal,
    batchSize: 10,
    onBatch: async (records) => {
      ctrlC.abort(); // the signal comes while the batch is being handled
      await new Promise((resolve) => setTimeout(resolve, 0));
      batches.push(records.map((r) => text(r.value)));
    },
  });

  assert.equal(summary.stoppedBy, "signal");
  assert.equal(batches.length, 1, "no batch after the signal");
  assert.equal(batches[0].length, 10);
  assert.equal(summary.records, 10);
  assert.equal(fake.cluster.committed("g", "t", 0), "10", "the batch in hand is committed");
  assert.equal(fake.cluster.group("g").members.size, 0, "the member left its group");
  fake.cluster.close();
});

Deno.test("consume restarts its consumer from the committed offsets after a client fault: nothing skipped or read twice", async () => {
  const fake = fakeWithTopic("t", 1, { maxBatchRecords: 3 });
  fake.cluster.addRecords("t", 0, ["r0", "r1", "r2", "r3", "r4", "r5"]);
  const seen: string[] = [];
  let fault: ReturnType<typeof fake.cluster.inject> | undefined;
  const summary = await run(fake, {
    maxMessages: 6,
    onRecord: (r) => {
      seen.push(r.offset);
      // kafkajs' own bookkeeping throws a TypeError during the next fetch (tulios/kafkajs#1366).
      if (r.offset === "2") {
        fault = fake.cluster.inject("fetch", { error: new TypeError("offsets map replaced") });
      }
    },
  });

  assert.equal(fault?.fired, 1, "the fault ended the first consumer");
  assert.deepEqual(seen, ["0", "1", "2", "3", "4", "5"]);
  assert.equal(summary.records, 6);
  assert.equal(fake.cluster.committed("g", "t", 0), "6");
  fake.cluster.close();
});

Deno.test("consume restarts when a join ends the consumer with a rebalance error kafkajs does not retry", async () => {
  const fake = fakeWithTopic("t", 1);
  fake.cluster.addRecords("t", 0, ["a", "b"]);
  const fault = fake.cluster.inject("join", {
    error: nonRetriable(protocolError("REBALANCE_IN_PROGRESS")),
  });
  const seen: string[] = [];
  const summary = await run(fake, { maxMessages: 2, onRecord: (r) => void seen.push(r.offset) });

  assert.equal(fault.fired, 1);
  assert.deepEqual(seen, ["0", "1"]);
  assert.equal(summary.records, 2);
  fake.cluster.close();
});

Deno.test("consume re-reads a record whose commit was lost to a rebalance rather than skipping it", async () => {
  const fake = fakeWithTopic("t", 1);
  fake.cluster.addRecords("t", 0, ["a", "b", "c"]);
  const seen: string[] = [];
  const done = new AbortController();
  let dropped = false;
  await run(fake, {
    signal: done.signal,
    onRecord: (r) => {
      seen.push(r.offset);
      if (r.offset === "1" && !dropped) {
        dropped = true;
        fake.cluster.expireMembers("g"); // the member's session ran out while it handled b
      }
    },
    onCommit: (_partition, next) => {
      if (next === "3") done.abort();
    },
  });

  assert.deepEqual(seen, ["0", "1", "1", "2"], "b handled again, nothing skipped");
  assert.equal(fake.cluster.committed("g", "t", 0), "3");
  const refused = fake.cluster.requests.filter((r) => r.kind === "commit" && r.error);
  assert.deepEqual(refused.map((r) => r.error), ["UNKNOWN_MEMBER_ID"]);
  fake.cluster.close();
});

Deno.test("consume in batch mode commits once per batch", async () => {
  const fake = fakeWithTopic("t", 1);
  fake.cluster.addRecords("t", 0, Array.from({ length: 25 }, (_, i) => `v${i}`));
  const commits: string[] = [];
  const sizes: number[] = [];
  const summary = await run(fake, {
    maxMessages: 25,
    batchSize: 10,
    onBatch: (records) => void sizes.push(records.length),
    onCommit: (_partition, next) => void commits.push(next),
  });

  assert.deepEqual(sizes, [10, 10, 5]);
  assert.deepEqual(commits, ["10", "20", "25"]);
  assert.equal(summary.commits, 3);
  assert.equal(summary.batches, 3);
  fake.cluster.close();
});

Deno.test("consume stops after maxMessages records and commits exactly those", async () => {
  const fake = fakeWithTopic("t", 1);
  fake.cluster.addRecords("t", 0, Array.from({ length: 10 }, (_, i) => `v${i}`));
  const seen: string[] = [];
  const summary = await run(fake, { maxMessages: 3, onRecord: (r) => void seen.push(r.offset) });

  assert.equal(summary.stoppedBy, "max-messages");
  assert.deepEqual(seen, ["0", "1", "2"]);
  assert.equal(fake.cluster.committed("g", "t", 0), "3");
  fake.cluster.close();
});

Deno.test("consume stops after the idle timeout when no record comes", async () => {
  const fake = fakeWithTopic("t", 1);
  const summary = await run(fake, { idleTimeoutMs: 150, onRecord: () => {} });

  assert.equal(summary.stoppedBy, "idle");
  assert.equal(summary.records, 0);
  assert.ok(summary.elapsedMs >= 150, `${summary.elapsedMs} ms`);
  assert.ok(summary.elapsedMs < 2_000, `${summary.elapsedMs} ms`);
  assert.equal(fake.cluster.group("g").members.size, 0);
  fake.cluster.close();
});

Deno.test("consume finds the coordinator again when a commit is refused with NOT_COORDINATOR: keeps consuming, re-reads only the uncommitted record", async () => {
  const fake = fakeWithTopic("t", 1);
  fake.cluster.addRecords("t", 0, ["a", "b", "c", "d"]);
  const seen: string[] = [];
  let fault: ReturnType<typeof fake.cluster.inject> | undefined;
  const summary = await run(fake, {
    maxMessages: 5,
    onRecord: (r) => {
      seen.push(r.offset);
      if (r.offset === "1" && !fault) {
        fault = fake.cluster.inject("commit", { error: "NOT_COORDINATOR" });
      }
    },
  });

  assert.equal(fault?.fired, 1);
  assert.deepEqual(seen, ["0", "1", "1", "2", "3"], "b handled again, nothing skipped");
  assert.equal(summary.stoppedBy, "max-messages");
  assert.equal(fake.cluster.committed("g", "t", 0), "4");
  fake.cluster.close();
});

Deno.test("consume reading only new records keeps its start when the coordinator moves before its first commit: nothing written meanwhile is skipped", async () => {
  const fake = fakeWithTopic("t", 3);
  for (const p of [0, 1, 2]) fake.cluster.addRecords("t", p, ["old"]);
  const seen: string[] = [];
  let fault: ReturnType<typeof fake.cluster.inject> | undefined;
  const summary = await run(fake, {
    fromBeginning: false,
    maxMessages: 4,
    idleTimeoutMs: 2_000,
    onAssign: () => {
      if (!fault) fake.cluster.addRecords("t", 0, ["first"]);
    },
    onRecord: (r) => {
      seen.push(`${text(r.value)}@${r.partition}`);
      if (fault) return;
      // Its commit meets a coordinator that moved; these arrive while a new consumer joins.
      fault = fake.cluster.inject("commit", { error: "NOT_COORDINATOR" });
      fake.cluster.addRecords("t", 1, ["meanwhile"]);
      fake.cluster.addRecords("t", 2, ["meanwhile"]);
    },
  });

  assert.equal(fault?.fired, 1);
  assert.deepEqual(
    [...seen].sort(),
    ["first@0", "first@0", "meanwhile@1", "meanwhile@2"],
    "the first record again, the others once, none of the old ones",
  );
  assert.equal(summary.records, 4);
  fake.cluster.close();
});

Deno.test("consume in batch mode waits out COORDINATOR_NOT_AVAILABLE and says so, re-reading only the uncommitted batch", async () => {
  const fake = fakeWithTopic("t", 1);
  fake.cluster.addRecords("t", 0, Array.from({ length: 6 }, (_, i) => `v${i}`));
  const batches: string[][] = [];
  const warnings: string[] = [];
  let fault: ReturnType<typeof fake.cluster.inject> | undefined;
  const done = new AbortController();
  await within(
    20_000,
    consume(fake.kafka, {
      topic: "t",
      groupId: "g",
      fromBeginning: true,
      signal: done.signal,
      batchSize: 2,
      onWarning: (m) => void warnings.push(typeof m === "string" ? m : m.en),
      onBatch: (records) => {
        batches.push(records.map((r) => r.offset));
        if (records[0].offset === "2" && !fault) {
          // The coordinator is away for a while: the next four commits fail.
          fault = fake.cluster.inject("commit", { error: "COORDINATOR_NOT_AVAILABLE", times: 4 });
        }
      },
      onCommit: (_p, next) => {
        if (next === "6") done.abort();
      },
    }),
  );

  assert.equal(fault?.fired, 4);
  const offsets = batches.flat();
  assert.deepEqual([...new Set(offsets)], ["0", "1", "2", "3", "4", "5"], "nothing skipped");
  assert.deepEqual(
    offsets.filter((o) => o !== "2" && o !== "3"),
    ["0", "1", "4", "5"],
    "only the uncommitted batch is read again",
  );
  assert.equal(
    batches.filter((b) => b[0] === "2").length,
    5,
    "one try per refused commit, then one that worked",
  );
  assert.equal(fake.cluster.committed("g", "t", 0), "6");
  assert.ok(
    warnings.some((w) => /waiting for the group coordinator of g/.test(w)),
    warnings.join("\n"),
  );
  fake.cluster.close();
});

Deno.test("consume gives up with exit 3 when the coordinator stays away past its bound", async () => {
  const fake = fakeWithTopic("t", 1);
  fake.cluster.addRecords("t", 0, ["a", "b"]);
  const fault = fake.cluster.inject("commit", { error: "CONNECTION_REFUSED", times: Infinity });
  const seen: string[] = [];
  const err = await run(fake, {
    coordinatorWaitMs: 1_500,
    onRecord: (r) => void seen.push(r.offset),
  }).then(() => undefined, (e: unknown) => e);
  fault.clear();

  assert.ok(err instanceof KafkaLabError, String(err));
  assert.equal(err.exitCode, 3);
  assert.match(err.message, /group coordinator of g has not answered/);
  assert.ok(seen.length >= 2 && seen.every((o) => o === "0"), `only a re-read: ${seen}`);
  assert.equal(
    fake.cluster.committed("g", "t", 0),
    undefined,
    "nothing committed, nothing skipped",
  );
  fake.cluster.close();
});

Deno.test("consume re-reads rather than fails when a commit's rebalance error comes wrapped by kafkajs' retrier", async () => {
  const fake = fakeWithTopic("t", 1);
  fake.cluster.addRecords("t", 0, ["a", "b", "c"]);
  const fault = fake.cluster.inject("commit", {
    error: nonRetriable(protocolError("REBALANCE_IN_PROGRESS")),
  });
  const seen: string[] = [];
  const summary = await run(fake, { maxMessages: 3, onRecord: (r) => void seen.push(r.offset) });

  assert.equal(fault.fired, 1);
  assert.deepEqual(seen, ["0", "1", "2"]);
  assert.equal(summary.stoppedBy, "max-messages");
  assert.equal(fake.cluster.committed("g", "t", 0), "3");
  fake.cluster.close();
});

Deno.test("consume gives up with exit 1 when every commit is lost to a rebalance", async () => {
  const fake = fakeWithTopic("t", 1);
  fake.cluster.addRecords("t", 0, Array.from({ length: 10 }, (_, i) => `v${i}`));
  const fault = fake.cluster.inject("commit", {
    error: nonRetriable(protocolError("REBALANCE_IN_PROGRESS")),
    times: Infinity,
  });
  let handled = 0;
  const err = await run(fake, {
    onRecord: () => {
      // Each lost commit costs the member its membership, as a real coordinator does.
      if (++handled % 2 === 0) fake.cluster.expireMembers("g");
    },
  }).then(() => undefined, (e: unknown) => e);
  fault.clear();

  assert.ok(err instanceof KafkaLabError, String(err));
  assert.equal(err.exitCode, 1);
  assert.match(err.message, /group g keeps rebalancing: .* in 6 memberships in a row/);
  assert.equal(fake.cluster.committed("g", "t", 0), undefined);
  fake.cluster.close();
});

Deno.test("consume with two members of one group reads every record once between them", async () => {
  const fake = fakeWithTopic("t", 4);
  for (let p = 0; p < 4; p++) fake.cluster.addRecords("t", p, [`p${p}-a`, `p${p}-b`]);
  const done = new AbortController();
  const seen: string[][] = [[], []];
  const assigned: number[][][] = [[], []];
  let total = 0;
  const member = (i: number) =>
    run(fake, {
      signal: done.signal,
      onAssign: (partitions) => void assigned[i].push([...partitions]),
      onRecord: (r) => {
        seen[i].push(text(r.value));
        if (++total === 8) done.abort();
      },
    });
  await Promise.all([member(0), member(1)]);

  assert.deepEqual([...seen[0], ...seen[1]].sort(), [
    "p0-a",
    "p0-b",
    "p1-a",
    "p1-b",
    "p2-a",
    "p2-b",
    "p3-a",
    "p3-b",
  ]);
  const last = assigned.map((a) => a.at(-1) ?? []);
  assert.deepEqual(last.map((a) => a.length), [2, 2], "each member holds two partitions");
  assert.deepEqual([...last[0], ...last[1]].sort(), [0, 1, 2, 3]);
  for (let p = 0; p < 4; p++) assert.equal(fake.cluster.committed("g", "t", p), "2");
  fake.cluster.close();
});

Deno.test("consume in batch mode abandons a batch when its heartbeat meets a rebalance, and reads it again uncommitted", async () => {
  const fake = fakeWithTopic("t", 1);
  fake.cluster.addRecords("t", 0, Array.from({ length: 4 }, (_, i) => `v${i}`));
  const handled: string[] = [];
  let rebalanced = false;
  const summary = await run(fake, {
    maxMessages: 4,
    batchSize: 4,
    onBatch: async (records, batch) => {
      for (const r of records) {
        handled.push(r.offset);
        if (r.offset === "1" && !rebalanced) {
          rebalanced = true;
          fake.cluster.group("g").rebalance(); // a member joins while this batch is handled
        }
        await batch.heartbeat();
      }
    },
  });

  assert.ok(rebalanced);
  assert.deepEqual(
    handled,
    ["0", "1", "0", "1", "2", "3"],
    "abandoned at the rebalance, then read again",
  );
  assert.deepEqual(commitAttempts(fake), ["4"], "the abandoned batch was never committed");
  assert.equal(summary.records, 4);
  assert.equal(fake.cluster.committed("g", "t", 0), "4");
  fake.cluster.close();
});

Deno.test("consume in batch mode: a heartbeat refused with NOT_COORDINATOR does not fail the handler; the commit restarts the consumer", async () => {
  const fake = fakeWithTopic("t", 1);
  fake.cluster.addRecords("t", 0, Array.from({ length: 4 }, (_, i) => `v${i}`));
  const handled: string[] = [];
  let fault: ReturnType<typeof fake.cluster.inject> | undefined;
  const summary = await run(fake, {
    maxMessages: 4,
    batchSize: 4,
    onBatch: async (records, batch) => {
      for (const r of records) {
        handled.push(r.offset);
        if (r.offset === "1" && !fault) {
          fault = fake.cluster.inject("heartbeat", { error: "NOT_COORDINATOR", times: 1 });
        }
        await batch.heartbeat();
      }
    },
  });

  assert.equal(fault?.fired, 1);
  assert.deepEqual(handled, ["0", "1", "2", "3"], "the batch went on");
  assert.equal(summary.records, 4);
  assert.equal(fake.cluster.committed("g", "t", 0), "4");
  fake.cluster.close();
});

/**
 * A Kafka port whose first consumer, once the loop has disconnected it, acts
 * as a kafkajs consumer that restarted itself during its disconnect: it joins
 * the group again and its fetchers report rounds. The second consumer is
 * slow to connect (a replacement waiting for its coordinator).
 */
function withZombieFirstConsumer(fake: ReturnType<typeof fakeWithTopic>, connectDelayMs: number) {
  const listeners = new Map<string, Array<(e: unknown) => void>>();
  let made = 0;
  let first: unknown;
  let haunting: ReturnType<typeof setInterval> | undefined;
  const target = fake.kafka;
  const kafka = new Proxy(target, {
    get(t, p) {
      if (p === "consumer") {
        return async (options: Parameters<typeof t.consumer>[0]) => {
          const c = await t.consumer(options);
          if (made++ > 0) return c;
          first = c;
          const on = c.on.bind(c) as (ev: string, l: (e: unknown) => void) => () => void;
          (c as { on: unknown }).on = (ev: string, l: (e: unknown) => void) => {
            listeners.set(ev, [...(listeners.get(ev) ?? []), l]);
            return on(ev, l);
          };
          return c;
        };
      }
      if (p === "connect") {
        return async <T>(client: T | Promise<T>) => {
          const c = await client;
          if (c !== first && made > 1) await new Promise((r) => setTimeout(r, connectDelayMs));
          return await t.connect(c as never) as T;
        };
      }
      if (p === "disconnectConsumer") {
        return async (c: unknown) => {
          await t.disconnectConsumer(c as never);
          if (c !== first || haunting) return;
          const emit = (ev: string, e: unknown) => (listeners.get(ev) ?? []).forEach((l) => l(e));
          emit("consumer.group_join", { payload: { memberAssignment: { t: [0] } } });
          haunting = setInterval(() => emit("consumer.fetch", { payload: { duration: 1 } }), 50);
        };
      }
      const v = Reflect.get(t, p, t);
      return typeof v === "function" ? v.bind(t) : v;
    },
  });
  return { kafka, stop: () => clearInterval(haunting) };
}

Deno.test("consume ignores a consumer it let go that joins its group again: its replacement, slow to join, still reads every record", async () => {
  const fake = fakeWithTopic("t", 1);
  fake.cluster.addRecords("t", 0, ["a", "b", "c"]);
  const zombie = withZombieFirstConsumer(fake, 7_000);
  const seen: string[] = [];
  let fault: ReturnType<typeof fake.cluster.inject> | undefined;
  try {
    await within(
      20_000,
      consume(zombie.kafka, {
        topic: "t",
        groupId: "g",
        fromBeginning: true,
        signal: new AbortController().signal,
        idleTimeoutMs: 1_000,
        onRecord: (r) => {
          seen.push(r.offset);
          fault ??= fake.cluster.inject("commit", { error: "NOT_COORDINATOR" });
        },
      }),
    );
  } finally {
    zombie.stop();
    fake.cluster.close();
  }
  assert.equal(fault?.fired, 1);
  assert.deepEqual(seen, ["0", "0", "1", "2"], "the first record again, then the rest");
});
