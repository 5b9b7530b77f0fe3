/**
 * Part 3: idempotence. The same stream goes from several producers at once to
 * their own topics (RF 3, 3 partitions, min.insync.replicas=2) while brokers
 * are SIGKILLed and started again `kills` times:
 * - without idempotence (a retry after a lost answer may write twice);
 * - the library's idempotent producer (`idempotentProducer()`: partition
 *   fixed per record, producer replaced after a failed send; the safe path);
 * - with `--unsafe-partitioning`, also kafkajs' own idempotent path, whose
 *   retry re-partitions unkeyed records and can lose or double them.
 * Every topic is read back and counted by id.
 * @module
 */
import type { Context } from "../../lib/context.ts";
import { fill } from "../../lib/i18n.ts";
import { sleep } from "../../lib/time.ts";
import { startBroker, stopBroker, waitFullIsr } from "./brokers.ts";
import { pickVictim, requireAllBrokers } from "./chaos.ts";
import { tally } from "./model.ts";
import { makeProducer, type ProducerKind } from "./producers.ts";
import { createTopic, readAll, runName, shortHex } from "./records.ts";
import { type FigureRow, printFigures, type Reporter, type Text } from "./report.ts";
import { failureCodes, failureCounts, runStream, type StreamResult } from "./stream.ts";
import { LAB5_EVENTS } from "./events.ts";

/** Settings of part 3. */
export interface IdempotenceSettings {
  readonly prefix: string;
  /** Records per producer. */
  readonly count: number;
  /** Broker kills during the run. */
  readonly kills: number;
  /** How long a killed broker stays down before it is started again. */
  readonly downSeconds: number;
  /** Also run kafkajs' own idempotent path (the broken one). */
  readonly unsafePartitioning: boolean;
  readonly keepTopics: boolean;
}

function label(t: Text, kind: ProducerKind): string {
  return kind === "plain" ? t.idemPlain : kind === "safe" ? t.idemSafe : t.idemKafkajs;
}

/** Runs part 3. */
export async function runIdempotence(
  ctx: Context,
  t: Text,
  r: Reporter,
  s: IdempotenceSettings,
): Promise<FigureRow[]> {
  await requireAllBrokers(ctx);
  const kafka = await ctx.kafka();
  const hex = shortHex();
  const kinds: ProducerKind[] = s.unsafePartitioning
    ? ["plain", "kafkajs", "safe"]
    : ["plain", "safe"];
  const topics = kinds.map((k) => runName(s.prefix, `idem-${k}`, hex));
  await kafka.withAdmin(async (admin) => {
    for (const topic of topics) {
      await createTopic(admin, {
        topic,
        assignment: [[1, 2, 3], [2, 3, 1], [3, 1, 2]],
        config: { "min.insync.replicas": "2" },
      });
    }
  });
  r.ok(
    fill(t.idemTopics, { count: topics.length, kills: s.kills }),
    { topics },
    LAB5_EVENTS.topicsCreated,
  );
  const producers = await Promise.all(kinds.map((k) => makeProducer(kafka, k)));
  let progress = 0;
  const total = s.count * kinds.length;
  try {
    const chaos = killSeveral(ctx, r, t, {
      kills: s.kills,
      downMs: s.downSeconds * 1000,
      topics,
      progress: () => progress / total,
      signal: ctx.signal,
    });
    const results: StreamResult[] = await Promise.all(kinds.map((kind, i) =>
      runStream({
        producer: producers[i],
        topic: topics[i],
        acks: -1,
        run: `${hex}-${kind}`,
        count: s.count,
        perSend: 20,
        signal: ctx.signal,
        onProgress: () => (progress += 20),
      })
    ));
    const killed = await chaos.finish();
    r.note(fill(t.idemKillsDone, { kills: killed, planned: s.kills }));
    const rows: FigureRow[] = [];
    for (const [i, kind] of kinds.entries()) {
      const found = await readAll(kafka, topics[i]);
      rows.push({
        key: kind,
        label: label(t, kind),
        tally: tally({ ...results[i], found: found.map((f) => f.id) }),
        ...failureCounts(results[i]),
        codes: failureCodes(results[i]),
      });
    }
    printFigures(ctx, t, "idempotence", rows);
    explain(t, r, kinds, rows);
    return rows;
  } finally {
    await Promise.all(producers.map((p) => p.close()));
    if (!s.keepTopics) {
      await kafka.withAdmin((admin) => admin.deleteTopics({ topics })).catch(() => {});
    }
  }
}

function explain(t: Text, r: Reporter, kinds: ProducerKind[], rows: FigureRow[]): void {
  for (const [i, kind] of kinds.entries()) {
    const c = rows[i].tally;
    const vars = { label: rows[i].label, lost: c.lost, dup: c.duplicated };
    if (c.failed > 0) {
      const codes = (rows[i].codes ?? []).join(", ") || "-";
      r.note(fill(t.idemFailed, { label: rows[i].label, failed: c.failed, codes }));
    }
    if (kind === "plain") r.note(fill(c.duplicated > 0 ? t.idemPlainDup : t.idemPlainNoDup, vars));
    if (kind === "kafkajs") {
      r.note(fill(c.lost + c.duplicated > 0 ? t.idemKafkajsBroken : t.idemKafkajsLucky, vars));
    }
    if (kind === "safe") {
      const ok = c.lost === 0 && c.duplicated === 0 && c.acknowledged === c.sent;
      r[ok ? "ok" : "fail"](fill(ok ? t.idemSafeOk : t.idemSafeBad, vars), {
        lost: c.lost,
        duplicated: c.duplicated,
      }, LAB5_EVENTS.idempotenceSafe);
    }
  }
}

/**
 * Kills `kills` brokers one after another at even shares of the run (2, 3,
 * 2...), each started again `downMs` later; the next kill waits until the ISR of
 * every topic is full again.
 */
function killSeveral(
  ctx: Context,
  r: Reporter,
  t: Text,
  s: {
    kills: number;
    downMs: number;
    topics: string[];
    progress: () => number;
    signal: AbortSignal;
  },
): { finish(): Promise<number> } {
  let over = false;
  const task = (async () => {
    let done = 0;
    let last: number | undefined;
    for (let k = 1; k <= s.kills; k++) {
      while (s.progress() < k / (s.kills + 1)) {
        if (over || s.signal.aborted) return done;
        await sleep(20);
      }
      const victim = await pickVictim(ctx, last === undefined ? [] : [last]).catch(() => undefined);
      if (victim === undefined) return done;
      await stopBroker(ctx, victim, true);
      done++;
      last = victim;
      r.ok(
        fill(t.brokerKilled, { broker: victim }),
        { broker: victim, kill: k },
        LAB5_EVENTS.brokerKilled,
      );
      await sleep(s.downMs, s.signal);
      await startBroker(ctx, victim);
      ctx.out.event(LAB5_EVENTS.brokerStarting, { broker: victim });
      const kafka = await ctx.kafka();
      const back = await kafka.withAdmin(async (admin) => {
        for (const topic of s.topics) if (!await waitFullIsr(admin, topic, 120_000)) return false;
        return true;
      });
      r[back ? "ok" : "fail"](
        fill(back ? t.brokerBackShort : t.brokerNotBack, { broker: victim }),
        { broker: victim },
        LAB5_EVENTS.brokerBack,
      );
    }
    return done;
  })();
  return {
    finish: () => {
      over = true;
      return task;
    },
  };
}
