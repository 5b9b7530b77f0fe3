/**
 * SASL/SCRAM against a real cluster: the test starts its own one-node java
 * cluster with `--auth scram-sha-256` in a throw-away state folder on free
 * ports (the suite's cluster keeps its PLAINTEXT listener), runs the CLI
 * against it, and stops and deletes it at the end, whatever happened.
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { JavaRuntime } from "../../lib/cluster/java.ts";
import type { ClusterAuth } from "../../lib/cluster/sasl.ts";
import { saslMechanisms } from "../../lib/kafka/wire/client.ts";
import { resolveConfig } from "../../lib/config.ts";
import { ExitCode } from "../../lib/errors.ts";
import { waitFor } from "../../lib/time.ts";
import { captureOutput, type CliResult, events, runCli, unique } from "../helpers.ts";

/** A loopback port nothing listens on now. */
function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/** The environment that points the CLI at the SCRAM cluster's state folder and nothing else. */
function scramEnv(stateDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    KAFKA_LAB_STATE_DIR: stateDir,
    // Empty means unset: the brokers, registry and user come from the state folder.
    KAFKA_BROKERS: "",
    SCHEMA_REGISTRY_URL: "",
    KAFKA_LAB_SASL_MECHANISM: "",
    KAFKA_LAB_SASL_USERNAME: "",
    KAFKA_LAB_SASL_PASSWORD: "",
    ...extra,
  };
}

function assertNoSecret(result: CliResult, secrets: readonly string[]): void {
  for (const secret of secrets) {
    assert.ok(!result.stdout.includes(secret), "a password appears on stdout");
    assert.ok(!result.stderr.includes(secret), "a password appears on stderr");
  }
}

