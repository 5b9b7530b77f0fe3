/**
 * What `read` prints: one line per record for people, one `record` event per
 * record with `--json`; where it starts and how it ended on stderr.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { READ_OPTIONS } from "./options.ts";
import type { ConsumedRecord } from "../../lib/kafka/consumer_loop.ts";
import type { Context } from "../../lib/context.ts";
import { UsageError } from "../../lib/errors.ts";
import { fill, fillText, pick, t } from "../../lib/i18n.ts";
import type { Format } from "../../lib/inspect/decode.ts";
import { parsePosition } from "../../lib/inspect/position.ts";
import { readTopic } from "../../lib/inspect/reader.ts";
import { INSPECT_TEXT } from "../../lib/inspect/text.ts";
import { type ShownRecord, showRecord } from "../../lib/inspect/show.ts";
import { READ_EVENTS } from "./events.ts";
import { linePrinter, templatePrinter } from "./print.ts";
import { watched } from "../../lib/kafka/liveness.ts";

/** Parses the repeated `--partition` values. */
export function parsePartitions(raw: readonly string[]): number[] {
  return raw.flatMap((r) => r.split(",")).map((r) => {
    const n = Number(r.trim());
    if (!/^\d+$/.test(r.trim()) || !Number.isSafeInteger(n)) {
      throw new UsageError(
        fillText(
          t(
            "--partition takes a partition number, not '{r}'",
            "--partition принимает номер партиции, а не '{r}'",
          ),
          { r },
        ),
      );
    }
    return n;
  });
}

/** `read <topic>`. */
export async function runRead(
  ctx: Context,
  args: ParsedArgs<typeof READ_OPTIONS>,
): Promise<void> {
  const { out } = ctx;
  const tx = pick(INSPECT_TEXT, out.lang);
  const topic = args.positionals[0];
  const v = args.values;
  const from = parsePosition(v.from, "from");
  const partitions = parsePartitions(v.partition);
  const format: Format = v.format;
  const follow = v.follow;
  const template = v["value-only"] ? "%v" : v.template;
  const print = template === undefined
    ? linePrinter(format, tx)
    : templatePrinter(template, format);
  const kafka = await ctx.kafka();
  // Records are written in large pieces, not one system call each (see Output.hold).
  out.hold();
  try {
    const summary = await watched(ctx, READ_EVENTS, undefined, (signal) =>
      readTopic(kafka, {
        topic,
        groupPrefix: ctx.config.prefix,
        from,
        partitions,
        count: v.count,
        follow,
        signal,
        onStart: (ranges) => {
          out.event(READ_EVENTS.started, { topic, ranges });
          out.stderr(fill(tx.readStart, {
            topic,
            ranges: ranges.map((r) => fill(tx.readRange, { ...r })).join("; "),
          }));
          if (follow) out.stderr(tx.readFollow);
        },
        onRecord: out.json
          ? (r) => out.event(READ_EVENTS.record, { ...showRecord(r, format) })
          : (r) => out.write(print(r)),
      }));
    out.event(READ_EVENTS.done, { topic, records: summary.records, stoppedBy: summary.stoppedBy });
    out.stderr(fill(tx.readDone, { topic, records: summary.records }));
  } finally {
    out.release();
  }
}

/** The line `read` prints for one record (without its line end); control characters escaped. */
export function recordLine(
  _shown: ShownRecord,
  r: ConsumedRecord,
  format: Format,
  tx: ReturnType<typeof pick<typeof INSPECT_TEXT.en>>,
): string {
  return linePrinter(format, tx)(r).slice(0, -1);
}
