/**
 * Lab 6's tasks, graded on what the cluster shows after the work: the
 * liveness group committed to the end (the member that took over finished),
 * the retention topic with per-partition limits and a log start offset that
 * moved, its reader group past the deleted records, the size topic with a
 * limit that every record it holds fits, and the min ISR topic with a
 * written record. Extra: min.insync.replicas set back below the replicas.
 * @module
 */
import { caughtUp } from "../../lib/grading/consumed.ts";
import { fail, noTopic, pass, prefixFlag } from "../../lib/grading/facts.ts";
import type { CheckResult, LabTasks, Snapshot } from "../../lib/grading/types.ts";
import { fillText, t, type Text } from "../../lib/i18n.ts";
import { effectiveMinIsr, LAB6_NAMES, RETENTION } from "./model.ts";

const N = LAB6_NAMES;

function runHint(s: Snapshot, part: string): Text {
  return fillText(
    t("run `kafka-lab lab6 --part {part}{p}`", "запустите `kafka-lab lab6 --part {part}{p}`"),
    { part, p: prefixFlag(s) },
  );
}

/** The retention topic's own limits: set, and no bigger than the lab's. */
function retentionConfigs(s: Snapshot): CheckResult {
  const topic = s.topics[N.retentionTopic];
  if (!topic) return noTopic(s, N.retentionTopic, runHint(s, "retention"));
  const bytes = Number(topic.configs["retention.bytes"]);
  const segment = Number(topic.configs["segment.bytes"]);
  const vars = {
    topic: topic.name,
    bytes: topic.configs["retention.bytes"] ?? "-",
    segment: topic.configs["segment.bytes"] ?? "-",
  };
  const evidence = fillText(
    t(
      "{topic}: retention.bytes {bytes}, segment.bytes {segment}",
      "{topic}: retention.bytes {bytes}, segment.bytes {segment}",
    ),
    vars,
  );
  const small = bytes > 0 && bytes <= 4 * RETENTION.retentionBytes &&
    segment > 0 && segment <= 4 * RETENTION.segmentBytes;
  if (small) return pass(evidence);
  return fail(
    evidence,
    t(
      "set retention.bytes and segment.bytes on the topic (1 MiB each; lab6 sets them)",
      "задайте у топика retention.bytes и segment.bytes (по 1 МиБ; lab6 задаёт их сама)",
    ),
  );
}

/** Retention deleted segments: some partition's log start offset is above 0. */
function logStartMoved(s: Snapshot): CheckResult {
  const topic = s.topics[N.retentionTopic];
  if (!topic) return noTopic(s, N.retentionTopic, runHint(s, "retention"));
  const starts = topic.ends.map((e) => `p${e.partition}: ${e.low}..${e.high}`).join(", ");
  const vars = { topic: topic.name, starts };
  if (topic.ends.some((e) => e.low > 0)) {
    return pass(
      fillText(
        t("{topic}: log start..end {starts}", "{topic}: начало..конец журнала {starts}"),
        vars,
      ),
    );
  }
  return fail(
    fillText(
      t(
        "{topic}: no segment deleted yet (log start..end {starts})",
        "{topic}: ни один сегмент ещё не удалён (начало..конец журнала {starts})",
      ),
      vars,
    ),
    runHint(s, "retention"),
  );
}

/** The size topic keeps a limit below the broker's default, and every record fits it. */
function sizeLimit(s: Snapshot): CheckResult {
  const topic = s.topics[N.sizeTopic];
  if (!topic) return noTopic(s, N.sizeTopic, runHint(s, "size"));
  const limit = Number(topic.configs["max.message.bytes"]);
  const largest = Math.max(0, ...topic.records.map((r) => r.value?.length ?? 0));
  const vars = { topic: topic.name, limit: topic.configs["max.message.bytes"] ?? "-", largest };
  const evidence = fillText(
    t(
      "{topic}: max.message.bytes {limit}, largest record value {largest} bytes",
      "{topic}: max.message.bytes {limit}, наибольшее значение записи — {largest} байт",
    ),
    vars,
  );
  if (!(limit > 0) || topic.records.length === 0) return fail(evidence, runHint(s, "size"));
  return largest <= limit ? pass(evidence) : fail(evidence, runHint(s, "size"));
}

/** The min ISR topic exists and holds an acks=all record; the evidence names the effective value. */
function minIsrWritten(s: Snapshot): CheckResult {
  const topic = s.topics[N.minIsrTopic];
  if (!topic) return noTopic(s, N.minIsrTopic, runHint(s, "min-isr"));
  const minIsr = Number(topic.configs["min.insync.replicas"] ?? 1);
  const rf = topic.replicationFactor;
  const records = topic.ends.reduce((n, e) => n + e.high - e.low, 0);
  const vars = { topic: topic.name, minIsr, rf, effective: effectiveMinIsr(minIsr, rf), records };
  const evidence = fillText(
    t(
      "{topic}: min.insync.replicas {minIsr} on {rf} replica(s), effective {effective}; {records} record(s)",
      "{topic}: min.insync.replicas {minIsr} при {rf} репликах, действует {effective}; записей: {records}",
    ),
    vars,
  );
  return records > 0 ? pass(evidence) : fail(evidence, runHint(s, "min-isr"));
}

