/**
 * Lab 3's exercise criteria: the producer registered the UserCoordinates
 * schema, wrote every record in the Confluent wire format under that
 * schema's id and keyed by its `id`, and never wrote a record that breaks
 * the schema (nor dropped a good one); the consumer printed every good record
 * of a topic laced with poison records and accepted none of the poison.
 *
 * @example
 * ```ts
 * producerRecords(6).filter((r) => r.valid).map((r) => r.value.id); // [11, 12, 14, 15]
 * ```
 * @module
 */
import { parseWireHeader } from "../registry.ts";
import { cutList, fillText, t } from "../i18n.ts";
import type { Verdict } from "./types.ts";

/** How many records the producer makes (`KAFKA_LAB_COUNT`); every third misses `latitude`. */
export const LAB3_COUNT = 6;

/** The record the starters' ready-made generator makes for `i` (1-based). */
export function generated(i: number): { value: Record<string, number>; valid: boolean } {
  const value: Record<string, number> = {
    id: 10 + i,
    longitude: 30 + i / 10,
    latitude: 50 + i / 10,
  };
  if (i % 3 === 0) delete value.latitude;
  return { value, valid: i % 3 !== 0 };
}

/** The ids the producer must write, in order. */
export function validIds(count: number): number[] {
  return Array.from({ length: count }, (_, i) => generated(i + 1))
    .filter((g) => g.valid).map((g) => g.value.id);
}

/** Does `value` fit UserCoordinates (integer id, number longitude and latitude)? */
export function fitsSchema(value: unknown): value is { id: number } {
  const v = value as Record<string, unknown> | null;
  return typeof v === "object" && v !== null && Number.isInteger(v.id) &&
    typeof v.longitude === "number" && typeof v.latitude === "number";
}

/** The schema text registered under the subject looks like UserCoordinates. */
export function judgeRegistered(subject: string, schemaText: string | undefined): Verdict {
  let required: string[] = [];
  try {
    required = schemaText ? JSON.parse(schemaText).required ?? [] : [];
  } catch { /* not JSON: fails below */ }
  const pass = ["id", "longitude", "latitude"].every((f) => required.includes(f));
  const vars = { subject, required: required.length ? required.join(", ") : "-" };
  return {
    id: "producer.registered",
    pass,
    evidence: schemaText === undefined
      ? fillText(t("no schema under {subject}", "в {subject} нет схемы"), vars)
      : fillText(
        t(
          "schema under {subject}, required: {required}",
          "схема в {subject}, обязательные поля: {required}",
        ),
        vars,
      ),
    hint: pass ? undefined : t(
      "register schema.json (JSON Schema) under the subject <topic>-value before producing",
      "зарегистрируйте schema.json (JSON Schema) в субъекте <топик>-value до отправки",
    ),
  };
}

/** A record as the grader read it: key as text, value as bytes. */
export interface RawRecord {
  readonly key: string | null;
  readonly value: Uint8Array | null;
}

/** What is wrong with one record's wire format, key and JSON (undefined: nothing). */
export function wireProblem(r: RawRecord, schemaId: number | undefined): string | undefined {
  const header = parseWireHeader(r.value);
  if (typeof header === "string") return header;
  if (header.schemaId !== schemaId) {
    return `schema id ${header.schemaId}, registered ${schemaId ?? "none"}`;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder().decode(r.value!.subarray(5)));
  } catch {
    return "the value after the header is not JSON";
  }
  const id = (payload as { id?: unknown })?.id;
  if (r.key !== String(id)) return `key ${JSON.stringify(r.key)}, id ${JSON.stringify(id)}`;
  return undefined;
}

