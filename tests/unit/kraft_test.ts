import assert from "node:assert/strict";
import {
  DEFAULT_PORTS,
  INTERNAL_TOPIC_PARTITIONS,
  internalReplication,
  MAX_BROKERS,
  newClusterId,
  nodeLayout,
  portsFromBase,
  quorumVoters,
  requiredPorts,
  serverProperties,
} from "../../lib/cluster/kraft.ts";

function props(text: string): Map<string, string> {
  return new Map(text.trim().split("\n").map((l) => l.split("=", 2) as [string, string]));
}

Deno.test("nodeLayout gives three combined nodes on 19092-19094 for a 3-broker cluster", () => {
  const nodes = nodeLayout(3);
  assert.deepEqual(nodes.map((n) => n.address), [
    "localhost:19092",
    "localhost:19093",
    "localhost:19094",
  ]);
  assert.ok(nodes.every((n) => n.roles === "broker,controller"));
  assert.equal(quorumVoters(nodes), "1@127.0.0.1:19192,2@127.0.0.1:19193,3@127.0.0.1:19194");
});

Deno.test("nodeLayout keeps three controllers and adds broker-only nodes beyond three", () => {
  const nodes = nodeLayout(5);
  assert.deepEqual(nodes.map((n) => n.roles), [
    "broker,controller",
    "broker,controller",
    "broker,controller",
    "broker",
    "broker",
  ]);
  assert.equal(nodes[4].controllerPort, undefined);
  assert.equal(nodeLayout(1)[0].roles, "broker,controller");
  assert.throws(() => nodeLayout(0), RangeError);
  assert.throws(() => nodeLayout(6), RangeError);
});

Deno.test("serverProperties sets KRaft roles, loopback listeners and internal replication", () => {
  const nodes = nodeLayout(3);
  const p = props(serverProperties(nodes[1], nodes, "/d/node-2/data"));
  assert.equal(p.get("process.roles"), "broker,controller");
  assert.equal(p.get("node.id"), "2");
  assert.equal(p.get("listeners"), "EXTERNAL://127.0.0.1:19093,CONTROLLER://127.0.0.1:19193");
  assert.equal(p.get("advertised.listeners"), "EXTERNAL://localhost:19093");
  assert.equal(p.get("log.dirs"), "/d/node-2/data");
  assert.equal(p.get("offsets.topic.replication.factor"), "3");
  assert.equal(p.get("transaction.state.log.min.isr"), "2");
  assert.equal(p.get("auto.create.topics.enable"), "false");
});

Deno.test("serverProperties of a broker-only node has no controller listener", () => {
  const nodes = nodeLayout(4);
  const p = props(serverProperties(nodes[3], nodes, "/d"));
  assert.equal(p.get("process.roles"), "broker");
  assert.equal(p.get("listeners"), "EXTERNAL://127.0.0.1:19095");
  assert.equal(p.get("controller.quorum.voters"), quorumVoters(nodes));
});

Deno.test("internalReplication never exceeds the broker count", () => {
  assert.deepEqual(internalReplication(1), { factor: 1, minIsr: 1 });
  assert.deepEqual(internalReplication(2), { factor: 2, minIsr: 2 });
  assert.deepEqual(internalReplication(5), { factor: 3, minIsr: 2 });
});

Deno.test("newClusterId makes 22-character URL-safe ids and never starts with a dash", () => {
  for (let i = 0; i < 200; i++) {
    const id = newClusterId();
    assert.match(id, /^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
  }
  let calls = 0;
  const id = newClusterId((b) => {
    calls++;
    b.fill(calls === 1 ? 0xfb : 0x41); // 0xfb.. encodes to "-" first
    return b;
  });
  assert.equal(calls, 2);
  assert.ok(!id.startsWith("-"));
});

Deno.test("requiredPorts lists brokers, controllers and the registry", () => {
  const ports = requiredPorts(nodeLayout(3)).map((p) => p.port);
  assert.deepEqual(ports, [19092, 19192, 19093, 19193, 19094, 19194, 8081]);
});

Deno.test("portsFromBase keeps the default layout at 19092 and moves every port with another base", () => {
  assert.deepEqual(portsFromBase(19092), DEFAULT_PORTS);
  const moved = portsFromBase(29092);
  assert.deepEqual(moved, { broker: 29092, controller: 29192, registry: 29292 });
  const ports = requiredPorts(nodeLayout(MAX_BROKERS, moved), moved.registry).map((p) => p.port);
  assert.deepEqual(ports, [29092, 29192, 29093, 29193, 29094, 29194, 29095, 29096, 29292]);
  assert.equal(new Set(ports).size, ports.length, "no port is used twice");
  assert.equal(nodeLayout(1, moved)[0].address, "localhost:29092");
});

Deno.test("serverProperties sizes the internal topics only for data formatted with a recorded count", () => {
  const nodes = nodeLayout(3);
  const older = props(serverProperties(nodes[0], nodes, "/d"));
  assert.equal(older.get("offsets.topic.num.partitions"), undefined, "older data keeps Kafka's 50");
  const newer = props(serverProperties(nodes[0], nodes, "/d", INTERNAL_TOPIC_PARTITIONS));
  assert.equal(newer.get("offsets.topic.num.partitions"), String(INTERNAL_TOPIC_PARTITIONS));
  assert.equal(
    newer.get("transaction.state.log.num.partitions"),
    String(INTERNAL_TOPIC_PARTITIONS),
  );
});
