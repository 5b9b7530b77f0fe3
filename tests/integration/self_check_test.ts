/** `kafka-lab self-check` on this machine: a busy port, a missing Java, the verdict's exit code. */
import assert from "node:assert/strict";
import { events, runCli } from "../helpers.ts";

type Event = Record<string, unknown> & { event: string };
const check = (evs: Event[], name: string) =>
  evs.find((e) => e.event === "self-check.probe" && e.check === name)!;

Deno.test("self-check names the process that holds a cluster port", async () => {
  // 8080 is the docker runtime's Kafka UI port; the java cluster leaves it free.
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 8080 });
  try {
    const r = await runCli(["self-check", "--json"]);
    const port = check(events(r.stdout), "port 8080");
    assert.equal(port.state, "taken");
    assert.notEqual(port.status, "ok");
    if (Deno.build.os === "linux") {
      // `ss -ltnp` names the holder of a port this user's process listens on: this test.
      assert.equal(port.pid, Deno.pid, JSON.stringify(port));
      assert.match(String(port.detail), new RegExp(`^held by \\S+ \\(pid ${Deno.pid}\\)`));
    }
    // The fix stops exactly that holder (by pid when known, else it says how to find it).
    const stop = port.pid === undefined
      ? (Deno.build.os === "windows" ? "netstat -ano" : "lsof -i :8080")
      : (Deno.build.os === "windows" ? `taskkill /PID ${port.pid}` : `kill ${port.pid}`);
    assert.ok(String(port.fix).startsWith(`stop that program (${stop})`), String(port.fix));
  } finally {
    listener.close();
  }
});

Deno.test("self-check with PATH emptied reports no Java and exits 1", async () => {
  const r = await runCli(["self-check", "--json"], { env: { PATH: "", JAVA_HOME: "" } });
  assert.equal(r.code, 1, r.stderr);
  const evs = events(r.stdout);
  const java = check(evs, "java");
  assert.equal(java.status, "fail");
  assert.equal(java.kind, "missing");
  assert.match(String(java.fix), /Java 17/);
  assert.equal(evs.find((e) => e.event === "self-check.verdict")!.blocked, true);
});

Deno.test("self-check exits 1 exactly when its verdict says up is blocked", async () => {
  const r = await runCli(["self-check", "--json"]);
  const evs = events(r.stdout);
  const verdict = evs.find((e) => e.event === "self-check.verdict")!;
  const failed = evs.filter((e) => e.event === "self-check.probe" && e.status === "fail").length;
  assert.equal(verdict.failed, failed);
  assert.equal(r.code, failed > 0 ? 1 : 0, r.stderr);
  assert.ok(evs.some((e) => e.check === "state dir" && e.status === "ok"));
});

Deno.test("doctor is self-check under another name, in Russian too", async () => {
  const r = await runCli(["doctor", "--lang", "ru"]);
  assert.match(r.stdout, /kafka-lab self-check: сможет ли/);
  assert.match(r.stdout, /port 19092/);
});
