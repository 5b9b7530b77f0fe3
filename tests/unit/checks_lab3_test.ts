import assert from "node:assert/strict";
import { LAB3_TASKS } from "../../labs/lab3_coordinates/check.ts";
import schema from "../../labs/lab3_coordinates/schema.json" with { type: "json" };
import { runTasks } from "../../lib/grading/run.ts";
import type { Snapshot } from "../../lib/grading/types.ts";
import {
  group,
  history as historyOf,
  type RecordSpec,
  snapshot,
  topic,
  wire,
} from "./checks_snapshot.ts";

const SCHEMA = JSON.stringify(schema);
const valid = (id: number, p = 0): RecordSpec => ({
  value: wire(1, { id, longitude: 10.5, latitude: 20.25 }),
  key: String(id),
  partition: p,
});
const noLatitude: RecordSpec = {
  value: wire(1, { id: 9, longitude: 1.5 }),
  key: "9",
  partition: 1,
};

function lab3(
  records: RecordSpec[],
  dlq: RecordSpec[] = [],
  extra: { committed?: number[]; schema?: string; subject?: string } = {},
): Snapshot {
  const t = topic("users_coordinates", {
    partitions: 6,
    rf: 2,
    configs: { "min.insync.replicas": "1" },
    records,
  });
  const subject = extra.subject ?? "users_coordinates-value";
  return snapshot({
    topics: {
      users_coordinates: t,
      "users_coordinates.dlq": topic("users_coordinates.dlq", { records: dlq }),
    },
    groups: {
      "users-coordinates-consumer": group(
        "users-coordinates-consumer",
        "users_coordinates",
        extra.committed ?? t.ends.map((e) => e.high),
      ),
    },
    subjects: {
      [subject]: {
        name: subject,
        versions: [{ version: 1, id: 1, schemaType: "JSON", schema: extra.schema ?? SCHEMA }],
      },
    },
    schemas: { 1: extra.schema ?? SCHEMA },
  });
}

function result(s: Snapshot, id: string) {
  const r = runTasks(LAB3_TASKS, s).find((r) => r.task === id);
  assert.ok(r, `task ${id}`);
  return r;
}

const deadLetter: RecordSpec = {
  value: wire(1, { id: 9, longitude: 1.5 }),
  headers: {
    "dlq.error.kind": "schema-violation",
    "dlq.error.reason": "must have required property 'latitude'",
    "dlq.original.topic": "users_coordinates",
    "dlq.original.partition": "1",
    "dlq.original.offset": "0",
  },
};

Deno.test("lab3 every task passes after a run with a dead-lettered bad record", () => {
  const results = runTasks(LAB3_TASKS, lab3([valid(1), valid(2, 3), noLatitude], [deadLetter]));
  assert.deepEqual(results.filter((r) => !r.pass).map((r) => `${r.task}: ${r.evidence.en}`), []);
});

Deno.test("lab3 every task fails on an empty cluster", () => {
  const results = runTasks(LAB3_TASKS, snapshot({ prefix: "boris." }));
  assert.deepEqual(results.filter((r) => r.pass).map((r) => r.task), []);
  assert.match(
    results.find((r) => r.task === "schema")!.evidence.en,
    /boris\.users_coordinates-value/,
  );
});

Deno.test("lab3 schema accepts the seed's subject name and refuses another schema", () => {
  assert.equal(
    result(lab3([valid(1)], [], { subject: "users-coordinates-values" }), "schema").pass,
    true,
  );
  const other = JSON.stringify({ ...schema, required: ["id"] });
  const r = result(lab3([valid(1)], [], { schema: other }), "schema");
  assert.equal(r.pass, false);
  assert.match(r.evidence.en, /differs from UserCoordinates/);
  const down = snapshot({ registryReachable: false });
  assert.match(result(down, "schema").evidence.en, /did not answer/);
});

Deno.test("lab3 valid-records fails when no record is in the wire format", () => {
  const r = result(lab3([{ value: '{"id":1,"longitude":1,"latitude":2}' }]), "valid-records");
  assert.equal(r.pass, false);
  assert.equal(result(lab3([valid(3)]), "valid-records").pass, true);
});

Deno.test("lab3 bad-in-dlq fails for a bad record missing from the DLQ or without a reason", () => {
  const missing = result(lab3([valid(1), noLatitude]), "bad-in-dlq");
  assert.equal(missing.pass, false);
  assert.match(missing.evidence.en, /1\/0 \(breaks/);
  const { "dlq.error.reason": _r, "dlq.error.kind": _k, ...noReason } = deadLetter.headers!;
  const r = result(
    lab3([valid(1), noLatitude], [{ ...deadLetter, headers: noReason }]),
    "bad-in-dlq",
  );
  assert.equal(r.pass, false);
  const unknownSchema: RecordSpec = { value: wire(77, { id: 1, longitude: 1, latitude: 1 }) };
  assert.match(result(lab3([unknownSchema]), "bad-in-dlq").evidence.en, /schema id 77/);
});

Deno.test("lab3 group-end fails when the consumer group is behind", () => {
  const r = result(lab3([valid(1), valid(2)], [], { committed: [1, 0, 0, 0, 0, 0] }), "group-end");
  assert.equal(r.pass, false);
  assert.match(r.evidence.en, /has not committed through/);
});

/** lab3's snapshot with a commit history: `groups` course id → [partition, offset] commits. */
function withHistory(
  s: Snapshot,
  groups: Record<string, (readonly [number, number])[]>,
  options: { admin?: boolean } = {},
): Snapshot {
  const history = Object.fromEntries(
    Object.entries(groups).map(([id, c]) => [id, historyOf(id, "users_coordinates", c, options)]),
  );
  return { ...s, history };
}

const RECORDS = [valid(1), valid(2, 3), noLatitude];

Deno.test("lab3 produce + reset: a group an admin moved to the end has not read", () => {
  const s = withHistory(lab3(RECORDS, [deadLetter]), {
    "users-coordinates-consumer": [[0, 1], [1, 1], [3, 1]],
  }, { admin: true });
  const r = result(s, "group-end");
  assert.equal(r.pass, false);
  assert.match(r.evidence.en, /offset reset/);
});

Deno.test("lab3 bad-in-dlq needs the DLQ topic and a bad record dead-lettered", () => {
  const noDlq = lab3([valid(1)]);
  const { "users_coordinates.dlq": _gone, ...topics } = noDlq.topics;
  const r = result({ ...noDlq, topics }, "bad-in-dlq");
  assert.equal(r.pass, false);
  assert.match(r.evidence.en, /does not exist/);
  assert.match(result(lab3([valid(1)]), "bad-in-dlq").evidence.en, /never tried/);
});

Deno.test("lab3 group-end accepts the seed's group, any group that read, and check --group", () => {
  const read: (readonly [number, number])[] = [[0, 1], [1, 1], [3, 1]];
  const s = withHistory(lab3(RECORDS, [deadLetter], { committed: [0, 0, 0, 0, 0, 0] }), {
    "coordinates-python": read,
  });
  const r = result(s, "group-end");
  assert.equal(r.pass, true, r.evidence.en);
  assert.match(r.evidence.en, /coordinates-python/);
  const named = result({ ...s, groupNames: { lab3: "users-coordinates-consumer" } }, "group-end");
  assert.equal(named.pass, false);
});

Deno.test("lab3 keys-are-ids and dlq-used fail without keys and without dead letters", () => {
  const unkeyed = lab3([{ ...valid(1), key: null }]);
  assert.equal(result(unkeyed, "keys-are-ids").pass, false);
  assert.equal(result(unkeyed, "dlq-used").pass, false);
});
