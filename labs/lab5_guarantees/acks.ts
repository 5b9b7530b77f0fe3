/**
 * Part 1: acks=0 / 1 / all while the partition leader is killed mid-stream.
 * Three topics (RF 3, one partition, all led by the same broker) get the same
 * stream at once, one per acks setting; the leader is SIGKILLed a third of
 * the way through and started again afterwards; each topic is read back and
 * counted by id: what the producer was told vs what is really there.
 * @module
 */
import type { Context } from "../../lib/context.ts";
import { decimal, fill } from "../../lib/i18n.ts";
import { startBroker, waitFullIsr } from "./brokers.ts";
import { tally } from "./model.ts";
import { makeProducer } from "./producers.ts";
import { createTopic, readAll, runName, shortHex } from "./records.ts";
import { type FigureRow, printFigures, type Reporter, type Text } from "./report.ts";
import { failureCodes, failureCounts, runStream, type StreamResult } from "./stream.ts";
import { killWhen, pickVictim } from "./chaos.ts";
import { LAB5_EVENTS } from "./events.ts";

/** Settings of part 1. */
export interface AcksSettings {
  readonly prefix: string;
  readonly count: number;
  readonly keepTopics: boolean;
}

const SETTINGS = [
  { acks: 0, label: "acks=0", minIsr: "1" },
  { acks: 1, label: "acks=1", minIsr: "1" },
  { acks: -1, label: "acks=all", minIsr: "2" },
] as const;

/** Runs part 1; reports through `r` and returns the figures. */
export async function runAcks(
  ctx: Context,
  t: Text,
  r: Reporter,
  s: AcksSettings,
): Promise<FigureRow[]> {
  const kafka = await ctx.kafka();
  const hex = shortHex();
  const victim = await pickVictim(ctx);
  const others = [1, 2, 3].filter((b) => b !== victim);
  const topics = SETTINGS.map((x) => runName(s.prefix, `acks${x.acks < 0 ? "all" : x.acks}`, hex));
  await kafka.withAdmin(async (admin) => {
    for (const [i, topic] of topics.entries()) {
      await createTopic(admin, {
        topic,
        assignment: [[victim, ...others]],
        config: { "min.insync.replicas": SETTINGS[i].minIsr },
      });
    }
  });
  r.ok(
    fill(t.acksTopics, { count: 3, leader: victim }),
    { topics, leader: victim },
    LAB5_EVENTS.topicsCreated,
  );
  const producers = await Promise.all(SETTINGS.map(() => makeProducer(kafka, "plain")));
  let progress = 0;
  const perSend = 25;
  try {
    const killer = killWhen(ctx, r, t, {
      victim,
      when: () => progress >= (s.count * SETTINGS.length) / 3,
      signal: ctx.signal,
    });
    const results: StreamResult[] = await Promise.all(SETTINGS.map((x, i) =>
      runStream({
        producer: producers[i],
        topic: topics[i],
        acks: x.acks,
        run: `${hex}-${x.label}`,
        count: s.count,
        perSend,
        signal: ctx.signal,
        onProgress: () => (progress += perSend),
      })
    ));
    await killer.done();
    await restart(ctx, r, t, victim, topics);
    const rows: FigureRow[] = [];
    for (const [i, x] of SETTINGS.entries()) {
      const found = await readAll(kafka, topics[i]);
      const c = tally({ ...results[i], found: found.map((f) => f.id) });
      rows.push({
        key: x.label,
        label: x.label,
        tally: c,
        ...failureCounts(results[i]),
        codes: failureCodes(results[i]),
      });
    }
    printFigures(ctx, t, "acks", rows);
    for (const row of rows) r.note(explainRow(t, row));
    if (rows[1].tally.lost === 0) r.note(t.acksOneWindow);
    return rows;
  } finally {
    await Promise.all(producers.map((p) => p.close()));
    if (!s.keepTopics) {
      await kafka.withAdmin((admin) => admin.deleteTopics({ topics })).catch(() => {});
    }
  }
}

/** Starts the victim again and waits for the topics' ISR to be full. */
export async function restart(
  ctx: Context,
  r: Reporter,
  t: Text,
  victim: number,
  topics: readonly string[],
): Promise<void> {
  const kafka = await ctx.kafka();
  const started = Date.now();
  await startBroker(ctx, victim);
  const full = await kafka.withAdmin(async (admin) => {
    for (const topic of topics) {
      if (!await waitFullIsr(admin, topic, 120_000)) return false;
    }
    return true;
  });
  const seconds = Number(((Date.now() - started) / 1000).toFixed(1));
  if (full) {
    r.ok(
      fill(t.brokerBack, { broker: victim, seconds: decimal(seconds, ctx.out.lang) }),
      { broker: victim, seconds },
      LAB5_EVENTS.brokerBack,
    );
  } else {
    r.fail(fill(t.brokerNotBack, { broker: victim }), { broker: victim }, LAB5_EVENTS.brokerBack);
  }
}

function explainRow(t: Text, row: FigureRow): string {
  const c = row.tally;
  const vars = { label: row.label, lost: c.lost, dup: c.duplicated, failed: c.failed };
  if (c.lost > 0) return fill(t.acksLost, vars);
  if (c.duplicated > 0) return fill(t.acksDuplicated, vars);
  return fill(t.acksClean, vars);
}
