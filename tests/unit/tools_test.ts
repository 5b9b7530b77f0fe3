import assert from "node:assert/strict";
import { KAFKA_JARS, KAFKA_TOOLS_JARS } from "../../lib/cluster/artifacts.ts";
import { cachePath } from "../../lib/cluster/download.ts";
import { findJava } from "../../lib/cluster/jvm.ts";
import { kafkaToolsClasspath, runKafkaTool } from "../../lib/cluster/tools.ts";
import { captureOutput } from "../helpers.ts";
import { resolveDirs } from "../../lib/config.ts";

Deno.test("KAFKA_TOOLS_JARS pins kafka-tools 4.1.1 with a SHA-256, apart from the broker jars", () => {
  assert.deepEqual(KAFKA_TOOLS_JARS.map((a) => `${a.artifact}:${a.version}`), [
    "kafka-tools:4.1.1",
  ]);
  for (const a of KAFKA_TOOLS_JARS) assert.match(a.sha256, /^[0-9a-f]{64}$/);
  assert.ok(!KAFKA_JARS.some((a) => a.artifact === "kafka-tools"));
});

const { cacheDir } = resolveDirs({ env: Deno.env.toObject(), dotenv: {}, os: Deno.build.os });
const cached = [...KAFKA_JARS, ...KAFKA_TOOLS_JARS].every((a) => {
  try {
    return Deno.statSync(cachePath(cacheDir, a)).size === a.size;
  } catch {
    return false;
  }
});

Deno.test({
  name: "runKafkaTool runs a Kafka tool's main class from the pinned classpath",
  ignore: !cached,
  async fn() {
    const classpath = await kafkaToolsClasspath({ cacheDir, out: captureOutput().out });
    const java = await findJava(Deno.env.toObject());
    const r = await runKafkaTool(java.path, classpath, "org.apache.kafka.tools.TopicCommand", [
      "--version",
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /4\.1\.1/);
  },
});
