/** The state folder's lock: one `up`/`down`/`broker` at a time (real flock, real processes). */
import assert from "node:assert/strict";
import { KafkaLabError } from "../../lib/errors.ts";
import { acquireClusterLock, lockPath, readLockHolder } from "../../lib/cluster/lock.ts";
import { metadataProblems } from "../../commands/self_check/probes.ts";
import { javaArgFile } from "../../lib/cluster/storage.ts";

Deno.test("cluster lock: a held lock makes a second taker wait, then fail naming the holder", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const first = await acquireClusterLock(dir, { command: "up" });
    assert.equal(readLockHolder(dir)?.pid, Deno.pid);
    assert.equal(readLockHolder(dir)?.command, "up");
    const started = Date.now();
    await assert.rejects(
      () => acquireClusterLock(dir, { command: "down", waitMs: 300, pollMs: 50 }),
      (err: unknown) =>
        err instanceof KafkaLabError && err.exitCode === 1 &&
        err.message.includes(`pid ${Deno.pid}`) && err.message.includes("kafka-lab up"),
    );
    assert.ok(Date.now() - started >= 300, "waited the bound before giving up");
    first.release();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("cluster lock: released, the next taker gets it at once; release twice is harmless", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const first = await acquireClusterLock(dir, { command: "up" });
    first.release();
    first.release();
    assert.equal(readLockHolder(dir), undefined, "the holder's record is cleared");
    const second = await acquireClusterLock(dir, { command: "down", waitMs: 0 });
    assert.equal(readLockHolder(dir)?.command, "down");
    second.release();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("cluster lock: a waiter gets the lock as soon as the holder releases it", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const first = await acquireClusterLock(dir, { command: "up" });
    const timer = setTimeout(() => first.release(), 300);
    const second = await acquireClusterLock(dir, { command: "up", waitMs: 10_000, pollMs: 50 });
    clearTimeout(timer);
    assert.equal(readLockHolder(dir)?.command, "up");
    second.release();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("cluster lock: a holder killed with SIGKILL leaves no stale lock behind", async () => {
  const dir = await Deno.makeTempDir();
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "eval",
      `const f = await Deno.open(${
        JSON.stringify(lockPath(dir))
      }, { read: true, write: true, create: true });
       await f.lock(true);
       await f.write(new TextEncoder().encode(JSON.stringify({ pid: Deno.pid, command: "up", since: "x" })));
       console.log("locked");
       await new Promise(() => setInterval(() => {}, 1000));`,
    ],
    stdout: "piped",
    stderr: "null",
  }).spawn();
  try {
    const reader = child.stdout.getReader();
    const { value } = await reader.read();
    assert.match(new TextDecoder().decode(value), /locked/);
    reader.releaseLock();
    // Held by a live process: not taken.
    await assert.rejects(() => acquireClusterLock(dir, { command: "up", waitMs: 100, pollMs: 20 }));
    assert.equal(readLockHolder(dir)?.pid, child.pid, "the holder's pid is recorded");
    child.kill("SIGKILL");
    await child.status;
    // The file (and the dead pid in it) is still there, but the lock is gone.
    assert.equal(readLockHolder(dir)?.pid, child.pid);
    const lock = await acquireClusterLock(dir, { command: "up", waitMs: 2000, pollMs: 20 });
    assert.equal(readLockHolder(dir)?.pid, Deno.pid);
    lock.release();
  } finally {
    try {
      child.kill("SIGKILL");
    } catch { /* already gone */ }
    await child.stdout.cancel().catch(() => {});
    await child.status;
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("self-check: damaged KRaft metadata is recognised, healthy metadata is not", () => {
  const healthy = [1, 2, 3].map((i) => ({
    node: `node-${i}`,
    clusterId: "A",
    leaderId: 1,
    leaderEpoch: 4,
    illegalState: false,
  }));
  assert.deepEqual(metadataProblems(healthy, false), []);
  // A follower one epoch behind is normal.
  assert.deepEqual(metadataProblems([...healthy, { ...healthy[0], leaderEpoch: 3 }], true), []);
  assert.deepEqual(
    metadataProblems([healthy[0], { ...healthy[1], clusterId: "B" }, healthy[2]], false),
    [{ kind: "cluster-ids", ids: ["A", "B"] }],
  );
  assert.deepEqual(
    metadataProblems([healthy[0], { ...healthy[1], leaderId: 3 }, healthy[2]], false),
    [{ kind: "two-leaders", epoch: 4, leaders: [1, 3] }],
  );
  const illegal = [healthy[0], { ...healthy[1], illegalState: true }, healthy[2]];
  assert.deepEqual(
    metadataProblems(illegal, false),
    [],
    "a running cluster is not flagged by its logs",
  );
  assert.deepEqual(metadataProblems(illegal, true), [{ kind: "illegal-state", nodes: ["node-2"] }]);
});

Deno.test("javaArgFile quotes every argument so the Java launcher reads it back unchanged", () => {
  assert.equal(
    javaArgFile(["-cp", "a b", 'x"y\\z', "SCRAM-SHA-256=[name=u,password=p]"]),
    '"-cp"\n"a b"\n"x\\"y\\\\z"\n"SCRAM-SHA-256=[name=u,password=p]"\n',
  );
});
