/**
 * Finding lab 2's own records: "Hello Kafka 1..5" in order in one partition,
 * plain or inside a JSON object.
 * @module
 */
import { byPartition, jsonObject, utf8 } from "../../lib/grading/facts.ts";
import type { RecordSnap } from "../../lib/grading/types.ts";

const COUNT = 5;

/** The n of a "Hello Kafka n" value, plain or inside a JSON object; undefined otherwise. */
export function helloNumber(r: RecordSnap): number | undefined {
  const match = (text: string) => /^Hello Kafka (\d+)$/.exec(text.trim());
  const plain = match(utf8(r.value));
  if (plain) return Number(plain[1]);
  const obj = jsonObject(r.value);
  for (const v of Object.values(obj ?? {})) {
    const m = typeof v === "string" ? match(v) : null;
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** The first run of Hello Kafka 1..5 in order within one partition. */
export function helloSequence(
  records: readonly RecordSnap[],
): { partition: number; found: string[]; last: RecordSnap } | undefined {
  for (const [partition, list] of byPartition(records)) {
    let next = 1;
    const found: string[] = [];
    for (const r of list) {
      if (helloNumber(r) === next) {
        found.push(`${next}@${r.offset}`);
        next++;
      }
      if (next > COUNT) return { partition, found, last: r };
    }
  }
  return undefined;
}
