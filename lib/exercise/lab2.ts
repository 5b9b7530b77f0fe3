/**
 * Lab 2's exercise criteria, judged from what the broker holds (the records
 * the student's producer wrote and their timestamps, the consumer group's
 * committed offset) and, where only the program can tell, from its output
 * (the partition and offset each acknowledgement returned; the values the
 * consumer printed).
 *
 * @example
 * ```ts
 * judgeProducerRecords([{ offset: 0, value: "Hello Kafka 1", timestamp: 0 }]).pass; // false: 1 of 5
 * ```
 * @module
 */
import { cutList, fillText, t } from "../i18n.ts";
import type { Verdict } from "./types.ts";

/** The values the producer must write, in order. */
export const HELLO_VALUES: readonly string[] = [1, 2, 3, 4, 5].map((i) => `Hello Kafka ${i}`);

/** A record as the grader read it from the broker. */
export interface SeenRecord {
  readonly partition: number;
  readonly offset: number;
  readonly value: string;
  /** Milliseconds since the epoch (the record's create time). */
  readonly timestamp: number;
}

/** The pace the producer keeps: each gap between this and that many ms. */
export const PACE_MS = { min: 500, max: 4000 } as const;

const quoted = (values: readonly string[]) => cutList(values.map((v) => `«${v}»`), 6);

/** The topic holds exactly "Hello Kafka 1..5", in that order. */
export function judgeProducerRecords(records: readonly SeenRecord[]): Verdict {
  const values = records.map((r) => r.value);
  const vars = { n: records.length, values: records.length ? quoted(values) : "-" };
  const pass = values.length === HELLO_VALUES.length &&
    values.every((v, i) => v === HELLO_VALUES[i]);
  return {
    id: "producer.records",
    pass,
    evidence: fillText(
      t("{n} record(s) on the topic: {values}", "записей в топике: {n}: {values}"),
      vars,
    ),
    hint: pass ? undefined : t(
      "send exactly the values Hello Kafka 1 … Hello Kafka 5, once each, in order",
      "отправьте ровно значения Hello Kafka 1 … Hello Kafka 5, по одному разу, по порядку",
    ),
  };
}

/** The records' timestamps are about one second apart. */
export function judgePace(records: readonly SeenRecord[]): Verdict {
  const times = records.map((r) => r.timestamp);
  const gaps = times.slice(1).map((ts, i) => ts - times[i]);
  const shown = gaps.length ? gaps.map((g) => (g / 1000).toFixed(2)).join(", ") : "-";
  const pass = gaps.length >= 2 && gaps.every((g) => g >= PACE_MS.min && g <= PACE_MS.max);
  const vars = { gaps: shown, min: PACE_MS.min / 1000, max: PACE_MS.max / 1000 };
  return {
    id: "producer.paced",
    pass,
    evidence: fillText(
      t(
        "seconds between the records' timestamps: {gaps}",
        "секунд между метками времени записей: {gaps}",
      ),
      vars,
    ),
    hint: pass ? undefined : fillText(
      t(
        "wait about one second between records (each gap between {min} and {max} s)",
        "ждите около секунды между записями (каждый промежуток от {min} до {max} с)",
      ),
      vars,
    ),
  };
}

/** The printed `partition=P offset=O` of one value, if a line shows them. */
export function printedPosition(
  stdout: string,
  value: string,
): { partition: number; offset: number } | undefined {
  for (const line of stdout.split("\n")) {
    const at = line.indexOf(value);
    if (at < 0 || /\d/.test(line[at + value.length] ?? "")) continue;
    const m = /partition\D{0,3}(\d+)\D.*?offset\D{0,3}(\d+)/i.exec(line.slice(at + value.length));
    if (m) return { partition: Number(m[1]), offset: Number(m[2]) };
  }
  return undefined;
}

/**
 * The producer waited for each acknowledgement: for every record the broker
 * holds, it printed the partition and offset the broker gave that record
 * (a producer that does not wait cannot know them).
 */
