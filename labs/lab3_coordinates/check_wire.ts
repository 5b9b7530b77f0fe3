/**
 * Lab 3's record-level facts: whether a record is a valid UserCoordinates in
 * the registry's wire format (magic byte 0, schema id, JSON that validates
 * against both the writer's schema and the course's), and which dead letter
 * carries a bad record.
 * @module
 */
import { Ajv, type ValidateFunction } from "ajv";
import { fail, prefixFlag, utf8 } from "../../lib/grading/facts.ts";
import type { CheckResult, RecordSnap, Snapshot } from "../../lib/grading/types.ts";
import { fillText, t } from "../../lib/i18n.ts";
import schema from "./schema.json" with { type: "json" };

const ajv = new Ajv({ allErrors: true, strict: false });
const courseValidator = ajv.compile(schema);
const writerValidators = new Map<string, ValidateFunction | null>();

function writerValidator(text: string): ValidateFunction | null {
  if (!writerValidators.has(text)) {
    try {
      writerValidators.set(text, ajv.compile(JSON.parse(text)));
    } catch {
      writerValidators.set(text, null);
    }
  }
  return writerValidators.get(text)!;
}

/** Why a record is not a valid UserCoordinates in the wire format; undefined when it is. */
export function recordProblem(s: Snapshot, r: RecordSnap): string | undefined {
  const v = r.value;
  if (v === null || v.length < 5 || v[0] !== 0) return "not the registry's wire format";
  const id = new DataView(v.buffer, v.byteOffset, v.byteLength).getInt32(1);
  const text = s.schemas[id];
  if (!text) return `schema id ${id} is not in the registry`;
  let payload: unknown;
  try {
    payload = JSON.parse(utf8(v.subarray(5)));
  } catch {
    return "the payload is not JSON";
  }
  const writer = writerValidator(text);
  if (writer && !writer(payload)) return `breaks schema ${id}: ${ajv.errorsText(writer.errors)}`;
  if (!courseValidator(payload)) {
    return `breaks UserCoordinates: ${ajv.errorsText(courseValidator.errors)}`;
  }
  return undefined;
}

/** The payload of a valid record. */
export function payloadOf(r: RecordSnap): Record<string, unknown> {
  return JSON.parse(utf8(r.value!.subarray(5)));
}

/** The reason header of a dead letter (a header named *reason* or *error*). */
export function reasonOf(r: RecordSnap): string | undefined {
  const entry = Object.entries(r.headers).find(([k, v]) => /reason|error/i.test(k) && v !== "");
  return entry?.[1];
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The DLQ record that carries `bad`, if any. */
/**
 * The record of `dlqTopic` that carries `bad` (a record of `topic`): named by
 * the original partition/offset headers, or holding the same bytes.
 */
export function deadLetterOf(
  s: Snapshot,
  where: { topic: string; dlqTopic: string },
  bad: RecordSnap,
): RecordSnap | undefined {
  const topic = s.topics[where.topic]?.name;
  const dlq = s.topics[where.dlqTopic]?.records ?? [];
  return dlq.find((d) =>
    (d.headers["dlq.original.partition"] === String(bad.partition) &&
      d.headers["dlq.original.offset"] === String(bad.offset) &&
      (d.headers["dlq.original.topic"] ?? topic) === topic) ||
    sameBytes(d.value, bad.value)
  );
}

/**
 * The failure of "every bad record is in the DLQ" when it was never tried:
 * the DLQ topic is missing, or no record broke the schema.
 */
export function dlqNotTried(
  s: Snapshot,
  facts: { topic: string; dlq: string; total: number; dlqExists: boolean },
): CheckResult {
  const { dlqExists, ...vars } = facts;
  return fail(
    fillText(
      dlqExists
        ? t(
          "none of the {total} record(s) of {topic} breaks the schema: the DLQ was never tried",
          "ни одна из записей {topic} ({total}) не нарушает схему: DLQ не проверен",
        )
        : t("the dead letter topic {dlq} does not exist", "топика ошибочных записей {dlq} нет"),
      vars,
    ),
    fillText(
      t(
        "write records that break the schema (`kafka-lab lab3 inject{p}`), then consume {topic} with a consumer that dead-letters them to {dlq}",
        "запишите записи, нарушающие схему (`kafka-lab lab3 inject{p}`), затем прочитайте {topic} консьюмером, который отправит их в {dlq}",
      ),
      { ...vars, p: prefixFlag(s) },
    ),
  );
}
