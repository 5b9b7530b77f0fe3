import assert from "node:assert/strict";
import { baseName, inDir, PATH_DELIMITER } from "../../lib/paths.ts";

const WINDOWS = Deno.build.os === "windows";

Deno.test("inDir puts one separator between a folder and a file name", () => {
  const sep = WINDOWS ? "\\" : "/";
  assert.equal(inDir("/tmp/state", "cluster.json"), `/tmp/state${sep}cluster.json`);
  assert.equal(inDir("/tmp/state/", "cluster.json"), "/tmp/state/cluster.json");
  assert.equal(inDir("C:\\state\\", "cluster.json"), "C:\\state\\cluster.json");
  assert.equal(inDir("", "cluster.json"), "cluster.json");
});

Deno.test("baseName takes the part after the last slash or backslash", () => {
  assert.equal(baseName("/usr/bin/deno"), "deno");
  assert.equal(baseName("C:\\Users\\anna\\.deno\\bin\\deno.exe"), "deno.exe");
  assert.equal(baseName("/opt/kafka-lab/"), "kafka-lab");
  assert.equal(baseName("deno"), "deno");
});

Deno.test("PATH_DELIMITER is the platform's", () => {
  assert.equal(PATH_DELIMITER, WINDOWS ? ";" : ":");
});
