/**
 * Part 2: min.insync.replicas=2 on an RF 3 topic. Two brokers are stopped
 * (gracefully, so the ISR shrinks at once): acks=all writes are refused with
 * NOT_ENOUGH_REPLICAS and the producer knows it (refused, not lost), while an
 * acks=1 write still goes through to the one replica. The brokers start
 * again, the ISR grows back to 3 and the refused records are sent again.
 * @module
 */
import type { Context } from "../../lib/context.ts";
import { fill } from "../../lib/i18n.ts";
import { sleep } from "../../lib/time.ts";
import { startBroker, stopBroker, stopPastQuorum, waitFullIsr } from "./brokers.ts";
import { brokersUp } from "./chaos.ts";
import { tally } from "./model.ts";
import { createTopic, readAll, recordId, runName, shortHex } from "./records.ts";
import { type FigureRow, printFigures, type Reporter, type Text } from "./report.ts";
import { runStream } from "./stream.ts";
import { makeProducer } from "./producers.ts";

/** Settings of part 2. */
export interface MinIsrSettings {
  readonly prefix: string;
  /** Records tried while two brokers are down (and sent again afterwards). */
  readonly count: number;
  readonly keepTopics: boolean;
}

/** The ISR of partition 0 as the cluster reports it now. */
async function isrNow(ctx: Context, topic: string): Promise<number[]> {
  const kafka = await ctx.kafka();
  return await kafka.withAdmin(async (admin) => {
    const md = await admin.fetchTopicMetadata({ topics: [topic] });
    return [...(md.topics[0]?.partitions[0]?.isr ?? [])].sort();
  });
}

/** Runs part 2. */
export async function runMinIsr(
  ctx: Context,
  t: Text,
  r: Reporter,
  s: MinIsrSettings,
): Promise<FigureRow[]> {
  const kafka = await ctx.kafka();
  const hex = shortHex();
  const topic = runName(s.prefix, "min-isr", hex);
  const up = await brokersUp(ctx);
  if (up.length < 3) throw new Error(`part 2 needs 3 brokers up, not ${up.join(", ")}`);
  const stopped = [2, 3];
  await kafka.withAdmin((admin) =>
    createTopic(admin, {
      topic,
      assignment: [[1, 2, 3]],
      config: { "min.insync.replicas": "2" },
    })
  );
  r.ok(fill(t.minIsrTopic, { topic, isr: (await isrNow(ctx, topic)).join(",") }), { topic });
  // few retries: NOT_ENOUGH_REPLICAS is retriable, and the point is to see it
  const producer = await makeProducer(kafka, "plain", { retries: 1 });
  try {
    for (const [i, b] of stopped.entries()) {
      // the second stop leaves the KRaft quorum without a majority: see brokers.ts
      if (i === 0) await stopBroker(ctx, b, false);
      else await stopPastQuorum(ctx, b);
      r.ok(fill(t.brokerStopped, { broker: b }), { broker: b }, "broker.stopped");
    }
    await sleep(1000); // let the surviving broker apply the ISR change it was sent
    const isrDown = await isrNow(ctx, topic).catch(() => [] as number[]);
    r.note(fill(t.minIsrIsrNow, { isr: isrDown.join(",") || "?" }));
    const down = await runStream({
      producer,
      topic,
      acks: -1,
      run: `${hex}-down`,
      count: s.count,
      perSend: 1,
      signal: ctx.signal,
    });
    const codes = [...new Set(down.failures.map((f) => f.code))];
    const refused = down.failures.filter((f) => f.outcome === "refused").length;
    const report = refused === s.count && codes.includes("NOT_ENOUGH_REPLICAS") ? r.ok : r.fail;
    report.call(
      r,
      fill(t.minIsrRefused, { refused, count: s.count, codes: codes.join(", ") || "-" }),
      { refused, count: s.count, codes, acknowledged: down.acknowledged.length },
      "min-isr.refused",
    );
    const inTopic = await kafka.withAdmin((admin) => admin.fetchTopicOffsets(topic))
      .then((o) => Number(o[0]?.high ?? 0));
    r.note(fill(t.minIsrInTopic, { count: inTopic }));
    const one = await producer.send(topic, [{ value: recordId(`${hex}-acks1`, 1) }], 1);
    r.note(one.ok ? t.minIsrAcks1Ok : fill(t.minIsrAcks1Failed, { code: one.code }));

    const started = Date.now();
    for (const b of [...stopped].reverse()) await startBroker(ctx, b);
    const full = await kafka.withAdmin((admin) => waitFullIsr(admin, topic, 180_000));
    const isrUp = await isrNow(ctx, topic);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    (full ? r.ok : r.fail).call(
      r,
      fill(full ? t.minIsrBack : t.minIsrNotBack, { isr: isrUp.join(","), seconds }),
      { isr: isrUp, seconds },
      "min-isr.back",
    );
    const again = await runStream({
      producer,
      topic,
      acks: -1,
      run: `${hex}-down`, // the same ids: the refused records, sent again
      count: s.count,
      perSend: 1,
      appRetries: 2,
      signal: ctx.signal,
    });
    const found = (await readAll(kafka, topic)).map((f) => f.id);
    const c = tally({ sent: again.sent, acknowledged: again.acknowledged, found });
    const ok = c.acknowledged === s.count && c.lost === 0 && c.duplicated === 0;
    (ok ? r.ok : r.fail).call(
      r,
      fill(t.minIsrResent, { acked: c.acknowledged, count: s.count, found: c.distinct }),
      { acknowledged: c.acknowledged, found: c.distinct },
      "min-isr.resent",
    );
    const rows = [
      {
        key: "down",
        label: t.minIsrRowDown,
        tally: tally({ ...down, found: [] }),
        refused,
        found: inTopic,
      },
      { key: "up", label: t.minIsrRowUp, tally: c },
    ];
    printFigures(ctx, t, "min-isr", rows);
    return rows;
  } finally {
    for (const b of [...stopped].reverse()) await startBroker(ctx, b).catch(() => {});
    await producer.close();
    if (!s.keepTopics) {
      await kafka.withAdmin((admin) => admin.deleteTopics({ topics: [topic] })).catch(() => {});
    }
  }
}
