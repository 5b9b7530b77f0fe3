/**
 * `check lab3 --exercise DIR`: runs the student's producer on a fresh topic
 * and reads what it registered (the registry) and wrote (the broker); then
 * registers the schema for a second fresh topic, fills it with good records
 * laced with poison ones, runs the consumer there and judges what it printed
 * and committed. Topics, group and subjects are deleted afterwards.
 * @module
 */
import {
  cleanUp,
  committedOffsets,
  createTopics,
  endOffsets,
  type GraderRecord,
  readRaw,
  writeValues,
} from "../../lib/exercise/broker.ts";
import { judgeRun } from "../../lib/exercise/judge_run.ts";
import { judgeCommitted } from "../../lib/exercise/lab2.ts";
import {
  judgeGood,
  judgePoison,
  judgeRegistered,
  judgeValid,
  judgeWire,
  LAB3_COUNT,
  validIds,
} from "../../lib/exercise/lab3.ts";
import { deleteSubject, latestSchema, wireValue } from "../../lib/exercise/registry_side.ts";
import type { Verdict } from "../../lib/exercise/types.ts";
import type { ExerciseSession } from "./session.ts";
import schemaText from "./starters/lab3/schema.json.txt" with { type: "text" };

/** The consumer stops after this many seconds without a record. */
export const LAB3_IDLE_SECONDS = 10;
/** The good records' ids the grader writes for the consumer, and the poison records' ids. */
export const GOOD_IDS = [101, 102, 103, 104] as const;
export const POISON_IDS = [901, 902, 903] as const;

/** Good records laced with poison: not JSON, wrong magic byte, a missing field, an unknown id. */
export function consumerRecords(schemaId: number): GraderRecord[] {
  const good = (id: number) => ({
    key: String(id),
    value: wireValue(schemaId, { id, longitude: 37.6, latitude: 55.7 }),
  });
  const wrongMagic = wireValue(schemaId, { id: 901, longitude: 1, latitude: 2 });
  wrongMagic[0] = 1;
  return [
    good(101),
    { key: "x", value: wireValue(schemaId, null, "not json at all") },
    good(102),
    { key: "901", value: wrongMagic },
    good(103),
    { key: "902", value: wireValue(schemaId, { id: 902, longitude: 1 }) },
    { key: "903", value: wireValue(2_000_000_000, { id: 903, longitude: 1, latitude: 2 }) },
    good(104),
  ];
}

async function producerSide(s: ExerciseSession, topic: string): Promise<Verdict[]> {
  const producer = await s.run("producer", {
    KAFKA_LAB_TOPIC: topic,
    KAFKA_LAB_COUNT: String(LAB3_COUNT),
  });
  const subject = `${topic}-value`;
  const latest = await latestSchema(s.registryUrl, subject);
  const records = await readRaw(s.kafka, topic, s.signal);
  return [
    judgeRun("producer.ran", producer),
    judgeRegistered(subject, latest?.schema),
    judgeWire(records, latest?.id),
    judgeValid(records, validIds(LAB3_COUNT)),
  ];
}

async function consumerSide(s: ExerciseSession, topic: string, group: string): Promise<Verdict[]> {
  const { id } = await (await s.registry()).registerJson(JSON.parse(schemaText), `${topic}-value`);
  await writeValues(s.kafka, topic, consumerRecords(id));
  const end = (await endOffsets(s.kafka, topic)).get(0) ?? 0;
  const run = await s.run("consumer", {
    KAFKA_LAB_TOPIC: topic,
    KAFKA_LAB_GROUP: group,
    KAFKA_LAB_IDLE_SECONDS: String(LAB3_IDLE_SECONDS),
  });
  const committed = (await committedOffsets(s.kafka, group, topic)).get(0) ?? -1;
  return [
    judgeRun("consumer.ran", run),
    judgeGood(run.stdout, GOOD_IDS),
    judgePoison(run.stdout, POISON_IDS),
    judgeCommitted(committed, end),
  ];
}

/** Lab 3's criteria for the exercise in `session`. */
export async function checkLab3(s: ExerciseSession): Promise<Verdict[]> {
  const written = s.names.topic("users_coordinates");
  const read = s.names.topic("users_coordinates-read");
  const group = s.names.group("users-coordinates-consumer");
  s.announce({ topic: written, group });
  await createTopics(s.kafka, [{ name: written, partitions: 1 }, { name: read, partitions: 1 }]);
  try {
    const [producer, consumer] = await Promise.all([
      producerSide(s, written),
      consumerSide(s, read, group),
    ]);
    return [...producer, ...consumer];
  } finally {
    await cleanUp(s.kafka, { topics: [written, read], groups: [group] });
    for (const t of [written, read]) await deleteSubject(s.registryUrl, `${t}-value`);
  }
}
