/** The kafka-lab program itself (deno run main.ts with the binary's permissions). */
import assert from "node:assert/strict";
import { readState } from "../../lib/cluster/state.ts";
import { closedPort, clusterConfig, events, runCli } from "../helpers.ts";

Deno.test("cli status reports three reachable brokers, the controller and the registry", async () => {
  const r = await runCli(["status", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const [status] = events(r.stdout).filter((e) => e.event === "cluster.status");
  const brokers = status.brokers as Array<{ reachable: boolean; controller: boolean }>;
  assert.equal(brokers.length, 3);
  assert.ok(brokers.every((b) => b.reachable));
  assert.equal(brokers.filter((b) => b.controller).length, 1);
  assert.equal((status.registry as { ok: boolean }).ok, true);
});

Deno.test("cli a refused broker address exits 3 within 15 s and names the address", async () => {
  const port = closedPort();
  const r = await runCli(["status", "--bootstrap-server", `127.0.0.1:${port}`]);
  assert.equal(r.code, 3);
  assert.ok(r.ms < 15_000, `took ${r.ms} ms`);
  assert.ok(
    r.stderr.includes(`no Kafka broker answers at 127.0.0.1:${port} (connection refused)`),
    r.stderr,
  );
  assert.match(r.stderr, /hint:/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
});

Deno.test("cli an unresolvable broker host exits 3 within 15 s", async () => {
  const r = await runCli(["status"], { env: { KAFKA_BROKERS: "no-such-host.invalid:9092" } });
  assert.equal(r.code, 3);
  assert.ok(r.ms < 15_000);
  assert.match(r.stderr, /no-such-host\.invalid:9092 \(host name does not resolve\)/);
});

Deno.test("cli a port that accepts but does not speak Kafka exits 3 within 15 s", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const held: Deno.Conn[] = [];
  (async () => {
    for await (const conn of listener) held.push(conn); // accept, never answer
  })().catch(() => {});
  try {
    const r = await runCli(["status", "--json", "-b", `127.0.0.1:${listener.addr.port}`]);
    assert.equal(r.code, 3);
    assert.ok(r.ms < 15_000, `took ${r.ms} ms`);
    const [error] = events(r.stdout).filter((e) => e.event === "error");
    assert.match(String(error.message), /nothing speaks Kafka there/);
  } finally {
    listener.close();
    for (const c of held) c.close();
  }
});

Deno.test("cli status with an unreachable registry exits 1 and says the registry is down", async () => {
  const port = closedPort();
  const r = await runCli(["status", "--registry-url", `http://127.0.0.1:${port}`]);
  assert.equal(r.code, 1);
  assert.ok(
    r.stdout.includes(
      `no Schema Registry answers at http://127.0.0.1:${port} (connection refused)`,
    ),
    r.stdout,
  );
});

Deno.test("cli config shows each value's source and masks secrets", async () => {
  const r = await runCli(["config", "--json", "--client-id", "from-flag"], {
    env: {
      KAFKA_LAB_SASL_MECHANISM: "plain",
      KAFKA_LAB_SASL_USERNAME: "u",
      KAFKA_LAB_SASL_PASSWORD: "hunter2",
    },
  });
  assert.equal(r.code, 0, r.stderr);
  const byKey = Object.fromEntries(events(r.stdout).map((e) => [e.key, e]));
  assert.equal(byKey.clientId.value, "from-flag");
  assert.equal(byKey.clientId.source, "flag");
  assert.equal(byKey.saslPassword.value, "********");
  assert.doesNotMatch(r.stdout, /hunter2/);
});

Deno.test("cli unknown commands and options exit 2 with usage", async () => {
  const cmd = await runCli(["explode"]);
  assert.equal(cmd.code, 2);
  assert.match(cmd.stderr, /unknown command 'explode'/);
  const opt = await runCli(["status", "--frobnicate"]);
  assert.equal(opt.code, 2);
  assert.match(
    opt.stderr,
    /unknown option --frobnicate[\s\S]*usage: (kafka-lab|deno task lab) status/,
  );
  const help = await runCli(["status", "--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: (kafka-lab|deno task lab) status/);
});

Deno.test("cli --version prints the version", async () => {
  const r = await runCli(["--version"]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^kafka-lab \d+\.\d+\.\d+/);
});

Deno.test("cli up while the local cluster runs is harmless; down with nothing recorded too", async () => {
  const config = clusterConfig();
  const state = readState(config.stateDir);
  if (state?.runtime === "java") {
    const r = await runCli(["up", "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const [up] = events(r.stdout).filter((e) => e.event === "cluster.up");
    assert.equal(up.alreadyRunning, true);
    assert.equal((up.brokers as unknown[]).length, 3);
  } else {
    // The cluster under test was not started by kafka-lab here: a fresh state folder has nothing to stop.
    const empty = await Deno.makeTempDir();
    const r = await runCli(["down", "--json"], { env: { KAFKA_LAB_STATE_DIR: empty } });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(events(r.stdout)[0].wasRunning, false);
  }
});

Deno.test("cli up on a busy port fails with exit 1, names the port and starts nothing", async () => {
  // The first broker's port is one this test holds (not the cluster's: that may be elsewhere).
  let listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  while ((listener.addr as Deno.NetAddr).port > 65_335) { // the highest KAFKA_LAB_PORT_BASE
    const next = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    listener.close();
    listener = next;
  }
  const port = (listener.addr as Deno.NetAddr).port;
  const fresh = await Deno.makeTempDir();
  const r = await runCli(["up", "--runtime", "java"], {
    env: { KAFKA_LAB_STATE_DIR: fresh, KAFKA_LAB_PORT_BASE: String(port) },
  }).finally(() => listener.close());
  assert.equal(r.code, 1, r.stderr);
  assert.match(
    r.stderr,
    new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use; broker 1 needs it`),
  );
  assert.match(r.stderr, /hint: .*(?:kafka-lab|deno task lab) status/);
  assert.equal(readState(fresh), undefined, "nothing recorded as started");
});
