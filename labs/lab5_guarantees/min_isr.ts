/**
 * Part 2: min.insync.replicas on an RF 3 topic, without losing the KRaft
 * quorum. The local cluster's 3 nodes are also its 3 KRaft controllers:
 * stopping two leaves one voter of three, no majority, so the cluster could
 * no longer elect leaders or record ISR changes (`kafka-lab broker stop`
 * refuses it). The part therefore creates the same condition, an ISR
 * smaller than min.insync.replicas, with one broker down:
 * 1. min.insync.replicas=2, broker 3 stopped gracefully (the ISR shrinks to
 *    1,2 at once): acks=all writes are accepted, one failure is tolerated;
 * 2. min.insync.replicas raised to 3 (ISR 2 < 3, as with two of three
 *    brokers down at min.insync.replicas=2): acks=all writes are refused with
 *    NOT_ENOUGH_REPLICAS and the producer knows it (refused, not lost), while
 *    an acks=1 write still goes through to the leader;
 * 3. broker 3 starts again, the ISR grows back to 3, the refused records are
 *    sent again and all of them are in the topic once.
 * @module
 */
import type { Admin } from "../../lib/kafka/port.ts";
import type { Context } from "../../lib/context.ts";
import { decimal, fill } from "../../lib/i18n.ts";
import { sleep, waitFor } from "../../lib/time.ts";
import { startBroker, stopBroker, waitFullIsr } from "./brokers.ts";
import { requireAllBrokers } from "./chaos.ts";
import { tally } from "./model.ts";
import { makeProducer } from "./producers.ts";
import { createTopic, readAll, recordId, runName, shortHex } from "./records.ts";
import { type FigureRow, printFigures, type Reporter, type Text } from "./report.ts";
import { runStream } from "./stream.ts";
import { LAB5_EVENTS } from "./events.ts";

/** Settings of part 2. */
export interface MinIsrSettings {
  readonly prefix: string;
  /** Records written at each stage. */
  readonly count: number;
  readonly keepTopics: boolean;
}

/** The broker part 2 stops (broker 1 leads the topic and bootstraps new clients). */
export const STOPPED = 3;
const TOPIC_RESOURCE = 2;

/** The ISR of partition 0 as the cluster reports it now. */
async function isrNow(ctx: Context, topic: string): Promise<number[]> {
  const kafka = await ctx.kafka();
  return await kafka.withAdmin(async (admin) => {
    const md = await admin.fetchTopicMetadata({ topics: [topic] });
    return [...(md.topics[0]?.partitions[0]?.isr ?? [])].sort();
  });
}

/** Sets the topic's min.insync.replicas and waits until the cluster reports it. */
async function setMinIsr(admin: Admin, topic: string, value: number): Promise<void> {
  const entry = { name: "min.insync.replicas", value: String(value) };
  // kafkajs refreshes the metadata of the admin's target topics before
  // alterConfigs and describeConfigs; with none it asks for every topic and
  // fails on any partition without a leader (an RF 1 topic on the stopped
  // broker): make this topic the target first.
  await admin.fetchTopicOffsets(topic);
  await admin.alterConfigs({
    validateOnly: false,
    resources: [{ type: TOPIC_RESOURCE, name: topic, configEntries: [entry] }],
  });
  await waitFor(async () => {
    const res = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: TOPIC_RESOURCE, name: topic }],
    });
    const found = res.resources[0]?.configEntries.find((e) => e.configName === entry.name);
    return found?.configValue === entry.value;
  }, { timeoutMs: 30_000, intervalMs: 200 });
  await sleep(500); // every broker applies the metadata record, the leader included
}

