import assert from "node:assert/strict";
import {
  checkComposeOptions,
  COMPOSE_BROKERS,
  COMPOSE_PROJECT,
  composeUpArgs,
  DOCKER_REGISTRY_URL,
  dockerClusterState,
} from "../../lib/cluster/docker.ts";
import {
  checkPortsFree,
  javaClusterState,
  javaRegistryUrl,
  recordedAction,
} from "../../lib/cluster/java.ts";
import { DEFAULT_PORTS, nodeLayout, portsFromBase } from "../../lib/cluster/kraft.ts";
import type { ClusterState, ProcessRecord } from "../../lib/cluster/state.ts";
import { checkDataSize } from "../../lib/cluster/storage.ts";
import { ExitCode, KafkaLabError, UsageError } from "../../lib/errors.ts";
import { KAFKA_VERSION } from "../../lib/version.ts";

function record(name: string, argv = true): ProcessRecord {
  return { name, pid: 1, marker: name, logFile: `/l/${name}`, argv: argv ? ["java"] : undefined };
}

function recorded(brokers: number, processes: ProcessRecord[]): ClusterState {
  return {
    version: 1,
    runtime: "java",
    brokers: nodeLayout(brokers).map((n) => ({ id: n.id, address: n.address })),
    registryUrl: javaRegistryUrl(8081),
    processes,
    startedAt: "2025-01-01T00:00:00.000Z",
    kafkaVersion: KAFKA_VERSION,
  };
}

const processes = [record("broker 1"), record("broker 2"), record("registry")];
const running = (...names: string[]) => (p: ProcessRecord) => names.includes(p.name);

Deno.test("recordedAction keeps a cluster whose every process runs, whatever size is asked", () => {
  const all = running("broker 1", "broker 2", "registry");
  assert.equal(recordedAction(recorded(2, processes), 2, all), "keep");
  // The size check comes after, with its own message.
  assert.equal(recordedAction(recorded(2, processes), 3, all), "keep");
});

Deno.test("recordedAction restarts the stopped processes of a partly running cluster of that size", () => {
  const some = running("broker 1", "registry");
  assert.equal(recordedAction(recorded(2, processes), 2, some), "restart");
  assert.equal(recordedAction(recorded(2, processes), 3, some), "clear");
});

Deno.test("recordedAction clears a dead cluster, an empty record and one without command lines", () => {
  assert.equal(recordedAction(recorded(2, processes), 2, running()), "clear");
  assert.equal(recordedAction(recorded(2, []), 2, running()), "clear");
  const old = [record("broker 1", false), record("broker 2", false), record("registry", false)];
  assert.equal(recordedAction(recorded(2, old), 2, running("broker 1")), "clear");
});

Deno.test("checkPortsFree names the first taken port and what needs it", () => {
  const nodes = nodeLayout(3);
  checkPortsFree(nodes, 8081, () => true);
  assert.throws(
    () => checkPortsFree(nodes, 8081, (port) => port !== DEFAULT_PORTS.controller + 1),
    (e: unknown) =>
      e instanceof KafkaLabError && e.exitCode === ExitCode.failed &&
      e.message === "port 19193 on 127.0.0.1 is already in use; controller 2 needs it" &&
      /ss -ltnp \| grep 19193/.test(e.hint ?? ""),
  );
  assert.throws(
    () => checkPortsFree(nodes, 8081, (port) => port !== 8081),
    /port 8081 on 127\.0\.0\.1 is already in use; the schema registry needs it/,
  );
});

Deno.test("javaClusterState records the nodes, the registry on its port and the processes", () => {
  const ports = portsFromBase(29092);
  const nodes = nodeLayout(1, ports);
  const meta = { clusterId: "abc", brokers: 1, createdAt: "2025-01-01T00:00:00.000Z" };
  const now = new Date("2025-02-03T04:05:06.000Z");
  const state = javaClusterState(
    { meta, nodes, registryPort: ports.registry, processes: processes.slice(0, 1) },
    now,
  );
  assert.deepEqual(state, {
    version: 1,
    runtime: "java",
    clusterId: "abc",
    brokers: [{ id: 1, address: "localhost:29092" }],
    registryUrl: "http://localhost:29292/apis/ccompat/v7",
    processes: processes.slice(0, 1),
    startedAt: "2025-02-03T04:05:06.000Z",
    kafkaVersion: KAFKA_VERSION,
    auth: undefined,
  });
});

Deno.test("checkComposeOptions refuses a login, moved ports and another size, exit 2", () => {
  const ok = { brokers: COMPOSE_BROKERS, timeoutMs: 1000 };
  checkComposeOptions(ok, DEFAULT_PORTS);
  const refused = (fn: () => void, pattern: RegExp) =>
    assert.throws(fn, (e: unknown) => {
      assert.ok(e instanceof UsageError);
      assert.equal(e.exitCode, ExitCode.usage);
      assert.match(e.message, pattern);
      return true;
    });
  refused(
    () => checkComposeOptions({ ...ok, auth: "scram-sha-256" }, DEFAULT_PORTS),
    /^--auth runs on the java runtime only/,
  );
  refused(
    () => checkComposeOptions(ok, portsFromBase(29092)),
    /^KAFKA_LAB_PORT_BASE moves the java runtime only/,
  );
  refused(
    () => checkComposeOptions({ ...ok, brokers: 1 }, DEFAULT_PORTS),
    /^the docker runtime runs 3 brokers \(compose.yaml\), not 1$/,
  );
});

Deno.test("composeUpArgs waits for healthy services, the timeout rounded up to seconds", () => {
  assert.deepEqual(composeUpArgs("/s/docker/compose.yaml", 120_500), [
    "compose",
    "-p",
    COMPOSE_PROJECT,
    "-f",
    "/s/docker/compose.yaml",
    "up",
    "-d",
    "--wait",
    "--wait-timeout",
    "121",
  ]);
});

Deno.test("dockerClusterState records compose's three brokers, registry and console", () => {
  const state = dockerClusterState(new Date("2025-02-03T04:05:06.000Z"));
  assert.deepEqual(state.brokers.map((b) => b.address), [
    "localhost:19092",
    "localhost:19093",
    "localhost:19094",
  ]);
  assert.equal(state.registryUrl, DOCKER_REGISTRY_URL);
  assert.equal(state.uiUrl, "http://localhost:8080");
  assert.equal(state.runtime, "docker");
  assert.deepEqual(state.processes, []);
  assert.equal(state.startedAt, "2025-02-03T04:05:06.000Z");
});

Deno.test("checkDataSize refuses data made for another broker count, in both languages", () => {
  const meta = { clusterId: "abc", brokers: 1, createdAt: "2025-01-01T00:00:00.000Z" };
  checkDataSize(undefined, nodeLayout(3));
  checkDataSize(meta, nodeLayout(1));
  assert.throws(
    () => checkDataSize(meta, nodeLayout(3)),
    (e: unknown) =>
      e instanceof UsageError &&
      e.text.en === "the local cluster's data was made for 1 broker(s), not 3" &&
      e.text.ru === "данные локального кластера созданы для брокеров: 1, а не 3" &&
      /--brokers 1/.test(e.hintText?.en ?? ""),
  );
});
