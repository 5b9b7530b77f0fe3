import assert from "node:assert/strict";
import { GRADED_LABS } from "../../labs/grading.ts";
import {
  GRADEBOOK_COLUMNS,
  gradebookCsv,
  overviewHtml,
  overviewMarkdown,
} from "../../lib/grading/gradebook.ts";
import type { RosterGrade } from "../../lib/grading/roster.ts";
import { runTasks, summarize } from "../../lib/grading/run.ts";
import type { Snapshot } from "../../lib/grading/types.ts";
import { group, history, snapshot, topic } from "./checks_snapshot.ts";

/**
 * A small RFC 4180 reader: fields split by commas, records by CRLF or LF,
 * quoted fields may hold commas, line breaks and doubled quotes. Throws on a
 * stray quote, so a malformed file cannot pass.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') [field, i] = [field + '"', i + 2];
      else if (c === '"') [quoted, i] = [false, i + 1];
      else [field, i] = [field + c, i + 1];
      continue;
    }
    if (c === '"') {
      if (field !== "") throw new Error(`stray quote at ${i}`);
      [quoted, i] = [true, i + 1];
    } else if (c === ",") {
      row.push(field);
      [field, i] = ["", i + 1];
    } else if (c === "\r" || c === "\n") {
      row.push(field);
      rows.push(row);
      [row, field] = [[], ""];
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else [field, i] = [field + c, i + 1];
  }
  if (quoted) throw new Error("unterminated quote");
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

const HELLO = [1, 2, 3, 4, 5].map((n) => ({ value: `Hello Kafka ${n}` }));

/** anna did lab 2 (a consumer read it); boris wrote "a, \"quoted\"\nline" and nothing else. */
function classOf(): RosterGrade {
  const anna = snapshot({
    prefix: "anna.",
    topics: { "hello-kafka": topic("anna.hello-kafka", { records: HELLO }) },
    groups: { "hello-group": group("anna.hello-group", "hello-kafka", [5]) },
    history: { "hello-group": history("anna.hello-group", "anna.hello-kafka", [[0, 5]]) },
  });
  const boris = snapshot({
    prefix: "boris.",
    topics: {
      "hello-kafka": topic("boris.hello-kafka", { records: [{ value: 'a, "quoted"\nline' }] }),
    },
    history: {},
  });
  const students = [anna, boris].map((s: Snapshot) => ({
    prefix: s.prefix,
    snapshot: s,
    labs: GRADED_LABS.map((lab) => {
      const results = runTasks(lab, s);
      return { lab, results, summary: summarize(results) };
    }),
  }));
  return {
    takenAt: "2026-12-04T23:00:00.000Z",
    labs: GRADED_LABS,
    students,
    ok: false,
  };
}

Deno.test("gradebookCsv over every lab is ONE table a CSV parser reads", () => {
  const grade = classOf();
  const rows = parseCsv(gradebookCsv(grade, "en"));
  assert.deepEqual(rows[0], [...GRADEBOOK_COLUMNS]);
  const body = rows.slice(1);
  const tasks = GRADED_LABS.reduce((n, l) => n + l.tasks.length, 0);
  assert.equal(body.length, 2 * tasks);
  for (const r of body) assert.equal(r.length, GRADEBOOK_COLUMNS.length, r.join("|"));
  assert.deepEqual(new Set(body.map((r) => r[1])), new Set(GRADED_LABS.map((l) => l.lab)));
  const annaRead = body.find((r) => r[0] === "anna." && r[2] === "hello-group-end")!;
  assert.deepEqual(annaRead.slice(1, 5), ["lab2", "hello-group-end", "required", "pass"]);
  assert.match(annaRead[5], /^\d{4}-\d\d-\d\dT/);
  const extra = body.find((r) => r[0] === "anna." && r[2] === "json-value")!;
  assert.deepEqual(extra.slice(3, 5), ["extra", "fail"]);
});

Deno.test("gradebookCsv quotes evidence holding commas, quotes and line breaks", () => {
  const csv = gradebookCsv(classOf(), "ru");
  const rows = parseCsv(csv);
  assert.ok(rows.slice(1).every((r) => r.length === GRADEBOOK_COLUMNS.length));
  assert.throws(() => parseCsv('a,b"c"\r\n'), /stray quote/);
});

Deno.test("overviewMarkdown shows each student's labs and who is stuck at which task", () => {
  const md = overviewMarkdown(classOf(), "en");
  assert.match(md, /^# Class overview/);
  assert.match(md, /\| anna\. \| ✗ 1\/3 · topic-users_coordinates \| ✓ 2\/2 \|/);
  assert.match(md, /\| lab2 \| hello-group-end: .* \| 1\/2 \| boris\. \|/);
  const ru = overviewMarkdown(classOf(), "ru");
  assert.match(ru, /^# Обзор группы/);
  const html = overviewHtml(classOf(), "en");
  assert.match(html, /<td class="stuck">✗ 0\/2 · hello-records<\/td>/);
  assert.doesNotMatch(html, /<script/);
});
