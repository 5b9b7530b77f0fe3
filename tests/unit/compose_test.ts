import assert from "node:assert/strict";
import { parse } from "yaml";
import { COMPOSE_BROKERS, COMPOSE_YAML, DockerRuntime } from "../../lib/cluster/docker.ts";
import { resolveConfig } from "../../lib/config.ts";
import { UsageError } from "../../lib/errors.ts";
import { captureOutput } from "../helpers.ts";
import { nodeLayout, REGISTRY_PORT, UI_PORT } from "../../lib/cluster/kraft.ts";
import { BROKER_JVM_OPTIONS, LAPTOP_BROKER_PROPERTIES } from "../../lib/cluster/tuning.ts";

// deno-lint-ignore no-explicit-any
const compose: any = parse(COMPOSE_YAML, { merge: true });
const kafkaServices = Object.keys(compose.services).filter((s) =>
  s.startsWith("kafka-") && s !== "kafka-ui"
);

function env(service: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(compose.services[service].environment).map(([k, v]) => [k, String(v)]),
  );
}

Deno.test("compose.yaml runs three apache/kafka 4.1.1 nodes in KRaft mode", () => {
  assert.equal(kafkaServices.length, COMPOSE_BROKERS);
  for (const s of kafkaServices) {
    assert.equal(compose.services[s].image, "apache/kafka:4.1.1");
    const e = env(s);
    assert.equal(e.KAFKA_PROCESS_ROLES, "broker,controller");
    assert.equal(e.KAFKA_CONTROLLER_QUORUM_VOTERS, "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
    assert.equal(e.KAFKA_CONTROLLER_LISTENER_NAMES, "CONTROLLER");
    assert.ok(!Object.keys(e).some((k) => k.includes("ZOOKEEPER")), "no ZooKeeper settings");
  }
  const ids = kafkaServices.map((s) => env(s).KAFKA_NODE_ID).sort();
  assert.deepEqual(ids, ["1", "2", "3"]);
});

Deno.test("compose.yaml shares one valid cluster id across the nodes", () => {
  const ids = new Set(kafkaServices.map((s) => env(s).CLUSTER_ID));
  assert.equal(ids.size, 1);
  const [id] = ids;
  const bytes = atob(id.replaceAll("-", "+").replaceAll("_", "/") + "==");
  assert.equal(bytes.length, 16);
});

Deno.test("compose.yaml replicates internal topics right for three nodes", () => {
  for (const s of kafkaServices) {
    const e = env(s);
    assert.equal(e.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR, "3");
    assert.equal(e.KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR, "3");
    assert.equal(e.KAFKA_TRANSACTION_STATE_LOG_MIN_ISR, "2");
    assert.equal(e.KAFKA_AUTO_CREATE_TOPICS_ENABLE, "false");
  }
});

Deno.test("compose.yaml publishes the same client endpoints as the java runtime, on loopback", () => {
  const java = nodeLayout(COMPOSE_BROKERS);
  for (const node of java) {
    const service = `kafka-${node.id}`;
    assert.deepEqual(compose.services[service].ports, [
      `127.0.0.1:${node.brokerPort}:${node.brokerPort}`,
    ]);
    assert.match(
      env(service).KAFKA_ADVERTISED_LISTENERS,
      new RegExp(`EXTERNAL://${node.address}(,|$)`),
    );
    assert.match(env(service).KAFKA_LISTENERS, new RegExp(`EXTERNAL://:${node.brokerPort}(,|$)`));
  }
  assert.deepEqual(compose.services["schema-registry"].ports, [`127.0.0.1:${REGISTRY_PORT}:8081`]);
  assert.deepEqual(compose.services["kafka-ui"].ports, [`127.0.0.1:${UI_PORT}:8080`]);
});

Deno.test("compose.yaml has healthchecks and starts the registry after healthy brokers", () => {
  for (const s of [...kafkaServices, "schema-registry"]) {
    assert.ok(compose.services[s].healthcheck?.test, `${s} has a healthcheck`);
  }
  const deps = compose.services["schema-registry"].depends_on;
  for (const s of kafkaServices) assert.equal(deps[s].condition, "service_healthy");
  assert.match(compose.services["schema-registry"].image, /^confluentinc\/cp-schema-registry:\d/);
  for (const s of kafkaServices) {
    assert.deepEqual(compose.services[s].volumes, [`${s}-data:/var/lib/kafka/data`]);
  }
});

Deno.test("compose.yaml sizes its brokers for a laptop like the java runtime", () => {
  for (const s of kafkaServices) {
    const e = env(s);
    for (const [key, value] of LAPTOP_BROKER_PROPERTIES) {
      const name = `KAFKA_${key.toUpperCase().replaceAll(".", "_")}`;
      assert.equal(e[name], String(value), `${s} ${name}`);
    }
    const jvm = `${e.KAFKA_HEAP_OPTS} ${e.KAFKA_JVM_PERFORMANCE_OPTS}`.split(" ");
    for (const option of BROKER_JVM_OPTIONS) assert.ok(jvm.includes(option), `${s} ${option}`);
  }
});

Deno.test("the docker runtime refuses a moved port base before it touches Docker", async () => {
  const config = resolveConfig({
    flags: {},
    env: { KAFKA_LAB_PORT_BASE: "29092", KAFKA_LAB_STATE_DIR: "/nonexistent/kafka-lab" },
    dotenv: {},
  });
  const runtime = new DockerRuntime(config, captureOutput().out);
  await assert.rejects(
    () => runtime.up({ brokers: COMPOSE_BROKERS, timeoutMs: 10_000 }),
    (e: unknown) =>
      e instanceof UsageError &&
      /KAFKA_LAB_PORT_BASE moves the java runtime only/.test(e.message) &&
      /--runtime java/.test(e.hintText?.en ?? ""),
  );
});
