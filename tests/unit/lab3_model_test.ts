import assert from "node:assert/strict";
import { en, Faker } from "@faker-js/faker";
import {
  breakageFor,
  BREAKAGES,
  breakRecord,
  deadLetterHeaders,
  dlqTopicOf,
  generateCoordinates,
  isBrokenTurn,
  ROGUE_KINDS,
  rogueValue,
  UNKNOWN_SCHEMA_ID,
  USER_COORDINATES_SCHEMA,
  wireValue,
} from "../../labs/lab3_coordinates/model.ts";
import { readerIssues } from "../../labs/lab3_coordinates/reader.ts";
import { parseWireHeader } from "../../lib/registry.ts";

const faker = new Faker({ locale: [en] });

Deno.test("lab3 schema is the seed's draft-07 UserCoordinates with three required fields", () => {
  assert.equal(USER_COORDINATES_SCHEMA.$schema, "http://json-schema.org/draft-07/schema#");
  assert.equal(USER_COORDINATES_SCHEMA.title, "UserCoordinates");
  assert.deepEqual(USER_COORDINATES_SCHEMA.required, ["id", "longitude", "latitude"]);
});

Deno.test("lab3 generator makes valid records: id 1..100, coordinates in range", () => {
  faker.seed(2026);
  for (let i = 0; i < 500; i++) {
    const r = generateCoordinates(faker);
    assert.deepEqual(readerIssues(r), []);
    assert.ok(Number.isInteger(r.id) && r.id >= 1 && r.id <= 100);
    assert.ok(r.longitude >= -180 && r.longitude <= 180);
    assert.ok(r.latitude >= -90 && r.latitude <= 90);
  }
});

Deno.test("lab3 breakages each fail validation with the reason a student should see", () => {
  const r = { id: 7, longitude: 10.5, latitude: -3.25 };
  assert.deepEqual(readerIssues(breakRecord(r, "missing-latitude")), [
    { path: "", message: "must have required property 'latitude'" },
  ]);
  assert.deepEqual(readerIssues(breakRecord(r, "missing-longitude")), [
    { path: "", message: "must have required property 'longitude'" },
  ]);
  assert.deepEqual(readerIssues(breakRecord(r, "id-as-text")), [{
    path: "/id",
    message: "must be integer",
  }]);
  assert.deepEqual(BREAKAGES.map((_, k) => breakageFor(k)), [...BREAKAGES]);
  assert.equal(breakageFor(BREAKAGES.length), BREAKAGES[0]);
});

Deno.test("lab3 isBrokenTurn marks every Nth record, never with 0", () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8].filter((n) => isBrokenTurn(n, 4)), [4, 8]);
  assert.equal([1, 2, 3].some((n) => isBrokenTurn(n, 0)), false);
});

Deno.test("lab3 wireValue writes magic byte 0 and a big-endian schema id", () => {
  const v = wireValue(258, new TextEncoder().encode("{}"));
  assert.deepEqual([...v], [0, 0, 0, 1, 2, 123, 125]);
  assert.deepEqual(parseWireHeader(v), { schemaId: 258 });
});

Deno.test("lab3 rogue values break the wire format in the four ways the consumer must survive", () => {
  const r = { id: 5, longitude: 1.5, latitude: 2.5 };
  const raw = rogueValue("raw-json", r, 3);
  assert.match(String(parseWireHeader(raw)), /first byte is '\{' \(0x7b\)/);
  assert.deepEqual(parseWireHeader(rogueValue("missing-field", r, 3)), { schemaId: 3 });
  assert.deepEqual(parseWireHeader(rogueValue("unknown-schema", r, 3)), {
    schemaId: UNKNOWN_SCHEMA_ID,
  });
  const notJson = rogueValue("not-json", r, 3);
  assert.throws(() => JSON.parse(new TextDecoder().decode(notJson.subarray(5))), SyntaxError);
  assert.equal(ROGUE_KINDS.length, 4);
  assert.match(String(parseWireHeader(new Uint8Array([0, 1]))), /only 2 byte/);
  assert.equal(parseWireHeader(null), "the record has no value");
});

Deno.test("lab3 dead letter headers name the reason and the origin", () => {
  assert.deepEqual(
    deadLetterHeaders({
      kind: "schema-violation",
      reason: "must have required property 'latitude'",
      topic: "users_coordinates",
      partition: 4,
      offset: "17",
      timestamp: "1700000000000",
      group: "g",
    }),
    {
      "dlq.error.kind": "schema-violation",
      "dlq.error.reason": "must have required property 'latitude'",
      "dlq.original.topic": "users_coordinates",
      "dlq.original.partition": "4",
      "dlq.original.offset": "17",
      "dlq.original.timestamp": "1700000000000",
      "dlq.consumer.group": "g",
    },
  );
  assert.equal(dlqTopicOf("users_coordinates"), "users_coordinates.dlq");
});
