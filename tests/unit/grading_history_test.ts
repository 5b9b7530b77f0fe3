import assert from "node:assert/strict";
import { LAB2_TASKS } from "../../labs/lab2_hello/check.ts";
import {
  decodeOffsetsRecord,
  groupHistories,
  offsetsPartition,
} from "../../lib/grading/offsets_log.ts";
import { runTasks, summarize } from "../../lib/grading/run.ts";
import type { Snapshot } from "../../lib/grading/types.ts";
import { group, history, type RecordSpec, snapshot, topic } from "./checks_snapshot.ts";
import { START_METADATA } from "../../lib/kafka/consumer_start.ts";

const enc = new TextEncoder();

function hex(s: string): Uint8Array {
  return new Uint8Array(s.match(/../g)!.map((b) => parseInt(b, 16)));
}

/** Bytes of classic (int16-length) strings and ints, as Kafka writes keys and v3 values. */
function bytes(...parts: (["s", string | null] | ["i16" | "i32" | "i64", number])[]): Uint8Array {
  const out: number[] = [];
  for (const [kind, v] of parts) {
    if (kind === "s") {
      const b = v === null ? null : enc.encode(v);
      const n = b === null ? -1 : b.length;
      out.push((n >> 8) & 0xff, n & 0xff, ...(b ?? []));
    } else {
      const size = kind === "i16" ? 2 : kind === "i32" ? 4 : 8;
      const buf = new DataView(new ArrayBuffer(size));
      if (kind === "i16") buf.setInt16(0, v as number);
      else if (kind === "i32") buf.setInt32(0, v as number);
      else buf.setBigInt64(0, BigInt(v as number));
      out.push(...new Uint8Array(buf.buffer));
    }
  }
  return new Uint8Array(out);
}

const commitKey = (g: string, t: string, p: number) =>
  bytes(["i16", 1], ["s", g], ["s", t], ["i32", p]);
const groupKey = (g: string) => bytes(["i16", 2], ["s", g]);
/** A GroupMetadataValue v3 with these members' client ids. */
function groupValue(generation: number, clients: string[]): Uint8Array {
  const members = clients.flatMap((c, i) =>
    [
      ["s", `${c}-m${i}`],
      ["s", null],
      ["s", c],
      ["s", "/127.0.0.1"],
      ["i32", 60000],
      ["i32", 30000],
      ["i32", 0],
      ["i32", 0],
    ] as (["s", string | null] | ["i32", number])[]
  );
  return bytes(
    ["i16", 3],
    ["s", clients.length ? "consumer" : ""],
    ["i32", generation],
    ["s", clients.length ? "RoundRobinAssigner" : null],
    ["s", clients.length ? `${clients[0]}-m0` : null],
    ["i64", 1_700_000_000_000],
    ["i32", clients.length],
    ...members,
  );
}

Deno.test("offsetsPartition places groups as Kafka 4.1.1 does (seen on the local cluster)", () => {
  assert.equal(offsetsPartition("gleb.hello-group"), 0); // negative hash: abs, not a mask
  assert.equal(offsetsPartition("anna.hello-group"), 12);
});

Deno.test("decodeOffsetsRecord reads commit values v4 as Kafka 4.1.1 wrote them, with their metadata", () => {
  // Recorded from the local cluster: a plain commit, and a kafka-lab consumer's start.
  const cases: Array<[string, Record<string, unknown>]> = [
    ["00040000000000000005ffffffff01000001a2436cf13f00", { offset: 5, time: 0x01a2436cf13f }],
    [
      "00040000000000000001ffffffff106b61666b612d6c61623a7374617274000001a2442198f500",
      { offset: 1, time: 0x01a2442198f5, metadata: START_METADATA },
    ],
  ];
  for (const [value, fields] of cases) {
    const d = decodeOffsetsRecord(commitKey("g", "t", 0), hex(value));
    assert.deepEqual(d, { kind: "commit", group: "g", topic: "t", partition: 0, ...fields });
  }
  assert.equal(decodeOffsetsRecord(bytes(["i16", 7], ["s", "x"]), null), undefined);
});

Deno.test("groupHistories marks commits written while the group had members, and not a reset's", () => {
  const v = hex("00040000000000000005ffffffff01000001a2436cf13f00");
  const rec = (key: Uint8Array, value: Uint8Array | null) => ({ key, value, timestamp: 1 });
  const h = groupHistories([
    rec(groupKey("a.g"), groupValue(0, [])),
    rec(commitKey("a.g", "a.t", 0), v), // an admin's reset: nobody joined
    rec(groupKey("a.g"), groupValue(1, ["kcat", "kcat"])),
    rec(commitKey("a.g", "a.t", 0), v),
    rec(groupKey("a.g"), groupValue(2, [])),
    rec(commitKey("b.g", "b.t", 0), v),
    rec(groupKey("a.gone"), groupValue(1, ["kafka-lab"])),
    rec(commitKey("a.gone", "a.t", 0), v),
    rec(groupKey("a.gone"), null), // deleted
  ], (g) => g.startsWith("a."));
  assert.equal(h.has("a.gone"), false);
  const g = h.get("a.g")!;
  assert.deepEqual(g.commits.map((c) => c.byMember), [false, true]);
  assert.equal(g.maxMembers, 2);
  assert.deepEqual(g.clients, ["kcat"]);
  assert.equal(h.has("b.g"), false);
});