export function judgeAcks(records: readonly SeenRecord[], stdout: string): Verdict {
  const wrong = records.filter((r) => {
    const p = printedPosition(stdout, r.value);
    return p === undefined || p.partition !== r.partition || p.offset !== r.offset;
  });
  const pass = records.length > 0 && wrong.length === 0;
  const vars = {
    n: records.length - wrong.length,
    total: records.length,
    missing: wrong.length
      ? quoted(wrong.map((r) => `${r.value} @${r.partition}:${r.offset}`))
      : "-",
  };
  return {
    id: "producer.acked",
    pass,
    evidence: fillText(
      wrong.length === 0
        ? t(
          "printed the broker's partition and offset for {n} of {total} records",
          "напечатаны партиция и смещение от брокера для {n} из {total} записей",
        )
        : t(
          "printed the broker's partition and offset for {n} of {total} records; not for: {missing}",
          "напечатаны партиция и смещение от брокера для {n} из {total} записей; нет для: {missing}",
        ),
      vars,
    ),
    hint: pass ? undefined : t(
      "wait for each send's acknowledgement and print its partition and offset: sent Hello Kafka 1 partition=0 offset=0",
      "дождитесь подтверждения каждой отправки и напечатайте её партицию и смещение: sent Hello Kafka 1 partition=0 offset=0",
    ),
  };
}

/** Which of `values` the output shows, in the order it shows them. */
export function printedValues(stdout: string, values: readonly string[]): string[] {
  const found: { value: string; at: number }[] = [];
  for (const value of values) {
    const re = new RegExp(`${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?!\\d)`);
    const m = re.exec(stdout);
    if (m) found.push({ value, at: m.index });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.value);
}

/** The consumer printed every value the grader wrote, in order. */
export function judgePrinted(stdout: string, values: readonly string[]): Verdict {
  const seen = printedValues(stdout, values);
  const pass = seen.length === values.length && seen.every((v, i) => v === values[i]);
  const vars = { n: seen.length, total: values.length, values: seen.length ? quoted(seen) : "-" };
  return {
    id: "consumer.printed",
    pass,
    evidence: fillText(
      t("printed {n} of {total} values: {values}", "напечатано {n} из {total} значений: {values}"),
      vars,
    ),
    hint: pass ? undefined : t(
      "subscribe to KAFKA_LAB_TOPIC, start at the earliest offset, and print each record's value",
      "подпишитесь на KAFKA_LAB_TOPIC, начните с самого раннего смещения и печатайте значение каждой записи",
    ),
  };
}

/** The group's committed offset (-1: none) reached the end of the topic. */
export function judgeCommitted(committed: number, end: number): Verdict {
  const pass = committed === end;
  const vars = { committed: committed < 0 ? t("none", "нет") : String(committed), end };
  return {
    id: "consumer.committed",
    pass,
    evidence: fillText(
      t(
        "group's committed offset: {committed}; end of the topic: {end}",
        "зафиксированное смещение группы: {committed}; конец топика: {end}",
      ),
      vars,
    ),
    hint: pass ? undefined : t(
      "turn auto-commit off and commit after each record you processed (the next offset to read)",
      "выключите автофиксацию и фиксируйте смещение после каждой обработанной записи (следующее для чтения)",
    ),
  };
}

/** A second run in the same group printed none of the values and left the offset at the end. */
export function judgeAgain(
  stdout: string,
  values: readonly string[],
  committed: number,
  end: number,
): Verdict {
  const again = printedValues(stdout, values);
  const pass = again.length === 0 && committed === end;
  const vars = {
    n: again.length,
    committed: committed < 0 ? t("none", "нет") : String(committed),
    end,
  };
  return {
    id: "consumer.again",
    pass,
    evidence: fillText(
      t(
        "second run in the same group printed {n} value(s); committed offset: {committed} (end: {end})",
        "второй запуск в той же группе напечатал значений: {n}; зафиксированное смещение: {committed} (конец: {end})",
      ),
      vars,
    ),
    hint: pass ? undefined : t(
      "commit what you read, and read in the group KAFKA_LAB_GROUP: a second run then starts at the committed offset",
      "фиксируйте прочитанное и читайте в группе KAFKA_LAB_GROUP: тогда второй запуск начнёт с зафиксированного смещения",
    ),
  };
}
