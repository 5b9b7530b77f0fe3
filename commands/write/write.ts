/**
 * What `write` does and prints: the records from `--value` or from stdin (one
 * per line, sent as they arrive), the partition and offset of each.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { WRITE_OPTIONS } from "./options.ts";
import type { Context } from "../../lib/context.ts";
import { fill, pick } from "../../lib/i18n.ts";
import { INSPECT_TEXT } from "../../lib/inspect/text.ts";
import { type OutgoingRecord, parseHeaders, splitKey, Writer } from "./writer.ts";
import { WRITE_EVENTS } from "./events.ts";

/** Records per send call (kafkajs slows down above a few thousand). */
const MAX_BATCH = 1000;

/** Splits text into complete lines, returning the unfinished rest. */
export function takeLines(buffer: string): { lines: string[]; rest: string } {
  const parts = buffer.split("\n");
  const rest = parts.pop() ?? "";
  return { lines: parts.map((l) => l.replace(/\r$/, "")), rest };
}

/** The lines of stdin in chunks as they arrive (empty lines skipped). */
async function* stdinBatches(signal: AbortSignal): AsyncGenerator<string[]> {
  let rest = "";
  for await (const chunk of Deno.stdin.readable.pipeThrough(new TextDecoderStream())) {
    const taken = takeLines(rest + chunk);
    rest = taken.rest;
    const lines = taken.lines.filter((l) => l !== "");
    for (let i = 0; i < lines.length; i += MAX_BATCH) yield lines.slice(i, i + MAX_BATCH);
    if (signal.aborted) return;
  }
  if (rest.replace(/\r$/, "") !== "") yield [rest.replace(/\r$/, "")];
}

/** `write <topic>`. */
export async function runWrite(
  ctx: Context,
  args: ParsedArgs<typeof WRITE_OPTIONS>,
): Promise<void> {
  const { out } = ctx;
  const tx = pick(INSPECT_TEXT, out.lang);
  const topic = args.positionals[0];
  const v = args.values;
  const headers = parseHeaders(v.header);
  const key = v.key;
  const separator = v["key-separator"];
  const toRecord = (line: string): OutgoingRecord => {
    const r = splitKey(line, separator);
    return key !== undefined && r.key === undefined ? { ...r, key } : r;
  };
  const kafka = await ctx.kafka();
  const writer = await Writer.open(kafka, { topic, partition: v.partition, headers });
  let count = 0;
  try {
    const values = v.value;
    const batches: AsyncIterable<string[]> | string[][] = values.length > 0
      ? [values]
      : stdinBatches(ctx.signal);
    for await (const lines of batches) {
      const delivered = await writer.send(lines.map(toRecord));
      for (const d of delivered) {
        out.event(
          WRITE_EVENTS.delivered,
          { topic, ...d },
          fill(tx.written, { topic, partition: d.partition, offset: d.offset }),
        );
      }
      count += delivered.length;
      if (ctx.signal.aborted) break;
    }
  } finally {
    await writer.close();
  }
  if (count === 0) out.warn({ en: INSPECT_TEXT.en.writeNothing, ru: INSPECT_TEXT.ru.writeNothing });
  out.event(WRITE_EVENTS.done, { topic, count });
  out.stderr(fill(tx.writeDone, { topic, count }));
}
