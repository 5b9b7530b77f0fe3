/**
 * Lab 3's tasks, from the coordinates pipeline (seed 000): users_coordinates
 * with the course layout, a subject holding a schema equal to
 * UserCoordinates, records in the registry's wire format that validate, every
 * bad record in the dead letter topic with a reason header, and the
 * consumer group committed to the end. Extras: keys are the ids, and the DLQ
 * was exercised.
 * @module
 */
import { caughtUpAnyGroup } from "../../lib/grading/consumed.ts";
import {
  fail,
  noTopic,
  pass,
  prefixFlag,
  real,
  sameJson,
  topicLayout,
  truncatedNote,
  utf8,
  where,
  writtenAt,
} from "../../lib/grading/facts.ts";
import type { CheckResult, LabTasks, Snapshot } from "../../lib/grading/types.ts";
import { cutList, fillText, t, type Text } from "../../lib/i18n.ts";
import { COURSE_TOPICS } from "../../lib/kafka/topics.ts";
import schema from "./schema.json" with { type: "json" };
import { deadLetterOf, dlqNotTried, payloadOf, reasonOf, recordProblem } from "./check_wire.ts";

const TOPIC = COURSE_TOPICS.usersCoordinates.name;
const DLQ = `${TOPIC}.dlq`;
const GROUP = "users-coordinates-consumer";
/** The Confluent default (`<topic>-value`) first, then the seed's own name. */
const SUBJECTS = [`${TOPIC}-value`, "users-coordinates-values"] as const;

function runHint(s: Snapshot): Text {
  return fillText(
    t(
      "run `kafka-lab lab3{p}` (or the course's producer and consumer against {topic})",
      "запустите `kafka-lab lab3{p}` (или продюсер и консьюмер курса на {topic})",
    ),
    { p: prefixFlag(s), topic: real(s, TOPIC) },
  );
}

function subjectCheck(s: Snapshot): CheckResult {
  const hint = fillText(
    t(
      "register the UserCoordinates schema (JSON Schema draft-07) under {subject}: `kafka-lab lab3 register{p}`",
      "зарегистрируйте схему UserCoordinates (JSON Schema draft-07) под {subject}: `kafka-lab lab3 register{p}`",
    ),
    { subject: real(s, SUBJECTS[0]), p: prefixFlag(s) },
  );
  if (!s.registryReachable) {
    return fail(t("the Schema Registry did not answer", "Schema Registry не ответил"), hint);
  }
  for (const name of SUBJECTS) {
    const subject = s.subjects[name];
    const latest = subject?.versions.at(-1);
    if (!subject || !latest) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(latest.schema);
    } catch {
      parsed = undefined;
    }
    const vars = {
      subject: subject.name,
      v: latest.version,
      id: latest.id,
      type: latest.schemaType,
    };
    if (latest.schemaType === "JSON" && sameJson(parsed, schema)) {
      return pass(
        fillText(
          t(
            "{subject} version {v} (id {id}, {type}) equals UserCoordinates",
            "{subject}, версия {v} (id {id}, {type}), совпадает с UserCoordinates",
          ),
          vars,
        ),
      );
    }
    return fail(
      fillText(
        t(
          "{subject} version {v} (id {id}, {type}) differs from UserCoordinates",
          "{subject}, версия {v} (id {id}, {type}), отличается от UserCoordinates",
        ),
        vars,
      ),
      hint,
    );
  }
  return fail(
    fillText(t("no subject {subjects}", "нет субъекта {subjects}"), {
      subjects: SUBJECTS.map((n) => real(s, n)).join(" / "),
    }),
    hint,
  );
}

