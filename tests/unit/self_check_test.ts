import assert from "node:assert/strict";
import {
  CLUSTER_PORTS,
  clusterRow,
  dockerRow,
  folderRow,
  javaRow,
  portRow,
} from "../../commands/self_check/run.ts";
import { parseLsof, parseNetstat, parseSs } from "../../commands/self_check/probes.ts";
import { SELF_CHECK_TEXT } from "../../commands/self_check/text.ts";
import { pick, placeholders } from "../../lib/i18n.ts";
import { composeImageTag, versionInfo, versionText } from "../../lib/version.ts";

const en = pick(SELF_CHECK_TEXT, "en");

Deno.test("self-check texts have the same placeholders in English and Russian", () => {
  for (const key of Object.keys(SELF_CHECK_TEXT.en) as Array<keyof typeof SELF_CHECK_TEXT.en>) {
    assert.deepEqual(
      placeholders(SELF_CHECK_TEXT.ru[key]),
      placeholders(SELF_CHECK_TEXT.en[key]),
      key,
    );
    assert.notEqual(SELF_CHECK_TEXT.ru[key], "", key);
  }
});

Deno.test("parseSs reads the process and pid from ss -ltnpH", () => {
  const line = 'LISTEN 0 50 127.0.0.1:8081 0.0.0.0:* users:(("python3",pid=4242,fd=3))\n';
  assert.deepEqual(parseSs(line), { name: "python3", pid: 4242 });
  assert.deepEqual(parseSs("LISTEN 0 50 127.0.0.1:8081 0.0.0.0:*\n"), {});
  assert.equal(parseSs(""), undefined);
});

Deno.test("parseLsof reads -Fpc output", () => {
  assert.deepEqual(parseLsof("p812\ncjava\nf23\n"), { pid: 812, name: "java" });
  assert.equal(parseLsof(""), undefined);
});

Deno.test("parseNetstat finds the listening pid of a port on Windows", () => {
  const text = [
    "  Proto  Local Address          Foreign Address        State           PID",
    "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1000",
    "  TCP    127.0.0.1:80810        0.0.0.0:0              LISTENING       7",
    "  TCP    127.0.0.1:8081         0.0.0.0:0              LISTENING       5150",
    "  TCP    127.0.0.1:8081         127.0.0.1:50000        ESTABLISHED     5150",
  ].join("\r\n");
  assert.deepEqual(parseNetstat(text, 8081), { pid: 5150 });
  assert.equal(parseNetstat(text, 19092), undefined);
});

Deno.test("javaRow blocks up only when Docker cannot stand in", () => {
  const missing = { kind: "missing", path: "java", fromJavaHome: false } as const;
  assert.equal(javaRow(missing, false, en).status, "fail");
  assert.equal(javaRow(missing, true, en).status, "warn");
  const old = javaRow({ kind: "old", path: "/usr/bin/java", version: "11.0.2" }, false, en);
  assert.equal(old.status, "fail");
  assert.match(old.detail, /Java 11\.0\.2.*Java 17/);
  assert.ok(old.fix);
  const ok = javaRow({ kind: "ok", path: "java", version: "21.0.1", major: 21 }, false, en);
  assert.equal(ok.status, "ok");
  const java21 = { kind: "ok", path: "java", version: "21.0.1", major: 21 } as const;
  const windows = javaRow(java21, false, en, "windows");
  assert.equal(
    windows.status,
    "fail",
    "up refuses the java runtime on Windows: blocked without Docker",
  );
  assert.match(windows.fix!, /Docker Desktop|WSL/);
  assert.equal(javaRow(java21, true, en, "windows").status, "info");
  const home = javaRow({ kind: "missing", path: "/opt/j/bin/java", fromJavaHome: true }, false, en);
  assert.match(home.fix!, /JAVA_HOME/);
});

