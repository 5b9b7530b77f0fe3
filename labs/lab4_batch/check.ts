/**
 * Lab 4's tasks, from the batch vs single consumer project (seed 002):
 * final-1-topic with the course layout, every record a MessageModel, and
 * both batch-group and single-group committed to the end. Extras: records
 * spread over every partition, and no message_id written twice.
 * @module
 */
import {
  committedToEnd,
  fail,
  noTopic,
  pass,
  prefixFlag,
  real,
  topicLayout,
  truncatedNote,
  where,
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
  return pass({ en: ok.en + note.en, ru: ok.ru + note.ru });
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
      title: t("batch-group committed to the end", "batch-group зафиксировала смещения до конца"),
      check: (s) => committedToEnd(s, BATCH_GROUP, TOPIC, runHint(s)),
    },
    {
      id: "single-group-end",
      required: true,
      title: t("single-group committed to the end", "single-group зафиксировала смещения до конца"),
      check: (s) => committedToEnd(s, SINGLE_GROUP, TOPIC, runHint(s)),
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
