/**
 * Lab 2's tasks, from lab manual No. 1: hello-kafka holds "Hello Kafka 1..5"
 * in order and hello-group's consumers read through them (later records do
 * not matter; an offset reset does not count); the extras are a JSON value,
 * keyed records (one key, one partition), two consumers in one group, and a
 * second group that read the topic (the `latest` experiment).
 * @module
 */
import {
  committedOn,
  fail,
  jsonObject,
  noTopic,
  pass,
  prefixFlag,
  real,
  utf8,
  where,
} from "../../lib/grading/facts.ts";
import { commitsOf, consumedThrough } from "../../lib/grading/consumed.ts";
import { helloNumber, helloSequence } from "./check_hello.ts";

export { helloNumber, helloSequence } from "./check_hello.ts";
import type { CheckResult, LabTasks, Snapshot } from "../../lib/grading/types.ts";
import { cutList, fillText, t, type Text } from "../../lib/i18n.ts";

const TOPIC = "hello-kafka";
const GROUP = "hello-group";

function runHint(s: Snapshot): Text {
  return fillText(
    t(
      "run `kafka-lab lab2{p}` (or the course's producer and consumer against {topic})",
      "запустите `kafka-lab lab2{p}` (или продюсер и консьюмер курса на {topic})",
    ),
    { p: prefixFlag(s), topic: real(s, TOPIC) },
  );
}

function helloRecords(s: Snapshot): CheckResult {
  const topic = s.topics[TOPIC];
  if (!topic) return noTopic(s, TOPIC, runHint(s));
  const seq = helloSequence(topic.records);
  if (seq) {
    return {
      ...pass(
        fillText(
          t(
            "{topic} partition {partition} holds Hello Kafka 1..5 in order (n@offset: {found})",
            "в {topic}, партиция {partition}, есть Hello Kafka 1..5 по порядку (n@offset: {found})",
          ),
          { topic: topic.name, partition: seq.partition, found: seq.found.join(", ") },
        ),
      ),
      at: new Date(seq.last.timestamp).toISOString(),
    };
  }
  const seen = topic.records.map(helloNumber).filter((n) => n !== undefined);
  return fail(
    fillText(
      t(
        "{topic} holds {count} record(s); Hello Kafka numbers seen in order: {seen}",
        "в {topic} записей: {count}; номера Hello Kafka по порядку: {seen}",
      ),
      { topic: topic.name, count: topic.records.length, seen: seen.join(",") || "-" },
    ),
    runHint(s),
  );
}

/** hello-group's consumers read through the lab's own records (Hello Kafka 1..5), whatever came later. */
function helloGroupRead(s: Snapshot): CheckResult {
  const topic = s.topics[TOPIC];
  if (!topic) return noTopic(s, TOPIC, runHint(s));
  const seq = helloSequence(topic.records);
  if (!seq) {
    return fail(
      fillText(t("{topic} does not hold Hello Kafka 1..5", "в {topic} нет Hello Kafka 1..5"), {
        topic: topic.name,
      }),
      runHint(s),
    );
  }
  return consumedThrough(
    s,
    GROUP,
    TOPIC,
    new Map([[seq.partition, seq.last.offset + 1]]),
    runHint(s),
  );
}

function jsonValue(s: Snapshot): CheckResult {
  const topic = s.topics[TOPIC];
  const hint = fillText(
    t(
      "send JSON values: `kafka-lab lab2 produce --json-value{p}`",
      "отправьте JSON-значения: `kafka-lab lab2 produce --json-value{p}`",
    ),
    { p: prefixFlag(s) },
  );
  if (!topic) return noTopic(s, TOPIC, hint);
  const r = topic.records.find((r) => jsonObject(r.value) !== undefined);
  if (!r) {
    return fail(
      fillText(
        t(
          "no record of {topic} holds a JSON object",
          "ни одна запись {topic} не содержит JSON-объект",
        ),
        { topic: topic.name },
      ),
      hint,
    );
  }
  return pass(
    fillText(t("JSON value at {where}: {value}", "JSON-значение в {where}: {value}"), {
      where: where(r),
      value: utf8(r.value).slice(0, 80),
    }),
  );
}

function keyed(s: Snapshot): CheckResult {
  const topic = s.topics[TOPIC];
  const hint = fillText(
    t(
      "send records with a key: `kafka-lab lab2 produce --key user-1{p}`",
      "отправьте записи с ключом: `kafka-lab lab2 produce --key user-1{p}`",
    ),
    { p: prefixFlag(s) },
  );
  if (!topic) return noTopic(s, TOPIC, hint);
  const partitionsOf = new Map<string, Set<number>>();
  for (const r of topic.records) {
    if (r.key === null) continue;
    const key = utf8(r.key);
    partitionsOf.set(key, (partitionsOf.get(key) ?? new Set()).add(r.partition));
  }
  if (partitionsOf.size === 0) {
    return fail(
      fillText(t("no record of {topic} has a key", "ни у одной записи {topic} нет ключа"), {
        topic: topic.name,
      }),
      hint,
    );
  }
  const split = [...partitionsOf].filter(([, ps]) => ps.size > 1).map(([k]) => k);
  const vars = { keys: cutList([...partitionsOf.keys()], 5), split: cutList(split, 5) };
  if (split.length > 0) {
    return fail(
      fillText(
        t(
          "records of key(s) {split} are in several partitions",
          "записи с ключами {split} лежат в разных партициях",
        ),
        vars,
      ),
      t(
        "let the default (key-hash) partitioner choose the partition; do not set one by hand",
        "пусть партицию выбирает стандартный партиционер по хешу ключа; не задавайте её вручную",
      ),
    );
  }
  return pass(
    fillText(
      t(
        "keyed records ({keys}); each key stays in one partition",
        "записи с ключами ({keys}); каждый ключ в одной партиции",
      ),
      vars,
    ),
  );
}

