/**
 * Lab 2's tasks, from lab manual No. 1: hello-kafka holds "Hello Kafka 1..5"
 * in order and hello-group committed to its end; the extras are a JSON value,
 * keyed records (one key, one partition), two consumers in one group, and a
 * second group that read the topic (the `latest` experiment).
 * @module
 */
import {
  byPartition,
  committedOn,
  committedToEnd,
  fail,
  jsonObject,
  noTopic,
  pass,
  prefixFlag,
  real,
  utf8,
  where,
} from "../../lib/grading/facts.ts";
import type { CheckResult, LabTasks, RecordSnap, Snapshot } from "../../lib/grading/types.ts";
import { cutList, fillText, t, type Text } from "../../lib/i18n.ts";

const TOPIC = "hello-kafka";
const GROUP = "hello-group";
const COUNT = 5;

function runHint(s: Snapshot): Text {
  return fillText(
    t(
      "run `kafka-lab lab2{p}` (or the course's producer and consumer against {topic})",
      "запустите `kafka-lab lab2{p}` (или продюсер и консьюмер курса на {topic})",
    ),
    { p: prefixFlag(s), topic: real(s, TOPIC) },
  );
}

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

function helloRecords(s: Snapshot): CheckResult {
  const topic = s.topics[TOPIC];
  if (!topic) return noTopic(s, TOPIC, runHint(s));
  for (const [partition, records] of byPartition(topic.records)) {
    let next = 1;
    const found: string[] = [];
    for (const r of records) {
      if (helloNumber(r) === next) {
        found.push(`${next}@${r.offset}`);
        next++;
      }
      if (next > COUNT) {
        return pass(
          fillText(
            t(
              "{topic} partition {partition} holds Hello Kafka 1..5 in order (n@offset: {found})",
              "в {topic}, партиция {partition}, есть Hello Kafka 1..5 по порядку (n@offset: {found})",
            ),
            { topic: topic.name, partition, found: found.join(", ") },
          ),
        );
      }
    }
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

function twoConsumers(s: Snapshot): CheckResult {
  const groups = Object.entries(s.groups).filter(([, g]) => g.members.length >= 2);
  const hint = fillText(
    t(
      "run two consumers of one group (`kafka-lab lab2 consume --instances 2{p}`) and check while they run",
      "запустите два консьюмера одной группы (`kafka-lab lab2 consume --instances 2{p}`) и проверяйте, пока они работают",
    ),
    { p: prefixFlag(s) },
  );
  if (groups.length === 0) {
    return fail(
      t(
        "no group of hello-kafka has two live members now",
        "сейчас ни в одной группе hello-kafka нет двух участников",
      ),
      hint,
    );
  }
  const [, g] = groups[0];
  return pass(
    fillText(t("group {group} has {n} live members", "в группе {group} участников: {n}"), {
      group: g.id,
      n: g.members.length,
    }),
  );
}

function secondGroup(s: Snapshot): CheckResult {
  const others = Object.entries(s.groups)
    .filter(([id]) => id !== GROUP && committedOn(s, id, TOPIC).size > 0)
    .map(([, g]) => g.id);
  if (others.length === 0) {
    return fail(
      fillText(
        t(
          "no group other than {group} committed offsets on {topic}",
          "кроме {group}, ни одна группа не фиксировала смещения в {topic}",
        ),
        { group: real(s, GROUP), topic: real(s, TOPIC) },
      ),
      fillText(
        t(
          "start `kafka-lab lab2 consume --from latest --group {g}{p}`, then send new records while it runs",
          "запустите `kafka-lab lab2 consume --from latest --group {g}{p}` и, пока он работает, отправьте новые записи",
        ),
        { g: real(s, "fresh-group"), p: prefixFlag(s) },
      ),
    );
  }
  return pass(
    fillText(t("other group(s) on {topic}: {groups}", "другие группы на {topic}: {groups}"), {
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
        "hello-group committed to the end of hello-kafka",
        "hello-group зафиксировала смещения до конца hello-kafka",
      ),
      check: (s) => committedToEnd(s, GROUP, TOPIC, runHint(s)),
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