const HELLO: RecordSpec[] = [1, 2, 3, 4, 5].map((n) => ({ value: `Hello Kafka ${n}` }));

function lab2(extra: Partial<Parameters<typeof snapshot>[0]> = {}, records = HELLO): Snapshot {
  return snapshot({
    prefix: "anna.",
    topics: { "hello-kafka": topic("anna.hello-kafka", { records }) },
    ...extra,
  });
}

function task(s: Snapshot, id: string) {
  return runTasks(LAB2_TASKS, s).find((r) => r.task === id)!;
}

Deno.test("lab2 stays done after the latest extra writes records hello-group never reads", () => {
  const later: RecordSpec[] = [...HELLO, { value: "Hello Kafka 1" }, { value: "Hello Kafka 2" }];
  const s = lab2({
    groups: { "hello-group": group("anna.hello-group", "hello-kafka", [5]) },
    history: {
      "hello-group": history("anna.hello-group", "anna.hello-kafka", [[0, 3], [0, 5]]),
      "fresh-group": history("anna.fresh-group", "anna.hello-kafka", [[0, 7]]),
    },
  }, later);
  const results = runTasks(LAB2_TASKS, s);
  assert.equal(summarize(results).ok, true, JSON.stringify(results.filter((r) => !r.pass)));
  assert.equal(task(s, "second-group").pass, true);
  assert.match(task(s, "hello-group-end").evidence.en, /p0: 5\/5/);
});

Deno.test("lab2 hello-group fails when only an admin's offset reset moved it", () => {
  const s = lab2({
    groups: { "hello-group": group("anna.hello-group", "hello-kafka", [5]) },
    history: {
      "hello-group": history("anna.hello-group", "anna.hello-kafka", [[0, 5]], { admin: true }),
    },
  });
  const r = task(s, "hello-group-end");
  assert.equal(r.pass, false);
  assert.match(r.evidence.en, /moved by an offset reset/);
});

Deno.test("lab2 hello-group fails when only a consumer's start commit (reading new records only) moved it", () => {
  const start = history("anna.hello-group", "anna.hello-kafka", [[0, 5]], {
    metadata: START_METADATA,
  });
  const s = lab2({
    groups: { "hello-group": group("anna.hello-group", "hello-kafka", [5]) },
    history: { "hello-group": start },
  });
  const r = task(s, "hello-group-end");
  assert.equal(r.pass, false);
  assert.match(r.evidence.en, /no consumer of group anna.hello-group committed/);
  const read = history("anna.hello-group", "anna.hello-kafka", [[0, 5]]);
  assert.equal(task(lab2({ history: { "hello-group": read } }), "hello-group-end").pass, true);
});

Deno.test("lab2 hello-group fails when kafka-lab's groups reset (a joining member) moved it", () => {
  const h = history("anna.hello-group", "anna.hello-kafka", [[0, 5]], { time: 1_700_000_000_000 });
  const reset = {
    what: "groups.reset",
    group: "anna.hello-group",
    topic: "anna.hello-kafka",
    offsets: { "0": 5 },
    at: new Date(1_700_000_000_500).toISOString(),
    prefix: "",
    who: "gleb@pc",
  };
  const without = lab2({ history: { "hello-group": h } });
  assert.equal(task(without, "hello-group-end").pass, true);
  const s = lab2({ history: { "hello-group": h }, journal: [reset] });
  assert.match(task(s, "hello-group-end").evidence.en, /moved by an offset reset/);
});

Deno.test("lab2 two-consumers is credited from the history after the consumers stopped", () => {
  const stopped = lab2({
    groups: { "hello-group": group("anna.hello-group", "hello-kafka", [5], 0) },
    history: {
      "hello-group": history("anna.hello-group", "anna.hello-kafka", [[0, 5]], { members: 2 }),
    },
  });
  assert.equal(task(stopped, "two-consumers").pass, true);
  const one = lab2({
    history: { "hello-group": history("anna.hello-group", "anna.hello-kafka", [[0, 5]]) },
  });
  assert.equal(task(one, "two-consumers").pass, false);
});

Deno.test("lab2 hints name each group once, with the prefix given by --prefix", () => {
  const r = task(lab2(), "second-group");
  assert.match(r.hint!.en, /--group fresh-group --prefix anna\./);
  assert.doesNotMatch(r.hint!.en, /anna\.anna\./);
});

Deno.test("every lab's hints name the student's things with the prefix once and commands with --prefix", async () => {
  const { GRADED_LABS } = await import("../../labs/grading.ts");
  const empty = snapshot({ prefix: "anna.", history: {} });
  const partial = lab2({ history: {} });
  for (const lab of GRADED_LABS) {
    for (const r of [...runTasks(lab, empty), ...runTasks(lab, partial)]) {
      for (const text of [r.hint?.en ?? "", r.hint?.ru ?? "", r.evidence.en]) {
        assert.doesNotMatch(text, /anna\.anna\./, `${lab.lab}/${r.task}: ${text}`);
        for (const cmd of text.match(/`kafka-lab lab\d[^`]*`/g) ?? []) {
          assert.match(cmd, /--prefix anna\./, `${lab.lab}/${r.task}: ${cmd}`);
          // the lab adds the prefix to every name it is given: a name given with it gets it twice
          const names = cmd.replace(/--prefix anna\./, "");
          assert.doesNotMatch(names, /anna\./, `${lab.lab}/${r.task}: ${cmd}`);
        }
      }
    }
  }
});
