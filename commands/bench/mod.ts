/**
 * `kafka-lab bench produce|consume`: a teaching instrument in the spirit of
 * Kafka's own perf tools. It makes its own topic, measures records/s, MB/s
 * and latency percentiles with a progress line, deletes the topic, and with
 * `--sweep <setting>=<v1,v2,...>` prints one table across values with each
 * value's ratio to the first. The measuring code (and kafkajs) loads only
 * when a bench runs.
 * @module
 */
import type { OptionSpec } from "../../lib/cli/args.ts";
import { type Command, defineCommand } from "../../lib/cli/command.ts";
import type { Context } from "../../lib/context.ts";
import { ExitCode } from "../../lib/errors.ts";
import { t } from "../../lib/i18n.ts";
import {
  CONSUME_OPTIONS,
  consumeSettings,
  parseSweep,
  PRODUCE_OPTIONS,
  produceSettings,
} from "./options.ts";
import type { SessionPlan } from "./session.ts";

/** The settings of every run: one, or one per `--sweep` value. */
function plan<V extends { readonly sweep?: string }, S>(
  values: V,
  options: readonly OptionSpec[],
  build: (values: V) => S,
) {
  if (values.sweep === undefined) return { runs: [{ settings: build(values) }] };
  const sweep = parseSweep(values.sweep, options);
  const runs = sweep.values.map((value) => ({
    value,
    // parseSweep parsed each value with the option's own spec, so it has that option's type.
    settings: build({ ...values, [sweep.name]: value } as V),
  }));
  return { runs, sweep };
}

async function run(
  ctx: Context,
  mode: "produce" | "consume",
  p: Omit<SessionPlan, "mode">,
): Promise<number> {
  const { runSession } = await import("./session.ts");
  await runSession(ctx, { mode, ...p });
  return ExitCode.ok;
}

const produce = defineCommand({
  name: "produce",
  summary: t(
    "Measure writing: records/s, MB/s and latency for given producer settings",
    "Измерить запись: записей/с, МБ/с и задержку при заданных настройках продюсера",
  ),
  description: t(
    `Sends --count records of --record-size bytes to a topic of its own, with
--batch records per send call and --in-flight calls at once, and prints
records/s, MB/s and the latency of each record (from its making to its
acknowledgement) as p50/p95/p99/max. --sweep runs once per value and prints one
table, so you see what batching, acks and compression do. kafkajs has gzip
built in; snappy, lz4 and zstd need codec plugins, which kafka-lab does not ship.`,
    `Отправляет --count записей по --record-size байт в собственный временный
топик: --batch записей на вызов send, --in-flight вызовов одновременно. Печатает
записей/с, МБ/с и задержку каждой записи (от создания до подтверждения): p50,
p95, p99, максимум. --sweep запускает замер для каждого значения и печатает одну
таблицу: видно, что дают пакеты, acks и сжатие. В kafkajs встроен gzip; для
snappy, lz4 и zstd нужны плагины-кодеки, kafka-lab их не включает.`,
  ),
  options: PRODUCE_OPTIONS,
  examples: [
    "kafka-lab bench produce",
    "kafka-lab bench produce --sweep batch=1,10,100,1000,5000 --count 50000",
    "kafka-lab bench produce --sweep acks=0,1,all",
    "kafka-lab bench produce --sweep compression=none,gzip --record-size 1000",
    "kafka-lab bench produce --rate 20000 --sweep linger-ms=0,5,20",
  ],
  run: (ctx, args) => run(ctx, "produce", plan(args.values, PRODUCE_OPTIONS, produceSettings)),
});

const consume = defineCommand({
  name: "consume",
  summary: t(
    "Measure reading: records/s, MB/s and latency with each commit mode",
    "Измерить чтение: записей/с, МБ/с и задержку при разных способах фиксации",
  ),
  description: t(
    `Fills a topic of its own with --count records, then reads them with a new
consumer group and prints records/s, MB/s and per-record latency (from the
arrival of its batch to its handling and, with --commit, its offset committed).
--commit none|batch|record shows what committing costs; --sweep runs once per
value and prints one table.`,
    `Заполняет собственный временный топик (--count записей), затем читает его
новой группой консьюмеров и печатает записей/с, МБ/с и задержку каждой записи
(от прихода её пакета до обработки и, с --commit, фиксации смещения).
--commit none|batch|record показывает цену фиксации; --sweep запускает замер для
каждого значения и печатает одну таблицу.`,
  ),
  options: CONSUME_OPTIONS,
  examples: [
    "kafka-lab bench consume",
    "kafka-lab bench consume --sweep commit=none,batch,record --count 20000",
  ],
  run: (ctx, args) => run(ctx, "consume", plan(args.values, CONSUME_OPTIONS, consumeSettings)),
});

/** The `bench` command. */
export const benchCommand: Command = {
  name: "bench",
  summary: t(
    "Measure producer and consumer throughput and latency (produce, consume)",
    "Измерить пропускную способность и задержку продюсера и консьюмера",
  ),
  subcommands: [produce, consume],
};
