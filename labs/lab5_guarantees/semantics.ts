/**
 * Part 4: consumer semantics. A consumer in a child process commits each
 * group of records before processing it (at-most-once) or after
 * (at-least-once); it is SIGKILLed in the middle of a group, then a new one
 * in the same consumer group runs to the end. The processing log, by id,
 * shows what was lost and what was processed twice.
 * @module
 */
import type { Context } from "../../lib/context.ts";
import { fill } from "../../lib/i18n.ts";
import { type ProcessingTally, processingTally } from "./model.ts";
import { startWorker } from "./child.ts";
import { makeProducer } from "./producers.ts";
import { createTopic, runName, shortHex } from "./records.ts";
import type { Reporter, Text } from "./report.ts";
import { runStream } from "./stream.ts";
import { LAB5_EVENTS } from "./events.ts";

/** Settings of part 4. */
export interface SemanticsSettings {
  readonly prefix: string;
  readonly count: number;
  /** Records per commit. */
  readonly batch: number;
  /** Kill after this many records processed (best mid-group: not a multiple of batch). */
  readonly killAfter: number;
  readonly keepTopics: boolean;
}

/** What one mode measured. */
export interface SemanticsResult {
  readonly commit: "before" | "after";
  readonly tally: ProcessingTally;
  readonly processedBeforeKill: number;
}

/** Runs part 4: both modes, one after the other. */
export async function runSemantics(
  ctx: Context,
  t: Text,
  r: Reporter,
  s: SemanticsSettings,
): Promise<SemanticsResult[]> {
  const kafka = await ctx.kafka();
  const hex = shortHex();
  const topic = runName(s.prefix, "semantics", hex);
  await kafka.withAdmin((admin) => createTopic(admin, { topic, partitions: 1 }));
  const producer = await makeProducer(kafka, "plain");
  const results: SemanticsResult[] = [];
  try {
    const sent = await runStream({
      producer,
      topic,
      acks: -1,
      run: hex,
      count: s.count,
      perSend: 50,
      signal: ctx.signal,
    });
    r.ok(
      fill(t.semProduced, { count: sent.acknowledged.length, topic }),
      { topic },
      LAB5_EVENTS.semanticsProduced,
    );
    for (const commit of ["before", "after"] as const) {
      const group = runName(s.prefix, `semantics-${commit}`, hex);
      const processed: string[] = [];
      const common = [
        "--role",
        "consume",
        "--topic",
        topic,
        "--group",
        group,
        "--commit",
        commit,
        "--batch",
        String(s.batch),
      ];
      const first = startWorker(ctx, common, (e) => {
        if (e.event !== LAB5_EVENTS.processed.name) return;
        processed.push(String(e.id));
        if (processed.length === s.killAfter) first.kill();
      });
      const how = await first.exited;
      if (how !== "SIGKILL") {
        r.fail(fill(t.workerFailed, { code: how }), { code: how }, LAB5_EVENTS.workerFailed);
      }
      const beforeKill = processed.length;
      r.ok(
        fill(t.semKilled, { mode: commit === "before" ? t.semBefore : t.semAfter, n: beforeKill }),
        {
          commit,
          processed: beforeKill,
        },
        LAB5_EVENTS.consumerKilled,
      );
      const second = startWorker(ctx, [...common, "--until-end"], (e) => {
        if (e.event === LAB5_EVENTS.processed.name) processed.push(String(e.id));
      });
      const code = await second.exited;
      if (code !== 0) r.fail(fill(t.workerFailed, { code }), { code }, LAB5_EVENTS.workerFailed);
      const c = processingTally(sent.acknowledged, processed);
      results.push({ commit, tally: c, processedBeforeKill: beforeKill });
      const vars = { ...c, input: c.input };
      r.ok(
        fill(commit === "before" ? t.semResultBefore : t.semResultAfter, vars),
        { commit, ...c },
        LAB5_EVENTS.semanticsResult,
      );
      await kafka.withAdmin((admin) => admin.deleteGroups([group])).catch(() => {});
    }
    r.note(t.semExplain);
    return results;
  } finally {
    await producer.close();
    if (!s.keepTopics) {
      await kafka.withAdmin((admin) => admin.deleteTopics({ topics: [topic] })).catch(() => {});
    }
  }
}
