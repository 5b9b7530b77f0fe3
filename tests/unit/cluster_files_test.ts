/** The registry's database folder guard and the brokers' class-data archives (files only). */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  brokerArchive,
  brokerCdsOptions,
  registryArchive,
  registryCdsOptions,
  settleArchives,
} from "../../lib/cluster/cds.ts";
import { markRegistryData, prepareRegistryData } from "../../lib/cluster/registry_data.ts";
import type { ProcessRecord } from "../../lib/cluster/state.ts";
import { copyFormat, metaProperties } from "../../lib/cluster/storage.ts";
import { nodeLayout } from "../../lib/cluster/kraft.ts";

Deno.test("registry data: a database recorded as this version's is kept, any other is moved aside", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const data = join(dir, "registry");
    assert.equal(await prepareRegistryData(data, "3.0.9"), undefined, "empty folder");
    await Deno.writeTextFile(join(data, "db.mv.db"), "schemas");
    await Deno.writeTextFile(join(data, "registry.log"), "log");
    // Not recorded (a start that never answered): moved aside, the log stays.
    const aside = await prepareRegistryData(data, "3.0.9");
    assert.ok(aside);
    assert.equal(await Deno.readTextFile(join(aside, "db.mv.db")), "schemas");
    assert.ok(await Deno.stat(join(data, "registry.log")));
    await assert.rejects(() => Deno.stat(join(data, "db.mv.db")), Deno.errors.NotFound);
    // Recorded as this version's: kept.
    await Deno.writeTextFile(join(data, "db.mv.db"), "new");
    await markRegistryData(data, "3.0.9");
    assert.equal(await prepareRegistryData(data, "3.0.9"), undefined);
    assert.equal(await Deno.readTextFile(join(data, "db.mv.db")), "new");
    // Another version's: moved aside.
    const again = await prepareRegistryData(data, "3.1.0");
    assert.ok(again);
    assert.equal(await Deno.readTextFile(join(again, "db.mv.db")), "new");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("class-data archive: the first broker records one, down moves it into place, later brokers map it", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const jsa = brokerArchive(dir, "4.1.1", { path: "java", major: 17, version: "17.0.15" });
    const first = brokerCdsOptions(jsa, 0);
    assert.equal(first.length, 1);
    assert.ok(first[0].startsWith(`-XX:ArchiveClassesAtExit=${jsa}.pending-`));
    assert.deepEqual(brokerCdsOptions(jsa, 1), []);
    const pending = first[0].split("=")[1];
    const record = (name: string, argv: string[]): ProcessRecord => ({
      name,
      pid: 0,
      marker: name,
      logFile: "",
      argv,
    });
    // A killed broker's archive may be cut short: deleted.
    await Deno.writeTextFile(pending, "partial");
    await settleArchives([record("broker 1", ["java", ...first])], []);
    await assert.rejects(() => Deno.stat(pending), Deno.errors.NotFound);
    // A broker that stopped cleanly: its archive moves into place and is mapped from then on.
    await Deno.writeTextFile(pending, "classes");
    await settleArchives([record("broker 1", ["java", ...first])], ["broker 1"]);
    assert.equal(await Deno.readTextFile(jsa), "classes");
    assert.deepEqual(brokerCdsOptions(jsa, 0), [`-XX:SharedArchiveFile=${jsa}`]);
    assert.deepEqual(brokerCdsOptions(jsa, 2), [`-XX:SharedArchiveFile=${jsa}`]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("class-data archive: the registry has its own, per Apicurio and Java version, recorded then mapped", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const java = { path: "java", major: 17, version: "17.0.15" };
    const jsa = registryArchive(dir, "3.0.9", java);
    assert.notEqual(jsa, brokerArchive(dir, "4.1.1", java));
    assert.ok(jsa.includes("apicurio-3.0.9") && jsa.includes("17.0.15"));
    const first = registryCdsOptions(jsa);
    assert.ok(first[0].startsWith(`-XX:ArchiveClassesAtExit=${jsa}.pending-`));
    const pending = first[0].split("=")[1];
    await Deno.writeTextFile(pending, "classes");
    const rec: ProcessRecord = { name: "registry", pid: 0, marker: "r", logFile: "", argv: first };
    await settleArchives([rec], ["registry"]);
    assert.deepEqual(registryCdsOptions(jsa), [`-XX:SharedArchiveFile=${jsa}`]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("storage: other nodes get the first node's bootstrap checkpoint and a meta.properties of their own", async () => {
  const home = await Deno.makeTempDir();
  try {
    const [first, second] = nodeLayout(3);
    for (const id of [1, 2]) {
      await Deno.mkdir(join(home, `node-${id}`, "data"), { recursive: true });
    }
    await Deno.writeFile(
      join(home, "node-1", "data", "bootstrap.checkpoint"),
      new Uint8Array([1, 2, 3]),
    );
    await copyFormat(home, first, second, "QF4RF_cwAUnILI5BqM5yQA");
    const data = join(home, "node-2", "data");
    assert.deepEqual([...await Deno.readFile(join(data, "bootstrap.checkpoint"))], [1, 2, 3]);
    const meta = await Deno.readTextFile(join(data, "meta.properties"));
    assert.match(meta, /^version=1$/m);
    assert.match(meta, /^cluster\.id=QF4RF_cwAUnILI5BqM5yQA$/m);
    assert.match(meta, /^node\.id=2$/m);
    assert.match(meta, /^directory\.id=[A-Za-z0-9_-]{22}$/m);
    assert.notEqual(metaProperties(2, "x"), metaProperties(2, "x"), "a new directory id each time");
  } finally {
    await Deno.remove(home, { recursive: true });
  }
});
