/**
 * Lab 1's tasks: the three course topics exist with the course's layout
 * (partitions, replication factor, min.insync.replicas), and, as an extra,
 * every replica of them is in sync.
 * @module
 */
import { fail, noTopic, pass, prefixFlag, topicLayout } from "../../lib/grading/facts.ts";
import type { LabTasks, Snapshot } from "../../lib/grading/types.ts";
import { fillText, t, type Text } from "../../lib/i18n.ts";
import { COURSE_TOPICS, type TopicSpec } from "../../lib/kafka/topics.ts";

const SPECS: readonly TopicSpec[] = [
  COURSE_TOPICS.helloKafka,
  COURSE_TOPICS.usersCoordinates,
  COURSE_TOPICS.final1,
];

function createHint(s: Snapshot, spec: TopicSpec): Text {
  const configs = Object.entries(spec.configs ?? {}).map(([k, v]) => ` --config ${k}=${v}`)
    .join("");
  const vars = {
    cmd: `kafka-lab lab1${prefixFlag(s)}`,
    topic: s.prefix + spec.name,
    p: spec.partitions,
    rf: spec.replicationFactor,
    configs,
  };
  return fillText(
    t(
      "run `{cmd}`, or create {topic} yourself with {p} partition(s), replication factor {rf}{configs} (delete a wrong one first)",
      "запустите `{cmd}` или создайте {topic} сами: партиций {p}, фактор репликации {rf}{configs} (неверный сначала удалите)",
    ),
    vars,
  );
}

function inSync(s: Snapshot) {
  const present = SPECS.filter((spec) => s.topics[spec.name]);
  if (present.length === 0) {
    return noTopic(s, SPECS[0].name, createHint(s, SPECS[0]));
  }
  const lagging = present.flatMap((spec) =>
    s.topics[spec.name].partitions
      .filter((p) => p.isr.length < p.replicas.length)
      .map((p) => `${s.topics[spec.name].name}/${p.partition}`)
  );
  const vars = { lagging: lagging.join(", "), count: present.length };
  if (lagging.length > 0) {
    return fail(
      fillText(
        t("replicas out of sync in: {lagging}", "несинхронные реплики в: {lagging}"),
        vars,
      ),
      t(
        "start every broker (`kafka-lab status`, `kafka-lab broker start`) and wait until the followers catch up",
        "запустите все брокеры (`kafka-lab status`, `kafka-lab broker start`) и дождитесь, пока фолловеры догонят лидера",
      ),
    );
  }
  return pass(
    fillText(
      t(
        "every replica of the {count} course topic(s) is in the ISR",
        "все реплики топиков курса ({count}) входят в ISR",
      ),
      vars,
    ),
  );
}

/** Lab 1's tasks. */
export const LAB1_TASKS: LabTasks = {
  lab: "lab1",
  title: t("Lab 1: topics, partitions and replicas", "Лабораторная 1: топики, партиции и реплики"),
  goal: t(
    "Create the course's topics on a Kafka 4.1.1 KRaft cluster and read their layout: partitions, leaders, replicas, in-sync replicas and topic configs.",
    "Создать топики курса в кластере Kafka 4.1.1 (KRaft) и разобраться в их устройстве: партиции, лидеры, реплики, синхронные реплики и настройки топика.",
  ),
  needs: { topics: SPECS.map((s) => s.name), groups: [], subjects: [] },
  tasks: [
    ...SPECS.map((spec) => ({
      id: `topic-${spec.name}`,
      required: true,
      title: fillText(
        t(
          "{topic}: {p} partition(s), replication factor {rf}{configs}",
          "{topic}: партиций {p}, фактор репликации {rf}{configs}",
        ),
        {
          topic: spec.name,
          p: spec.partitions,
          rf: spec.replicationFactor,
          configs: Object.entries(spec.configs ?? {}).map(([k, v]) => `, ${k}=${v}`).join(""),
        },
      ),
      check: (s: Snapshot) => topicLayout(s, spec, createHint(s, spec)),
    })),
    {
      id: "replicas-in-sync",
      required: false,
      title: t(
        "every replica of the course topics is in sync",
        "все реплики топиков курса синхронны",
      ),
      check: inSync,
    },
  ],
};
