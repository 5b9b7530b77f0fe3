/**
 * Lab 4's tasks, from the batch vs single consumer project (seed 002):
 * final-1-topic with the course layout, every record a MessageModel, both
 * batch-group and single-group read them (an offset reset does not count),
 * batch-group committed once per at most 10 records and single-group once
 * per record (from the commit history), and two producers wrote at once.
 * Extras: records spread over every partition, no message_id written twice.
 * @module
 */
import { commitAdvances, concurrentProducers } from "../../lib/grading/commit_pattern.ts";
import { caughtUp } from "../../lib/grading/consumed.ts";
import {
  fail,
  noTopic,
  pass,
  prefixFlag,
  real,
  topicLayout,
  truncatedNote,
  where,
  writtenAt,
} from "../../lib/grading/facts.ts";
import type { CheckResult, LabTasks, Snapshot } from "../../lib/grading/types.ts";
import { cutList, fillText, t, type Text } from "../../lib/i18n.ts";
import { COURSE_TOPICS } from "../../lib/kafka/topics.ts";
import { deserialize, InvalidMessageError } from "./model.ts";

const TOPIC = COURSE_TOPICS.final1.name;
const BATCH_GROUP = "batch-group";
const SINGLE_GROUP = "single-group";

function runHint(s: Snapshot): Text {
  return fillText(
    t(
      "run `kafka-lab lab4{p}` (or the course's producers and both consumers against {topic})",
      "запустите `kafka-lab lab4{p}` (или продюсеры и оба консьюмера курса на {topic})",
    ),
    { p: prefixFlag(s), topic: real(s, TOPIC) },
  );
}

/** Why a value is not a MessageModel; undefined when it is one. */
export function modelProblem(value: Uint8Array | null): string | undefined {
  try {
    deserialize(value);
    return undefined;
  } catch (err) {
    if (err instanceof InvalidMessageError) return err.message;
    throw err;
  }
}

function allModels(s: Snapshot): CheckResult {
  const topic = s.topics[TOPIC];
  if (!topic) return noTopic(s, TOPIC, runHint(s));
  const bad = topic.records.filter((r) => modelProblem(r.value) !== undefined);
  const vars = {
    topic: topic.name,
    total: topic.records.length,
    bad: bad.length,
    list: cutList(bad.map((r) => `${where(r)}: ${modelProblem(r.value)}`), 3, "; "),
  };
  if (topic.records.length === 0) {
    return fail(fillText(t("{topic} is empty", "{topic} пуст"), vars), runHint(s));
  }
  if (bad.length > 0) {
    return fail(
      fillText(
        t(
          "{bad} of {total} record(s) are not a MessageModel: {list}",
          "не MessageModel: {bad} из {total} записей: {list}",
        ),
        vars,
      ),
      t(
        'write values as UTF-8 JSON {"message_id": "<uuid>", "content": "<text>"}',
        'записывайте значения как JSON в UTF-8: {"message_id": "<uuid>", "content": "<текст>"}',
      ),
    );
  }
  const ok = fillText(
    t(
      "all {total} record(s) of {topic} are MessageModel",
      "все записи {topic} ({total}) — MessageModel",
    ),
    vars,
  );
  const note = truncatedNote(topic);
  return writtenAt(pass({ en: ok.en + note.en, ru: ok.ru + note.ru }), topic.records);
}

function spread(s: Snapshot): CheckResult {
  const topic = s.topics[TOPIC];
  if (!topic) return noTopic(s, TOPIC, runHint(s));
  const counts = topic.ends.map((e) => `p${e.partition}: ${e.high - e.low}`).join(", ");
  const empty = topic.ends.filter((e) => e.high === e.low);
  const vars = { topic: topic.name, counts };
  if (topic.ends.length === 0 || empty.length > 0) {
    return fail(
      fillText(
        t("records per partition of {topic}: {counts}", "записей по партициям {topic}: {counts}"),
        vars,
      ),
      t(
        "send records without a key (or with many keys) so that the partitioner spreads them",
        "отправляйте записи без ключа (или с разными ключами), чтобы партиционер распределил их",
      ),
    );
  }
  return pass(
    fillText(
      t("records per partition of {topic}: {counts}", "записей по партициям {topic}: {counts}"),
      vars,
    ),
  );
}

