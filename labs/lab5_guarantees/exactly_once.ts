/**
 * Part 5: exactly-once. A transactional consume-transform-produce worker (a
 * child process) copies the input topic to an output topic, one transaction
 * per group of records holding both the output records and the input offsets
 * (`sendOffsets`). It is SIGKILLed in the middle of a transaction `kills`
 * times and started again; the new worker's transactional id fences the dead
 * one and its open transaction is aborted. A read_committed reader of the
 * output then sees every input id exactly once, a read_uncommitted reader
 * also sees the aborted copies. The kafkajs workarounds this needs (slow
 * CONCURRENT_TRANSACTIONS retries, sendOffsets retries, no require_stable
 * offset fetch) live in `lib/kafka/transactions.ts`.
 * @module
 */
import type { Context } from "../../lib/context.ts";
import { fill } from "../../lib/i18n.ts";
import { countIds } from "./model.ts";
import { startWorker } from "./child.ts";
import { makeProducer } from "./producers.ts";
import { createTopic, readAll, runName, shortHex } from "./records.ts";
import type { Reporter, Text } from "./report.ts";
import { runStream } from "./stream.ts";
import { LAB5_EVENTS } from "./events.ts";

/** Settings of part 5. */
export interface ExactlyOnceSettings {
  readonly prefix: string;
  readonly count: number;
  readonly kills: number;
  readonly keepTopics: boolean;
}

/** What part 5 measured. */
export interface ExactlyOnceResult {
  readonly input: number;
  readonly kills: number;
  readonly committed: {
    readonly distinct: number;
    readonly duplicated: number;
    readonly missing: number;
  };
  readonly uncommitted: { readonly records: number; readonly duplicated: number };
}

function counted(input: readonly string[], found: readonly string[]) {
  const counts = countIds(found);
  let duplicated = 0;
  for (const n of counts.values()) duplicated += n - 1;
  return {
    distinct: counts.size,
    duplicated,
    missing: input.filter((id) => !counts.has(id)).length,
    records: found.length,
  };
}

/** Runs part 5. */
export async function runExactlyOnce(
  ctx: Context,
  t: Text,
  r: Reporter,
  s: ExactlyOnceSettings,
): Promise<ExactlyOnceResult> {
  const kafka = await ctx.kafka();
  const hex = shortHex();
  const input = runName(s.prefix, "eos-in", hex);
  const output = runName(s.prefix, "eos-out", hex);
  const group = runName(s.prefix, "eos", hex);
  await kafka.withAdmin(async (admin) => {
    await createTopic(admin, { topic: input, partitions: 3 });
    await createTopic(admin, { topic: output, partitions: 3 });
  });
  const producer = await makeProducer(kafka, "plain");
  try {
    const sent = await runStream({
      producer,
      topic: input,
      acks: -1,
      run: hex,
      count: s.count,
      perSend: 50,
      signal: ctx.signal,
    });
    r.ok(fill(t.eosProduced, { count: sent.acknowledged.length, input, output }), {
      input,
      output,
    }, LAB5_EVENTS.exactlyOnceProduced);
    const args = [
      "--role",
      "transform",
      "--topic",
      input,
      "--output",
      output,
      "--group",
      group,
      "--transactional-id",
      `${group}.tx`,
      "--batch",
      "10",
      "--process-ms",
      "15",
    ];
    let killed = 0;
    for (let k = 1; k <= s.kills; k++) {
      let opened = 0;
      const w = startWorker(ctx, args, (e) => {
        if (e.event === LAB5_EVENTS.txSent.name && ++opened === 3) w.kill();
      });
      const how = await w.exited;
      if (how !== "SIGKILL") {
        r.fail(fill(t.workerFailed, { code: how }), { code: how }, LAB5_EVENTS.workerFailed);
        break;
      }
      killed++;
      r.ok(
        fill(t.eosKilled, { k, committed: opened - 1 }),
        { kill: k },
        LAB5_EVENTS.processorKilled,
      );
    }
    const last = startWorker(ctx, [...args, "--until-end"], () => {});
    const code = await last.exited;
    if (code !== 0) r.fail(fill(t.workerFailed, { code }), { code }, LAB5_EVENTS.workerFailed);
    const committed = counted(
      sent.acknowledged,
      (await readAll(kafka, output, { readCommitted: true })).map((f) => f.id),
    );
    const uncommitted = counted(sent.acknowledged, (await readAll(kafka, output)).map((f) => f.id));
    const ok = committed.missing === 0 && committed.duplicated === 0;
    r[ok ? "ok" : "fail"](
      fill(ok ? t.eosCommittedOk : t.eosCommittedBad, {
        input: sent.acknowledged.length,
        distinct: committed.distinct,
        dup: committed.duplicated,
        missing: committed.missing,
      }),
      { readCommitted: committed },
      LAB5_EVENTS.readCommitted,
    );
    ctx.out.event(LAB5_EVENTS.readUncommitted, { ...uncommitted });
    r.note(fill(t.eosUncommitted, {
      records: uncommitted.records,
      dup: uncommitted.duplicated,
    }));
    return {
      input: sent.acknowledged.length,
      kills: killed,
      committed,
      uncommitted,
    };
  } finally {
    await producer.close();
    if (!s.keepTopics) {
      await kafka.withAdmin(async (admin) => {
        await admin.deleteGroups([group]).catch(() => {});
        await admin.deleteTopics({ topics: [input, output] });
      }).catch(() => {});
    }
  }
}