/** Extra: min.insync.replicas set to at most the replicas minus one (one replica may fall behind). */
function minIsrSane(s: Snapshot): CheckResult {
  const topic = s.topics[N.minIsrTopic];
  if (!topic) return noTopic(s, N.minIsrTopic, runHint(s, "min-isr"));
  const minIsr = Number(topic.configs["min.insync.replicas"] ?? 1);
  const rf = topic.replicationFactor;
  const vars = { topic: topic.name, minIsr, rf, advice: Math.max(1, rf - 1) };
  const evidence = fillText(
    t(
      "{topic}: min.insync.replicas {minIsr}, replication factor {rf}",
      "{topic}: min.insync.replicas {minIsr}, фактор репликации {rf}",
    ),
    vars,
  );
  if (minIsr <= Math.max(1, rf - 1)) return pass(evidence);
  return fail(
    evidence,
    fillText(
      t(
        "set min.insync.replicas={advice}: kafka-lab kafka kafka-configs --alter --entity-type topics --entity-name {topic} --add-config min.insync.replicas={advice}",
        "задайте min.insync.replicas={advice}: kafka-lab kafka kafka-configs --alter --entity-type topics --entity-name {topic} --add-config min.insync.replicas={advice}",
      ),
      vars,
    ),
  );
}

/** Lab 6's grading. */
export const LAB6_TASKS: LabTasks = {
  lab: "lab6",
  title: t(
    "Lab 6: consumer liveness, retention, message size, min.insync.replicas",
    "Лабораторная 6: живость консьюмера, хранение, размер сообщения, min.insync.replicas",
  ),
  goal: t(
    "See on the cluster what the best-practices article states: a member stuck in processing is removed and its records processed twice, retention moves the log start offset past a group, a batch over max.message.bytes is refused, min.insync.replicas above the replicas is capped.",
    "Увидеть на кластере то, о чём говорит статья о практиках: застрявшего в обработке участника исключают и его записи обрабатываются дважды, хранение сдвигает начало журнала дальше группы, пакет больше max.message.bytes отклоняется, min.insync.replicas больше числа реплик ограничивается.",
  ),
  needs: {
    topics: [N.livenessTopic, N.retentionTopic, N.sizeTopic, N.minIsrTopic],
    groups: [N.livenessGroup, N.retentionGroup],
    subjects: [],
  },
  tasks: [
    {
      id: "liveness-group-end",
      required: true,
      title: t(
        "lab6-liveness: the member that took over committed to the end",
        "lab6-liveness: участник, получивший партицию, зафиксировал смещения до конца",
      ),
      check: (s) => caughtUp(s, N.livenessGroup, N.livenessTopic, runHint(s, "liveness")),
    },
    {
      id: "retention-configs",
      required: true,
      title: t(
        "lab6-retention: small segments and retention.bytes",
        "lab6-retention: маленькие сегменты и retention.bytes",
      ),
      check: retentionConfigs,
    },
    {
      id: "log-start-moved",
      required: true,
      title: t(
        "lab6-retention: the log start offset moved",
        "lab6-retention: начало журнала сдвинулось",
      ),
      check: logStartMoved,
    },
    {
      id: "reader-past-deleted",
      required: true,
      title: t(
        "lab6-retention-reader resumed past the deleted records to the end",
        "lab6-retention-reader продолжила после удалённых записей и дочитала до конца",
      ),
      check: (s) => caughtUp(s, N.retentionGroup, N.retentionTopic, runHint(s, "retention")),
    },
    {
      id: "size-limit",
      required: true,
      title: t(
        "lab6-size: max.message.bytes set, every record fits it",
        "lab6-size: max.message.bytes задан, каждая запись в него помещается",
      ),
      check: sizeLimit,
    },
    {
      id: "min-isr-written",
      required: true,
      title: t(
        "lab6-min-isr: an acks=all record despite min.insync.replicas above the replicas",
        "lab6-min-isr: запись с acks=all, несмотря на min.insync.replicas больше числа реплик",
      ),
      check: minIsrWritten,
    },
    {
      id: "min-isr-sane",
      required: false,
      title: t(
        "lab6-min-isr: min.insync.replicas lowered to the replicas minus one",
        "lab6-min-isr: min.insync.replicas снижен до числа реплик минус один",
      ),
      check: minIsrSane,
    },
  ],
};