function distinctIds(s: Snapshot): CheckResult {
  const topic = s.topics[TOPIC];
  if (!topic) return noTopic(s, TOPIC, runHint(s));
  const seen = new Map<string, number>();
  for (const r of topic.records) {
    if (modelProblem(r.value) !== undefined) continue;
    const id = deserialize(r.value).message_id;
    seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  const twice = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  const vars = { n: seen.size, twice: cutList(twice, 3) };
  if (seen.size === 0 || twice.length > 0) {
    return fail(
      fillText(
        t(
          "{n} distinct message_id(s); written more than once: {twice}",
          "различных message_id: {n}; записаны повторно: {twice}",
        ),
        { ...vars, twice: vars.twice || "-" },
      ),
      t(
        "produce with idempotence on and a fresh UUID per message",
        "отправляйте с идемпотентностью и новым UUID для каждого сообщения",
      ),
    );
  }
  return pass(
    fillText(
      t("{n} records, each message_id once", "записей {n}, каждый message_id встречается один раз"),
      vars,
    ),
  );
}

/** The fewest commits with a known advance a pattern is judged on. */
const MIN_COMMITS = 3;

function commitPattern(s: Snapshot, group: string, mode: "batch" | "single"): CheckResult {
  const advances = commitAdvances(s, group, TOPIC);
  const vars = {
    group: real(s, group),
    n: advances?.length ?? 0,
    list: cutList((advances ?? []).map(String), 12) || "-",
  };
  const hint = fillText(
    mode === "batch"
      ? t(
        "commit once after each batch of at most 10 records (`kafka-lab lab4 consume --mode batch{p}`), reading at least a few batches",
        "фиксируйте смещения один раз после каждого пакета не больше 10 записей (`kafka-lab lab4 consume --mode batch{p}`), прочитав хотя бы несколько пакетов",
      )
      : t(
        "commit after every record (`kafka-lab lab4 consume --mode single{p}`), reading at least a few records",
        "фиксируйте смещение после каждой записи (`kafka-lab lab4 consume --mode single{p}`), прочитав хотя бы несколько записей",
      ),
    { p: prefixFlag(s) },
  );
  if (advances === undefined) {
    return fail(
      t(
        "the commit history (__consumer_offsets) could not be read",
        "историю фиксаций (__consumer_offsets) прочитать не удалось",
      ),
      hint,
    );
  }
  const ok = advances.length >= MIN_COMMITS &&
    (mode === "batch"
      ? advances.every((a) => a <= 10) && advances.some((a) => a > 1)
      : advances.every((a) => a === 1));
  const text = t(
    "{group}: {n} consumer commit(s), records per commit: {list}",
    "{group}: фиксаций консьюмеров: {n}, записей на фиксацию: {list}",
  );
  return ok ? pass(fillText(text, vars)) : fail(fillText(text, vars), hint);
}

function twoProducers(s: Snapshot): CheckResult {
  const topic = s.topics[TOPIC];
  if (!topic) return noTopic(s, TOPIC, runHint(s));
  const ids = new Set(topic.records.map((r) => r.producerId).filter((id) => id !== undefined));
  const both = concurrentProducers(topic.records);
  const vars = { topic: topic.name, n: ids.size, pair: both.join(" & ") };
  if (both.length === 0) {
    return fail(
      fillText(
        t(
          "{topic}: records of {n} idempotent producer(s), none two at once",
          "{topic}: записи {n} идемпотентных продюсеров, но не двух одновременно",
        ),
        vars,
      ),
      fillText(
        t(
          "run two idempotent producers at the same time (`kafka-lab lab4 produce --instances 2{p}`, or the course's producer twice)",
          "запустите два идемпотентных продюсера одновременно (`kafka-lab lab4 produce --instances 2{p}` или продюсер курса дважды)",
        ),
        { p: prefixFlag(s) },
      ),
    );
  }
  return writtenAt(
    pass(
      fillText(
        t(
          "{topic}: producers {pair} wrote at the same time ({n} producer id(s) in all)",
          "{topic}: продюсеры {pair} писали одновременно (всего id продюсеров: {n})",
        ),
        vars,
      ),
    ),
    topic.records.filter((r) => both.includes(r.producerId ?? -1)),
  );
}

/** Lab 4's tasks. */
export const LAB4_TASKS: LabTasks = {
  lab: "lab4",
  title: t(
    "Lab 4: batch vs single-message consumers",
    "Лабораторная 4: пакетный и поштучный консьюмеры",
  ),
  goal: t(
    "Compare a consumer that commits once per batch of up to 10 records with one that commits after every record, both reading MessageModel records that two producers write to final-1-topic.",
    "Сравнить консьюмер, который фиксирует смещения раз в пакет (до 10 записей), с консьюмером, фиксирующим после каждой записи; оба читают записи MessageModel, которые два продюсера пишут в final-1-topic.",
  ),
  needs: { topics: [TOPIC], groups: [BATCH_GROUP, SINGLE_GROUP], subjects: [] },
  tasks: [
    {
      id: "topic",
      required: true,
      title: t(
        "final-1-topic: 3 partitions, replication factor 2",
        "final-1-topic: партиций 3, фактор репликации 2",
      ),
      check: (s) => topicLayout(s, COURSE_TOPICS.final1, runHint(s)),
    },
    {
      id: "message-models",
      required: true,
      title: t("every record is a MessageModel", "каждая запись — MessageModel"),
      check: allModels,
    },
    {
      id: "batch-group-end",
      required: true,
      title: t(
        "batch-group's consumers read the records and committed",
        "консьюмеры batch-group прочитали записи и зафиксировали смещения",
      ),
      check: (s) => caughtUp(s, BATCH_GROUP, TOPIC, runHint(s)),
    },
    {
      id: "single-group-end",
      required: true,
      title: t(
        "single-group's consumers read the records and committed",
        "консьюмеры single-group прочитали записи и зафиксировали смещения",
      ),
      check: (s) => caughtUp(s, SINGLE_GROUP, TOPIC, runHint(s)),
    },
    {
      id: "batch-commits",
      required: true,
      title: t(
        "batch-group commits once per batch of at most 10 records",
        "batch-group фиксирует смещения раз в пакет, не больше 10 записей",
      ),
      check: (s) => commitPattern(s, BATCH_GROUP, "batch"),
    },
    {
      id: "single-commits",
      required: true,
      title: t(
        "single-group commits after every record",
        "single-group фиксирует смещение после каждой записи",
      ),
      check: (s) => commitPattern(s, SINGLE_GROUP, "single"),
    },
    {
      id: "two-producers",
      required: true,
      title: t("two producers wrote at once", "два продюсера писали одновременно"),
      check: twoProducers,
    },
    {
      id: "spread",
      required: false,
      title: t("records on every partition", "записи во всех партициях"),
      check: spread,
    },
    {
      id: "distinct-ids",
      required: false,
      title: t("no message written twice", "ни одно сообщение не записано дважды"),
      check: distinctIds,
    },
  ],
};
