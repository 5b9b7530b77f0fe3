/**
 * `check lab2 --exercise DIR`: runs the student's producer on a fresh topic,
 * then the consumer twice in one fresh group on a topic the grader filled
 * with "Hello Kafka 1..5", and judges from the broker (records, timestamps,
 * committed offsets) and, where only the program knows, from its output.
 * Everything it made is deleted afterwards.
 * @module
 */
import { judgeRun } from "../../lib/exercise/judge_run.ts";
import {
  HELLO_VALUES,
  judgeAcks,
  judgeAgain,
  judgeCommitted,
  judgePace,
  judgePrinted,
  judgeProducerRecords,
} from "../../lib/exercise/lab2.ts";
import {
  cleanUp,
  committedOffsets,
  createTopics,
  endOffsets,
  readAll,
  writeValues,
} from "../../lib/exercise/broker.ts";
import type { Verdict } from "../../lib/exercise/types.ts";
import type { ExerciseSession } from "./session.ts";

/** The consumer stops after this many seconds without a record (`KAFKA_LAB_IDLE_SECONDS`). */
export const LAB2_IDLE_SECONDS = 10;

/** Lab 2's criteria for the exercise in `session`. */
export async function checkLab2(s: ExerciseSession): Promise<Verdict[]> {
  const written = s.names.topic("hello-kafka");
  const read = s.names.topic("hello-kafka-read");
  const group = s.names.group("hello-group");
  s.announce({ topic: written, group });
  await createTopics(s.kafka, [{ name: written, partitions: 1 }, { name: read, partitions: 1 }]);
  try {
    const producer = await s.run("producer", { KAFKA_LAB_TOPIC: written });
    const records = await readAll(s.kafka, written, s.signal);
    await writeValues(s.kafka, read, HELLO_VALUES);
    const end = (await endOffsets(s.kafka, read)).get(0) ?? 0;
    const env = {
      KAFKA_LAB_TOPIC: read,
      KAFKA_LAB_GROUP: group,
      KAFKA_LAB_IDLE_SECONDS: String(LAB2_IDLE_SECONDS),
    };
    const first = await s.run("consumer", env);
    const committed = (await committedOffsets(s.kafka, group, read)).get(0) ?? -1;
    const second = await s.run("consumer", env);
    const after = (await committedOffsets(s.kafka, group, read)).get(0) ?? -1;
    const secondRan = judgeRun("consumer.again", second);
    return [
      judgeRun("producer.ran", producer),
      judgeProducerRecords(records),
      judgePace(records),
      judgeAcks(records, producer.stdout),
      judgeRun("consumer.ran", first),
      judgePrinted(first.stdout, HELLO_VALUES),
      judgeCommitted(committed, end),
      secondRan.pass ? judgeAgain(second.stdout, HELLO_VALUES, after, end) : secondRan,
    ];
  } finally {
    await cleanUp(s.kafka, { topics: [written, read], groups: [group] });
  }
}
