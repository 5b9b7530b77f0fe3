import assert from "node:assert/strict";
import { findJava, parseJavaVersion } from "../../lib/cluster/java.ts";
import { KafkaLabError } from "../../lib/errors.ts";

Deno.test("parseJavaVersion reads modern and legacy version strings", () => {
  assert.deepEqual(parseJavaVersion('openjdk version "17.0.15" 2025-04-15'), {
    major: 17,
    version: "17.0.15",
  });
  assert.deepEqual(parseJavaVersion('openjdk version "21" 2023-09-19'), {
    major: 21,
    version: "21",
  });
  assert.deepEqual(parseJavaVersion('java version "1.8.0_402"'), {
    major: 8,
    version: "1.8.0_402",
  });
  assert.deepEqual(parseJavaVersion('openjdk version "25-ea" 2025-09-16'), {
    major: 25,
    version: "25-ea",
  });
  assert.equal(parseJavaVersion("no java here"), undefined);
});

Deno.test("findJava says how to install Java when JAVA_HOME points nowhere", async () => {
  await assert.rejects(
    () => findJava({ JAVA_HOME: "/nonexistent/jdk" }),
    (e: unknown) =>
      e instanceof KafkaLabError && /not found at \/nonexistent\/jdk/.test(e.message) &&
      /Java 17 or newer/.test(e.hint ?? "") && /--runtime docker/.test(e.hint ?? ""),
  );
});