Deno.test({
  name: "a cluster started with --auth scram serves admin, produce and consume only to its user",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn(t) {
    const stateDir = join(await Deno.makeTempDir({ prefix: "kafka-lab-sasl-" }), "state");
    const env = scramEnv(stateDir);
    const config = resolveConfig({
      flags: {},
      env: { ...Deno.env.toObject(), ...env },
      dotenv: {},
    });
    const runtime = new JavaRuntime(config, captureOutput().out);
    try {
      const ports = { broker: freePort(), controller: freePort(), registry: freePort() };
      const { state } = await runtime.up({
        brokers: 1,
        timeoutMs: 300_000,
        auth: "scram-sha-256",
        ports,
      });
      const auth = state.auth as ClusterAuth;
      assert.equal(auth.mechanism, "scram-sha-256");
      const wrong = `wrong-${crypto.randomUUID()}`;
      const topic = unique("sasl");

      await t.step("config shows the recorded user and masks the password", async () => {
        const human = await runCli(["config"], { env });
        assert.equal(human.code, 0, human.stderr);
        assert.match(human.stdout, /saslUsername\s+kafka-lab\s+local cluster/);
        assert.match(human.stdout, /saslPassword\s+\*{8}/);
        const json = await runCli(["config", "--json"], { env });
        const password = events(json.stdout).find((e) => e.key === "saslPassword");
        assert.equal(password?.value, "********");
        assertNoSecret(human, [auth.password]);
        assertNoSecret(json, [auth.password]);
      });

      await t.step(
        "the right password: create, write, read, describe and status work",
        async () => {
          const create = await runCli(
            ["lab1", "create", "--topic", topic, "--partitions", "2", "--replication-factor", "1"],
            { env },
          );
          assert.equal(create.code, 0, create.stderr);
          const write = await runCli(
            ["write", topic, "--value", "a", "--value", "b", "--value", "c", "--json", "--verbose"],
            { env },
          );
          assert.equal(write.code, 0, write.stderr);
          assert.equal(
            events(write.stdout).filter((e) => e.event === "write.record.delivered").length,
            3,
          );
          assertNoSecret(write, [auth.password]);
          const read = await runCli(
            ["read", topic, "--from", "beginning", "--count", "3", "--verbose"],
            { env },
          );
          assert.equal(read.code, 0, read.stderr);
          // read logs in on the wire itself (no hand-over to kafkajs' consumer)
          assert.doesNotMatch(read.stderr, /hands over/);
          assertNoSecret(read, [auth.password]);
          for (const v of ["a", "b", "c"]) assert.match(read.stdout, new RegExp(`: ${v}\\b`));
          const status = await runCli(["status", "--json"], { env });
          assert.equal(status.code, 0, status.stderr);
        },
      );

      await t.step(
        "a wrong password ends at once with exit 4, one login, no password",
        async () => {
          for (const lang of ["en", "ru"] as const) {
            const bad = scramEnv(stateDir, {
              KAFKA_LAB_SASL_MECHANISM: "scram-sha-256",
              KAFKA_LAB_SASL_USERNAME: "kafka-lab",
              KAFKA_LAB_SASL_PASSWORD: wrong,
              KAFKA_BROKERS: state.brokers[0].address,
              KAFKA_LAB_LANG: lang,
            });
            const log = join(stateDir, "java", "node-1", "kafka.log");
            const before = (await Deno.readTextFile(log)).length;
            const res = await runCli(["write", topic, "--value", "x", "--verbose"], { env: bad });
            assert.equal(res.code, ExitCode.auth, res.stderr);
            assert.match(
              res.stderr,
              lang === "en"
                ? /refused the SASL login.*wrong user name or password/
                : /не приняли вход по SASL/,
            );
            assert.match(res.stderr, /KAFKA_LAB_SASL_PASSWORD/);
            // One login, no storm, whichever client logged in (the wire client asks first,
            // kafkajs bails out of its retry loop on a refused login): counted by the broker.
            const refusals = async () =>
              (await Deno.readTextFile(log)).slice(before).split("\n")
                .filter((l) => l.includes("Failed authentication with")).length;
            await waitFor(async () => (await refusals()) > 0, { timeoutMs: 10_000 });
            assert.equal(await refusals(), 1, "the broker refused more than one login");
            assertNoSecret(res, [auth.password, wrong]);
          }
          const bad = scramEnv(stateDir, {
            KAFKA_LAB_SASL_MECHANISM: "scram-sha-256",
            KAFKA_LAB_SASL_USERNAME: "kafka-lab",
            KAFKA_LAB_SASL_PASSWORD: wrong,
            KAFKA_BROKERS: state.brokers[0].address,
          });
          for (const args of [["status"], ["read", topic, "--count", "1"], ["lab1", "list"]]) {
            const res = await runCli(args, { env: bad });
            assert.equal(res.code, ExitCode.auth, `${args.join(" ")}: ${res.stderr}`);
            assertNoSecret(res, [auth.password, wrong]);
          }
        },
      );

      await t.step(
        "without credentials the error says the listener asks for a login (exit 4)",
        async () => {
          const none = scramEnv(stateDir, { KAFKA_BROKERS: state.brokers[0].address });
          for (const args of [["lab1", "list"], ["write", topic, "--value", "x"], ["status"]]) {
            const res = await runCli(args, { env: none, timeoutMs: 120_000 });
            assert.equal(res.code, ExitCode.auth, `${args.join(" ")}: ${res.stderr}`);
            assert.match(res.stderr, /asks for a SASL login \(SCRAM-SHA-256\)/);
            assert.match(res.stderr, /KAFKA_LAB_SASL_MECHANISM/);
          }
          assert.deepEqual(await saslMechanisms(state.brokers[0].address), ["SCRAM-SHA-256"]);
          const ru = await runCli(["lab1", "list", "--lang", "ru"], { env: none });
          assert.equal(ru.code, ExitCode.auth, ru.stderr);
          assert.match(ru.stderr, /требует входа по SASL/);
        },
      );

      const drop = await runCli(["lab1", "delete", topic, "--yes"], { env });
      assert.equal(drop.code, 0, drop.stderr);
    } finally {
      await runtime.down({ purge: true });
      await Deno.remove(join(stateDir, ".."), { recursive: true }).catch(() => {});
    }
  },
});