function validRecords(s: Snapshot): CheckResult {
  const topic = s.topics[TOPIC];
  if (!topic) return noTopic(s, TOPIC, runHint(s));
  const good = topic.records.filter((r) => recordProblem(s, r) === undefined);
  const vars = { topic: topic.name, good: good.length, total: topic.records.length };
  if (good.length === 0) {
    return fail(
      fillText(
        t(
          "none of the {total} record(s) of {topic} decodes as a valid UserCoordinates",
          "ни одна из записей {topic} ({total}) не читается как корректный UserCoordinates",
        ),
        vars,
      ),
      runHint(s),
    );
  }
  return writtenAt(
    pass(
      fillText(
        t(
          "{good} of {total} record(s) of {topic} decode and validate, e.g. {sample}",
          "{good} из {total} записей {topic} читаются и проходят проверку, например {sample}",
        ),
        { ...vars, sample: JSON.stringify(payloadOf(good[0])) },
      ),
    ),
    good,
  );
}

function accounted(s: Snapshot): CheckResult {
  const topic = s.topics[TOPIC];
  if (!topic) return noTopic(s, TOPIC, runHint(s));
  const bad = topic.records.filter((r) => recordProblem(s, r) !== undefined);
  const missing = bad.filter((r) => {
    const d = deadLetterOf(s, { topic: TOPIC, dlqTopic: DLQ }, r);
    return d === undefined || reasonOf(d) === undefined;
  });
  const vars = {
    topic: topic.name,
    dlq: real(s, DLQ),
    total: topic.records.length,
    bad: bad.length,
    missing: cutList(missing.map((r) => `${where(r)} (${recordProblem(s, r)})`), 5, "; "),
  };
  const note = truncatedNote(topic);
  if (topic.records.length === 0) {
    return fail(fillText(t("{topic} is empty", "{topic} пуст"), vars), runHint(s));
  }
  if (!s.topics[DLQ] || bad.length === 0) {
    return dlqNotTried(s, { ...vars, dlqExists: !!s.topics[DLQ] });
  }
  if (missing.length > 0) {
    return fail(
      fillText(
        t(
          "{bad} of {total} record(s) break the schema; not in {dlq} with a reason header: {missing}",
          "записей с нарушением схемы: {bad} из {total}; нет в {dlq} с заголовком причины: {missing}",
        ),
        vars,
      ),
      fillText(
        t(
          "consume {topic} with a consumer that writes each bad record to {dlq} with a reason header before committing (`kafka-lab lab3 consume{p}`)",
          "прочитайте {topic} консьюмером, который до фиксации пишет каждую плохую запись в {dlq} с заголовком причины (`kafka-lab lab3 consume{p}`)",
        ),
        { ...vars, p: prefixFlag(s) },
      ),
    );
  }
  const ok = fillText(
    t(
      "{total} record(s): {bad} break the schema and each is in {dlq} with a reason",
      "записей {total}: нарушают схему {bad}, и каждая есть в {dlq} с причиной",
    ),
    vars,
  );
  return writtenAt(
    pass({ en: ok.en + note.en, ru: ok.ru + note.ru }),
    s.topics[DLQ]?.records ?? [],
  );
}

function keysAreIds(s: Snapshot): CheckResult {
  const topic = s.topics[TOPIC];
  if (!topic) return noTopic(s, TOPIC, runHint(s));
  const good = topic.records.filter((r) => recordProblem(s, r) === undefined);
  const wrong = good.filter((r) => utf8(r.key) !== String(payloadOf(r).id) || r.key === null);
  const vars = { good: good.length, wrong: cutList(wrong.map(where), 5) };
  if (good.length === 0 || wrong.length > 0) {
    return fail(
      fillText(
        t(
          "valid records: {good}; key is not the id at: {wrong}",
          "корректных записей: {good}; ключ не равен id в: {wrong}",
        ),
        { ...vars, wrong: wrong.length > 0 ? vars.wrong : "-" },
      ),
      t(
        "use the record's id, as text, as its key (key = str(id))",
        "используйте id записи в виде строки как ключ (key = str(id))",
      ),
    );
  }
  return pass(
    fillText(
      t(
        "all {good} valid record(s) are keyed by their id",
        "у всех корректных записей ({good}) ключ — их id",
      ),
      vars,
    ),
  );
}