/** Every record is in the wire format under the registered id, keyed by its id. */
export function judgeWire(records: readonly RawRecord[], schemaId: number | undefined): Verdict {
  const problems = records.map((r, i) => [i, wireProblem(r, schemaId)] as const)
    .filter(([, p]) => p !== undefined).map(([i, p]) => `#${i}: ${p}`);
  const pass = records.length > 0 && problems.length === 0;
  const vars = { n: records.length, bad: problems.length ? cutList(problems, 3, "; ") : "-" };
  return {
    id: "producer.wire",
    pass,
    evidence: fillText(
      problems.length === 0
        ? t(
          "{n} record(s), all in the wire format under the registered id",
          "записей: {n}, все в формате реестра с зарегистрированным id",
        )
        : t(
          "{n} record(s); not in the wire format: {bad}",
          "записей: {n}; не в формате реестра: {bad}",
        ),
      vars,
    ),
    hint: pass ? undefined : t(
      "write each value as magic byte 0, the schema id (4 bytes), then the JSON; key = String(id)",
      "пишите значение как магический байт 0, id схемы (4 байта), затем JSON; ключ = String(id)",
    ),
  };
}

function payloadOf(r: RawRecord): unknown {
  try {
    return JSON.parse(new TextDecoder().decode((r.value ?? new Uint8Array()).subarray(5)));
  } catch {
    return undefined;
  }
}

/** The producer wrote exactly the valid records, in order: none breaking the schema, none dropped. */
export function judgeValid(records: readonly RawRecord[], expected: readonly number[]): Verdict {
  const payloads = records.map(payloadOf);
  const broken = payloads.filter((p) => !fitsSchema(p)).length;
  const ids = payloads.filter(fitsSchema).map((p) => p.id);
  const pass = broken === 0 && ids.length === expected.length &&
    ids.every((id, i) => id === expected[i]);
  const vars = { broken, ids: ids.length ? ids.join(", ") : "-", expected: expected.join(", ") };
  return {
    id: "producer.valid",
    pass,
    evidence: fillText(
      t(
        "records breaking the schema: {broken}; good ids written: {ids} (expected {expected})",
        "записей против схемы: {broken}; записаны верные id: {ids} (ожидалось {expected})",
      ),
      vars,
    ),
    hint: pass ? undefined : t(
      "validate each record against the schema before sending: skip (and report) one that breaks it, send the rest",
      "проверяйте каждую запись по схеме до отправки: нарушающую пропустите (и сообщите), остальные отправьте",
    ),
  };
}

/** The ids the consumer printed as `ok <id>`, in order. */
export function okIds(stdout: string): number[] {
  return [...stdout.matchAll(/\bok (\d+)\b/g)].map((m) => Number(m[1]));
}

/** The consumer printed every good record, in order. */
export function judgeGood(stdout: string, good: readonly number[]): Verdict {
  const seen = okIds(stdout).filter((id) => good.includes(id));
  const pass = seen.length === good.length && seen.every((id, i) => id === good[i]);
  return {
    id: "consumer.good",
    pass,
    evidence: fillText(
      t("good records printed: {ids} of {all}", "выведено верных записей: {ids} из {all}"),
      {
        ids: seen.length ? seen.join(", ") : "-",
        all: good.join(", "),
      },
    ),
    hint: pass ? undefined : t(
      "catch what decoding one record throws, report it, and go on with the next (print ok <id> for each good one)",
      "перехватывайте ошибку декодирования записи, сообщайте о ней и переходите к следующей (для верной печатайте ok <id>)",
    ),
  };
}

/** The consumer accepted none of the poison records. */
export function judgePoison(stdout: string, poison: readonly number[]): Verdict {
  const accepted = okIds(stdout).filter((id) => poison.includes(id));
  const pass = accepted.length === 0;
  return {
    id: "consumer.poison",
    pass,
    evidence: fillText(t("poison records accepted: {ids}", "принято отравленных записей: {ids}"), {
      ids: accepted.length ? accepted.join(", ") : t("none", "нет"),
    }),
    hint: pass ? undefined : t(
      "check the magic byte, fetch the schema by id, and validate the JSON against it before accepting",
      "проверяйте магический байт, получайте схему по id и сверяйте JSON со схемой, прежде чем принять запись",
    ),
  };
}