/** Groups of the prefix that consumers of hello-kafka used (live, in the history, or in the journal). */
function helloGroups(s: Snapshot): string[] {
  const ids = new Set(Object.keys(s.groups));
  for (const [id, h] of Object.entries(s.history ?? {})) {
    if (h.commits.some((c) => c.topic === real(s, TOPIC))) ids.add(id);
  }
  ids.add(GROUP);
  return [...ids];
}

function twoConsumers(s: Snapshot): CheckResult {
  const hint = fillText(
    t(
      "run two consumers of one group (`kafka-lab lab2 consume --instances 2{p}`), or the course's consumer twice at once",
      "запустите два консьюмера одной группы (`kafka-lab lab2 consume --instances 2{p}`) или консьюмер курса дважды одновременно",
    ),
    { p: prefixFlag(s) },
  );
  for (const id of helloGroups(s)) {
    const most = Math.max(s.groups[id]?.members.length ?? 0, s.history?.[id]?.maxMembers ?? 0);
    if (most >= 2) {
      return pass(
        fillText(
          t(
            "group {group} had {n} members at once",
            "в группе {group} одновременно было участников: {n}",
          ),
          { group: real(s, id), n: most },
        ),
      );
    }
  }
  return fail(
    t(
      "no group of hello-kafka ever had two members at once",
      "ни в одной группе hello-kafka не было двух участников одновременно",
    ),
    hint,
  );
}

function secondGroup(s: Snapshot): CheckResult {
  const latest = (s.journal ?? []).find((e) =>
    e.what === "lab2.consume" && e.from === "latest" && e.group !== real(s, GROUP) &&
    e.topic === real(s, TOPIC) && (e.seen ?? 0) > 0
  );
  if (latest) {
    return {
      ...pass(fillText(
        t(
          "group {group} started at latest and read {n} new record(s) ({at})",
          "группа {group} начала с latest и прочитала новых записей: {n} ({at})",
        ),
        { group: latest.group ?? "-", n: latest.seen ?? 0, at: latest.at },
      )),
      at: latest.at,
    };
  }
  const others = helloGroups(s).filter((id) => {
    if (id === GROUP) return false;
    const commits = commitsOf(s, id, TOPIC);
    return commits ? commits.consumer.length > 0 : committedOn(s, id, TOPIC).size > 0;
  }).map((id) => real(s, id));
  if (others.length === 0) {
    return fail(
      fillText(
        t(
          "no consumer of a group other than {group} read {topic}",
          "кроме {group}, ни одна группа не читала {topic}",
        ),
        { group: real(s, GROUP), topic: real(s, TOPIC) },
      ),
      fillText(
        t(
          "start `kafka-lab lab2 consume --from latest --group fresh-group{p}`, then send new records while it runs",
          "запустите `kafka-lab lab2 consume --from latest --group fresh-group{p}` и, пока он работает, отправьте новые записи",
        ),
        { p: prefixFlag(s) },
      ),
    );
  }
  return pass(
    fillText(t("other group(s) read {topic}: {groups}", "другие группы читали {topic}: {groups}"), {
      topic: real(s, TOPIC),
      groups: others.join(", "),
    }),
  );
}

/** Lab 2's tasks. */
export const LAB2_TASKS: LabTasks = {
  lab: "lab2",
  title: t(
    "Lab 2: hello-kafka, a producer and a consumer",
    "Лабораторная 2: hello-kafka, продюсер и консьюмер",
  ),
  goal: t(
    "Learn the basics of Apache Kafka 4.1.1 in KRaft mode: write a producer and a consumer, send and receive messages through a topic, and see what a consumer group's committed offsets do.",
    "Изучить основы Apache Kafka 4.1.1 в режиме KRaft: написать продюсер и консьюмер, отправить и получить сообщения через топик и понять, что дают зафиксированные смещения группы.",
  ),
  needs: { topics: [TOPIC], groups: [GROUP], otherGroupsOn: [TOPIC], subjects: [] },
  tasks: [
    {
      id: "hello-records",
      required: true,
      title: t(
        "hello-kafka holds Hello Kafka 1..5 in order",
        "в hello-kafka есть Hello Kafka 1..5 по порядку",
      ),
      check: helloRecords,
    },
    {
      id: "hello-group-end",
      required: true,
      title: t(
        "hello-group's consumers read Hello Kafka 1..5 and committed",
        "консьюмеры hello-group прочитали Hello Kafka 1..5 и зафиксировали смещения",
      ),
      check: helloGroupRead,
    },
    {
      id: "json-value",
      required: false,
      title: t("a message is JSON", "сообщение в формате JSON"),
      check: jsonValue,
    },
    {
      id: "keyed",
      required: false,
      title: t(
        "messages with a key; one key, one partition",
        "сообщения с ключом; один ключ — одна партиция",
      ),
      check: keyed,
    },
    {
      id: "two-consumers",
      required: false,
      title: t("two consumers in one group", "два консьюмера в одной группе"),
      check: twoConsumers,
    },
    {
      id: "second-group",
      required: false,
      title: t(
        "a second group read hello-kafka (auto.offset.reset=latest)",
        "вторая группа читала hello-kafka (auto.offset.reset=latest)",
      ),
      check: secondGroup,
    },
  ],
};