function dlqUsed(s: Snapshot): CheckResult {
  const dlq = s.topics[DLQ];
  const hint = fillText(
    t(
      "write records that break the schema (`kafka-lab lab3 inject{p}`), then consume them",
      "запишите записи, нарушающие схему (`kafka-lab lab3 inject{p}`), затем прочитайте их",
    ),
    { p: prefixFlag(s) },
  );
  if (!dlq || dlq.records.length === 0) {
    return fail(
      fillText(t("{dlq} is missing or empty", "{dlq} отсутствует или пуст"), { dlq: real(s, DLQ) }),
      hint,
    );
  }
  const withReason = dlq.records.filter((r) => reasonOf(r) !== undefined);
  const vars = {
    dlq: dlq.name,
    n: dlq.records.length,
    r: withReason.length,
    sample: withReason[0] ? reasonOf(withReason[0])!.slice(0, 80) : "-",
  };
  if (withReason.length < dlq.records.length) {
    return fail(
      fillText(
        t(
          "{dlq}: {r} of {n} record(s) carry a reason header",
          "{dlq}: заголовок причины у {r} из {n} записей",
        ),
        vars,
      ),
      t(
        "put the reason in a header of each dead letter",
        "укажите причину в заголовке каждой записи",
      ),
    );
  }
  return pass(
    fillText(
      t(
        '{dlq}: {n} dead letter(s), each with a reason, e.g. "{sample}"',
        "{dlq}: записей {n}, у каждой есть причина, например «{sample}»",
      ),
      vars,
    ),
  );
}

/** Lab 3's tasks. */
export const LAB3_TASKS: LabTasks = {
  lab: "lab3",
  title: t(
    "Lab 3: the coordinates pipeline with a Schema Registry",
    "Лабораторная 3: конвейер координат со Schema Registry",
  ),
  goal: t(
    "Build a producer and a consumer of user coordinates whose records are validated against a JSON Schema kept in a Schema Registry; route records that break it to a dead letter topic.",
    "Построить продюсер и консьюмер координат пользователей, записи которых проверяются по JSON Schema из Schema Registry; записи с нарушениями направлять в топик ошибочных записей (DLQ).",
  ),
  needs: {
    topics: [TOPIC, DLQ],
    groups: [GROUP],
    otherGroupsOn: [TOPIC],
    subjects: [...SUBJECTS],
  },
  tasks: [
    {
      id: "topic",
      required: true,
      title: t(
        "users_coordinates: 6 partitions, replication factor 2, min.insync.replicas=1",
        "users_coordinates: партиций 6, фактор репликации 2, min.insync.replicas=1",
      ),
      check: (s) => topicLayout(s, COURSE_TOPICS.usersCoordinates, runHint(s)),
    },
    {
      id: "schema",
      required: true,
      title: t("the subject holds UserCoordinates", "в субъекте зарегистрирована UserCoordinates"),
      check: subjectCheck,
    },
    {
      id: "valid-records",
      required: true,
      title: t("records decode and validate", "записи читаются и проходят проверку схемы"),
      check: validRecords,
    },
    {
      id: "bad-in-dlq",
      required: true,
      title: t(
        "every bad record is in the DLQ with a reason header",
        "каждая плохая запись есть в DLQ с заголовком причины",
      ),
      check: accounted,
    },
    {
      id: "group-end",
      required: true,
      title: t(
        "a consumer group read the records and committed (users-coordinates-consumer, --group, or any)",
        "группа консьюмеров прочитала записи и зафиксировала смещения (users-coordinates-consumer, --group или любая)",
      ),
      check: (s) => caughtUpAnyGroup(s, "lab3", GROUP, TOPIC, runHint(s)),
    },
    {
      id: "keys-are-ids",
      required: false,
      title: t("every record's key is its id", "ключ каждой записи — её id"),
      check: keysAreIds,
    },
    {
      id: "dlq-used",
      required: false,
      title: t(
        "bad records were sent and dead-lettered",
        "плохие записи отправлены и попали в DLQ",
      ),
      check: dlqUsed,
    },
  ],
};
