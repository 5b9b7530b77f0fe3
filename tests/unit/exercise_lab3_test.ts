/** Lab 3's exercise judges, each both ways, and the grader's poison records. */
import assert from "node:assert/strict";
import {
  judgeGood,
  judgePoison,
  judgeRegistered,
  judgeValid,
  judgeWire,
  type RawRecord,
  validIds,
} from "../../lib/exercise/lab3.ts";
import { wireValue } from "../../lib/exercise/registry_side.ts";
import { parseWireHeader } from "../../lib/registry.ts";

const SCHEMA = JSON.stringify({ type: "object", required: ["id", "longitude", "latitude"] });
const rec = (id: number, value: object, schemaId = 7, key = String(id)): RawRecord => ({
  key,
  value: wireValue(schemaId, value),
});
const GOOD = validIds(6).map((id) => rec(id, { id, longitude: 1.5, latitude: 2.5 }));

Deno.test("validIds leaves out every third generated record (the one missing latitude)", () => {
  assert.deepEqual(validIds(6), [11, 12, 14, 15]);
});

Deno.test("judgeRegistered passes a schema requiring id, longitude and latitude", () => {
  assert.equal(judgeRegistered("t-value", SCHEMA).pass, true);
});

Deno.test("judgeRegistered fails no subject and a schema that requires less", () => {
  assert.equal(judgeRegistered("t-value", undefined).pass, false);
  assert.equal(judgeRegistered("t-value", JSON.stringify({ required: ["id"] })).pass, false);
  assert.equal(judgeRegistered("t-value", "not json").pass, false);
});

Deno.test("judgeWire passes records under the registered id, keyed by their id", () => {
  assert.equal(judgeWire(GOOD, 7).pass, true);
});

Deno.test("judgeWire fails plain JSON, another schema id, a wrong key, no records", () => {
  const plain = { key: "11", value: new TextEncoder().encode('{"id":11}') };
  assert.equal(judgeWire([plain], 7).pass, false);
  assert.equal(judgeWire(GOOD, 8).pass, false);
  assert.equal(judgeWire([rec(11, { id: 11 }, 7, "eleven")], 7).pass, false);
  assert.equal(judgeWire([], 7).pass, false);
});

Deno.test("judgeValid passes exactly the valid records in order", () => {
  assert.equal(judgeValid(GOOD, [11, 12, 14, 15]).pass, true);
});

Deno.test("judgeValid fails a record missing latitude, and a dropped good record", () => {
  const broken = [...GOOD, rec(13, { id: 13, longitude: 1 })];
  const v = judgeValid(broken, [11, 12, 14, 15]);
  assert.equal(v.pass, false);
  assert.match(v.evidence.en, /breaking the schema: 1/);
  assert.equal(judgeValid(GOOD.slice(1), [11, 12, 14, 15]).pass, false);
});

const OUT = "ok 101 x\nskipped offset=1: not JSON\nok 102\nok 103\nskipped offset=5\nok 104\n";

Deno.test("judgeGood passes every good id printed as ok, in order", () => {
  assert.equal(judgeGood(OUT, [101, 102, 103, 104]).pass, true);
});

Deno.test("judgeGood fails a consumer that stopped at the first poison record", () => {
  assert.equal(judgeGood("ok 101\n", [101, 102, 103, 104]).pass, false);
});

Deno.test("judgePoison passes when no poison id is printed as ok, fails when one is", () => {
  assert.equal(judgePoison(OUT, [901, 902, 903]).pass, true);
  assert.equal(judgePoison(OUT + "ok 902\n", [901, 902, 903]).pass, false);
});

Deno.test("wireValue writes magic byte 0 and the schema id that parseWireHeader reads back", () => {
  const v = wireValue(1234, { id: 1 });
  assert.equal(v[0], 0);
  assert.deepEqual(parseWireHeader(v), { schemaId: 1234 });
  assert.equal(new TextDecoder().decode(v.subarray(5)), '{"id":1}');
});
