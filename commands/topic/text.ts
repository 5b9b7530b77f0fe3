/**
 * The `topic` command's words, in English and Russian.
 * @module
 */
import type { Bilingual } from "../../lib/i18n.ts";

const EN = {
  created: "created {topic}: {partitions} partitions, replication factor {rf}",
  exists: "{topic} exists already: {partitions} partitions, replication factor {rf}",
  differs: "it differs from what you asked: {list}",
  header: "{topic}: {partitions} partitions, replication factor {rf}",
  colPartition: "partition",
  colLeader: "leader",
  colReplicas: "replicas",
  colIsr: "isr",
  colTopic: "topic",
  colPartitions: "partitions",
  colRf: "replication factor",
  noLeader: "none",
  configs: "configs set on the topic: {configs}",
  noConfigs: "configs set on the topic: none (the broker's defaults apply)",
  configsUnknown: "configs: cannot be read while a partition has no leader",
  noTopics: "no topics (kafka-lab topic create NAME makes one)",
  deleteQuestion: "Delete topic {topic} and all its records?",
  deleted: "{topic} deleted",
  kept: "{topic} kept",
  altered: "{topic}: configs set on the topic now: {configs}",
  added: "{topic}: {before} -> {partitions} partitions",
  nothingToAlter: "give --set KEY=VALUE or --delete KEY (or both)",
} as const;

/** The `topic` command's texts. */
export const TOPIC_TEXT: Bilingual<typeof EN> = {
  en: EN,
  ru: {
    created: "создан {topic}: партиций {partitions}, фактор репликации {rf}",
    exists: "{topic} уже есть: партиций {partitions}, фактор репликации {rf}",
    differs: "он отличается от запрошенного: {list}",
    header: "{topic}: партиций {partitions}, фактор репликации {rf}",
    colPartition: "партиция",
    colLeader: "лидер",
    colReplicas: "реплики",
    colIsr: "isr",
    colTopic: "топик",
    colPartitions: "партиций",
    colRf: "фактор репликации",
    noLeader: "нет",
    configs: "настройки, заданные на топике: {configs}",
    noConfigs: "настройки, заданные на топике: нет (действуют значения брокера)",
    configsUnknown: "настройки: не прочитать, пока у партиции нет лидера",
    noTopics: "топиков нет (создать: kafka-lab topic create ИМЯ)",
    deleteQuestion: "Удалить топик {topic} со всеми записями?",
    deleted: "{topic} удалён",
    kept: "{topic} оставлен",
    altered: "{topic}: настройки, заданные на топике, теперь: {configs}",
    added: "{topic}: партиций было {before}, стало {partitions}",
    nothingToAlter: "укажите --set КЛЮЧ=ЗНАЧЕНИЕ или --delete КЛЮЧ (или оба)",
  },
};
