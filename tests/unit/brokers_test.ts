import assert from "node:assert/strict";
import { checkStop, type NodeStatus } from "../../lib/cluster/brokers.ts";
import { composeServiceArgs } from "../../lib/cluster/docker.ts";
import { brokerCommand, registryCommand } from "../../lib/cluster/jvm.ts";
import { ExitCode, UsageError } from "../../lib/errors.ts";

function nodes(count: number, stopped: number[] = []): NodeStatus[] {
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    address: `localhost:${19092 + i}`,
    controller: i < (count >= 3 ? 3 : 1),
    running: !stopped.includes(i + 1),
  }));
}

function refused(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof UsageError);
    assert.equal(err.exitCode, ExitCode.usage);
    assert.match(err.message, pattern);
    return true;
  });
}

Deno.test("checkStop allows one of three controllers to stop", () => {
  assert.equal(checkStop(nodes(3), 2).id, 2);
});

Deno.test("checkStop refuses a second controller of three: no quorum majority", () => {
  refused(() => checkStop(nodes(3, [1]), 2), /1 of 3 KRaft controllers/);
});

Deno.test("checkStop refuses an id the cluster does not have", () => {
  refused(() => checkStop(nodes(3), 7), /no broker 7/);
});

Deno.test("checkStop refuses the last running broker", () => {
  refused(() => checkStop(nodes(1), 1), /last running broker/);
  refused(() => checkStop(nodes(5, [1, 4, 5]), 2), /KRaft controllers/);
});

Deno.test("checkStop lets broker-only nodes stop while a controller majority runs", () => {
  assert.equal(checkStop(nodes(5, [1]), 4).id, 4);
  assert.equal(checkStop(nodes(5, [1, 4]), 5).id, 5);
});

Deno.test("checkStop passes a node that is already stopped (stopping it is a no-op)", () => {
  assert.equal(checkStop(nodes(3, [1]), 1).running, false);
});

Deno.test("composeServiceArgs stops, kills and starts only that node's service", () => {
  const file = "/s/docker/compose.yaml";
  const base = ["compose", "-p", "kafka-lab", "-f", file];
  assert.deepEqual(composeServiceArgs("stop", 2, file), [
    ...base,
    "stop",
    "--timeout",
    "30",
    "kafka-2",
  ]);
  assert.deepEqual(composeServiceArgs("kill", 3, file), [
    ...base,
    "kill",
    "--signal",
    "SIGKILL",
    "kafka-3",
  ]);
  assert.deepEqual(composeServiceArgs("start", 1, file), [...base, "start", "kafka-1"]);
});

Deno.test("brokerCommand runs kafka.Kafka on the node's own server.properties", () => {
  const paths = {
    java: "/usr/bin/java",
    home: "/s/java",
    classpath: "a.jar:b.jar",
    log4jPath: "/l",
  };
  const { argv, marker } = brokerCommand(paths, 2);
  assert.equal(argv[0], "/usr/bin/java");
  assert.equal(marker, "/s/java/node-2/server.properties");
  assert.deepEqual(argv.slice(-2), ["kafka.Kafka", marker]);
  assert.ok(argv.includes("a.jar:b.jar"));
});

Deno.test("registryCommand keeps the registry's data in the state folder", () => {
  const r = registryCommand(
    { java: "java", home: "/s/java", runnerJar: "/c/runner.jar" },
    { host: "127.0.0.1", port: 8081 },
  );
  assert.equal(r.marker, "/s/java/registry");
  assert.ok(r.argv.includes("-Dquarkus.http.port=8081"));
  assert.deepEqual(r.argv.slice(-2), ["-jar", "/c/runner.jar"]);
});