Deno.test("dockerRow is information when Java works and a warning when neither does", () => {
  assert.equal(dockerRow({ kind: "no-client" }, true, en).status, "info");
  const none = dockerRow({ kind: "no-engine", detail: "daemon down" }, false, en);
  assert.equal(none.status, "warn");
  assert.match(none.detail, /daemon down/);
  assert.equal(dockerRow({ kind: "ok", version: "27.1.1" }, false, en).status, "ok");
});

Deno.test("portRow fails on a port the chosen runtime needs and names the holder", () => {
  const registry = CLUSTER_PORTS.find((p) => p.port === 8081)!;
  const taken = { kind: "taken", holder: { pid: 4242, name: "python3" } } as const;
  const row = portRow(registry, taken, "java", en);
  assert.equal(row.status, "fail");
  assert.match(row.detail, /python3 \(pid 4242\)/);
  assert.match(row.fix!, /4242/);
  assert.equal(row.data.pid, 4242);
  const ui = CLUSTER_PORTS.find((p) => p.port === 8080)!;
  assert.equal(portRow(ui, taken, "java", en).status, "warn");
  assert.equal(portRow(ui, taken, "docker", en).status, "fail");
  assert.equal(portRow(ui, { kind: "free" }, "docker", en).status, "ok");
  assert.equal(portRow(registry, { kind: "ours", holder: { pid: 1 } }, "java", en).status, "ok");
});

Deno.test("CLUSTER_PORTS covers the brokers, controllers, registry and UI", () => {
  assert.deepEqual(CLUSTER_PORTS.map((p) => p.port), [
    19092,
    19093,
    19094,
    19192,
    19193,
    19194,
    8081,
    8080,
  ]);
});

Deno.test("folderRow fails on a folder that takes no files and names the variable to set", () => {
  const bad = folderRow("cache", "/x", { kind: "not-writable", detail: "denied" }, en);
  assert.equal(bad.status, "fail");
  assert.match(bad.fix!, /KAFKA_LAB_CACHE_DIR/);
  assert.equal(folderRow("state", "/y", { kind: "ok" }, en).status, "ok");
});

Deno.test("clusterRow suggests a restart for a half-running cluster", () => {
  const partial = {
    kind: "partial",
    runtime: "java",
    answering: 2,
    brokers: 3,
    notResponding: [],
  } as const;
  const row = clusterRow(partial, en);
  assert.equal(row.status, "warn");
  assert.match(row.detail, /2\/3/);
  assert.match(row.fix!, /kafka-lab down/);
  // A paused broker: named as not responding, with how to resume it.
  const paused = clusterRow({ ...partial, notResponding: [2] }, en);
  assert.match(paused.detail, /not responding: broker 2/);
  assert.match(paused.fix!, /kill -CONT/);
  assert.deepEqual(paused.data.notResponding, [2]);
  assert.equal(clusterRow({ kind: "none" }, en).status, "info");
});

Deno.test("composeImageTag reads an image's tag from compose.yaml text", () => {
  const compose =
    "services:\n  k:\n    image: apache/kafka:4.1.1\n  r:\n    image: ghcr.io/x/y:v2\n";
  assert.equal(composeImageTag(compose, "apache/kafka"), "4.1.1");
  assert.equal(composeImageTag(compose, "ghcr.io/x/y"), "v2");
  assert.equal(composeImageTag(compose, "nope"), "unknown");
});

Deno.test("versionInfo names program, Kafka, both registries, Deno and the target", () => {
  const info = versionInfo();
  assert.match(info.version, /^\d+\.\d+\.\d+/);
  assert.equal(info.kafka, "4.1.1");
  assert.match(info.registry.java, /^Apicurio Registry \d/);
  assert.match(info.registry.docker, /^Confluent Schema Registry \d/);
  assert.equal(info.deno, Deno.version.deno);
  assert.equal(info.target, Deno.build.target);
  assert.equal(info.compiled, false);
  const [first, kafka, deno] = versionText(info, "ru").split("\n");
  assert.equal(first, `kafka-lab ${info.version}`);
  assert.match(kafka, /среда java/);
  assert.match(deno, /запуск из исходников/);
});