/** Runs part 2. */
export async function runMinIsr(
  ctx: Context,
  t: Text,
  r: Reporter,
  s: MinIsrSettings,
): Promise<FigureRow[]> {
  await requireAllBrokers(ctx);
  const kafka = await ctx.kafka();
  const hex = shortHex();
  const topic = runName(s.prefix, "min-isr", hex);
  await kafka.withAdmin((admin) =>
    createTopic(admin, { topic, assignment: [[1, 2, 3]], config: { "min.insync.replicas": "2" } })
  );
  r.ok(
    fill(t.minIsrTopic, { topic, isr: (await isrNow(ctx, topic)).join(",") }),
    { topic },
    LAB5_EVENTS.topicCreated,
  );
  // few retries: NOT_ENOUGH_REPLICAS is retriable, and the point is to see it
  const producer = await makeProducer(kafka, "plain", { retries: 1 });
  const stream = (run: string, appRetries = 0) =>
    runStream({
      producer,
      topic,
      acks: -1,
      run: `${hex}-${run}`,
      count: s.count,
      perSend: 1,
      appRetries,
      signal: ctx.signal,
    });
  try {
    await stopBroker(ctx, STOPPED, false);
    r.ok(
      fill(t.brokerStopped, { broker: STOPPED }),
      { broker: STOPPED },
      LAB5_EVENTS.brokerStopped,
    );
    await waitFor(async () => (await isrNow(ctx, topic)).length === 2, {
      timeoutMs: 30_000,
      intervalMs: 200,
    });
    const isrOne = (await isrNow(ctx, topic)).join(",");
    const tolerated = await stream("one-down");
    const okOne = tolerated.acknowledged.length === s.count;
    r[okOne ? "ok" : "fail"](
      fill(t.minIsrTolerated, {
        acked: tolerated.acknowledged.length,
        count: s.count,
        isr: isrOne,
      }),
      { acknowledged: tolerated.acknowledged.length, count: s.count, isr: isrOne },
      LAB5_EVENTS.minIsrTolerated,
    );

    await kafka.withAdmin((admin) => setMinIsr(admin, topic, 3));
    r.note(t.minIsrRaised);
    const down = await stream("refused");
    const codes = [...new Set(down.failures.map((f) => f.code))];
    const refused = down.failures.filter((f) => f.outcome === "refused").length;
    const report = refused === s.count && codes.includes("NOT_ENOUGH_REPLICAS") ? "ok" : "fail";
    r[report](
      fill(t.minIsrRefused, { refused, count: s.count, codes: codes.join(", ") || "-" }),
      { refused, count: s.count, codes, acknowledged: down.acknowledged.length },
      LAB5_EVENTS.minIsrRefused,
    );
    const inTopic = await kafka.withAdmin((admin) => admin.fetchTopicOffsets(topic))
      .then((o) => Number(o[0]?.high ?? 0));
    r.note(fill(t.minIsrInTopic, { count: inTopic, before: tolerated.acknowledged.length }));
    const one = await producer.send(topic, [{ value: recordId(`${hex}-acks1`, 1) }], 1);
    r.note(one.ok ? t.minIsrAcks1Ok : fill(t.minIsrAcks1Failed, { code: one.code }));

    const started = Date.now();
    await startBroker(ctx, STOPPED);
    const full = await kafka.withAdmin((admin) => waitFullIsr(admin, topic, 180_000));
    const isrUp = await isrNow(ctx, topic);
    const seconds = Number(((Date.now() - started) / 1000).toFixed(1));
    r[full ? "ok" : "fail"](
      fill(full ? t.minIsrBack : t.minIsrNotBack, {
        isr: isrUp.join(","),
        seconds: decimal(seconds, ctx.out.lang),
      }),
      { isr: isrUp, seconds },
      LAB5_EVENTS.minIsrBack,
    );
    const again = await stream("refused", 2); // the same ids: the refused records, sent again
    const found = (await readAll(kafka, topic)).map((f) => f.id);
    const one1 = tally({ ...tolerated, found });
    const c = tally({ sent: again.sent, acknowledged: again.acknowledged, found });
    const ok = c.acknowledged === s.count && c.lost === 0 && c.duplicated === 0;
    r[ok ? "ok" : "fail"](
      fill(t.minIsrResent, { acked: c.acknowledged, count: s.count, found: c.distinct }),
      { acknowledged: c.acknowledged, found: c.distinct },
      LAB5_EVENTS.minIsrResent,
    );
    const rows: FigureRow[] = [
      { key: "one-down", label: t.minIsrRowOneDown, tally: one1 },
      {
        key: "refused",
        label: t.minIsrRowDown,
        tally: tally({ ...down, found: [] }),
        refused,
        found: inTopic - tolerated.acknowledged.length,
      },
      { key: "up", label: t.minIsrRowUp, tally: c },
    ];
    printFigures(ctx, t, "min-isr", rows);
    return rows;
  } finally {
    await startBroker(ctx, STOPPED).catch(() => {});
    await producer.close();
    if (!s.keepTopics) {
      await kafka.withAdmin((admin) => admin.deleteTopics({ topics: [topic] })).catch(() => {});
    }
  }
}
