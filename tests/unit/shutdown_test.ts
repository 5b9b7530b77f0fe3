import assert from "node:assert/strict";
import { Shutdown } from "../../lib/shutdown.ts";
import { sleep, waitFor, withTimeout } from "../../lib/time.ts";

Deno.test("Shutdown aborts on the first signal and forces on the second", () => {
  const seen: string[] = [];
  const s = new Shutdown({
    onFirst: (sig) => seen.push(`first ${sig}`),
    onForce: (sig) => seen.push(`force ${sig}`),
  });
  assert.equal(s.signal.aborted, false);
  assert.equal(s.exitCode(), undefined);
  s.trigger("SIGTERM");
  assert.equal(s.signal.aborted, true);
  assert.equal(s.exitCode(), 143);
  s.trigger("SIGINT");
  assert.deepEqual(seen, ["first SIGTERM", "force SIGINT"]);
  assert.equal(s.received, "SIGTERM");
});

Deno.test("Shutdown after SIGINT exits with 130", () => {
  const s = new Shutdown({ onForce: () => {} });
  s.trigger("SIGINT");
  assert.equal(s.exitCode(), 130);
});

Deno.test("sleep returns false when aborted before the time is up", async () => {
  const c = new AbortController();
  const p = sleep(10_000, c.signal);
  c.abort();
  assert.equal(await p, false);
  assert.equal(await sleep(1), true);
});

Deno.test("waitFor returns the first truthy result, or undefined at the deadline", async () => {
  let n = 0;
  assert.equal(
    await waitFor(() => ++n >= 3 ? n : undefined, { timeoutMs: 2000, intervalMs: 1 }),
    3,
  );
  assert.equal(await waitFor(() => false, { timeoutMs: 20, intervalMs: 5 }), undefined);
  assert.equal(
    await waitFor(() => {
      throw new Error("not yet");
    }, { timeoutMs: 20, intervalMs: 5 }),
    undefined,
  );
});

Deno.test("withTimeout rejects with the given error when the work is too slow", async () => {
  await assert.rejects(() => withTimeout(sleep(1000), 10, () => new Error("slow")), /slow/);
  assert.equal(await withTimeout(Promise.resolve(7), 1000, () => new Error("x")), 7);
});
