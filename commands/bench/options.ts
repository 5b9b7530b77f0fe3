/**
 * The settings of `kafka-lab bench produce|consume`, declared once as option
 * tables (help, parsing and `--sweep` values all come from them), the typed
 * settings built from parsed values, and `--sweep <setting>=<v1,v2,...>`.
 *
 * The defaults are what `bench produce --sweep` found fastest on the 3-broker
 * local cluster (README, "Benchmarks"): 5,000 records per send call (above
 * that kafkajs gets slower), and 5 send calls in flight (more gained little,
 * and 5 is the most the Java client allows with idempotence).
 *
 * @example
 * ```ts
 * const sweep = parseSweep("batch=1,100,1000", PRODUCE_OPTIONS);
 * sweep.values; // [1, 100, 1000]
 * ```
 * @module
 */
import type { OptionSpec, OptionValues } from "../../lib/cli/args.ts";
import { parseOptions } from "../../lib/cli/args.ts";
import { lingerMsOption } from "../../lib/cli/lab_options.ts";
import { parseBoolean } from "../../lib/config_values.ts";
import { UsageError } from "../../lib/errors.ts";
import { fillText, t } from "../../lib/i18n.ts";

/** Records per send call the bench uses unless told otherwise (measured best). */
export const DEFAULT_BATCH = 5000;
/** Send calls in flight at once unless told otherwise (measured best). */
export const DEFAULT_IN_FLIGHT = 5;

/** Compression codecs kafkajs 2.2.4 has built in; the others need a codec plugin. */
export const BUILT_IN_CODECS = ["none", "gzip"] as const;

/** The codec plugin each other codec needs, and whether it is native code. */
export const CODEC_PLUGINS = {
  snappy: { plugin: "kafkajs-snappy", native: false },
  lz4: { plugin: "kafkajs-lz4", native: false },
  zstd: { plugin: "@kafkajs/zstd", native: true },
} as const;

const COMMON = [
  {
    name: "count",
    short: "n",
    type: "integer",
    min: 1,
    max: 10_000_000,
    default: 100_000,
    description: t("Records to send (or read)", "Сколько записей отправить (или прочитать)"),
  },
  {
    name: "records",
    type: "integer",
    min: 1,
    max: 10_000_000,
    hidden: true,
    aliasOf: { name: "count" },
    description: t("Old name of --count", "Прежнее имя --count"),
  },
  {
    name: "record-size",
    type: "integer",
    min: 1,
    max: 1_000_000,
    default: 100,
    valueName: "BYTES",
    description: t("Bytes of each record's value", "Размер значения каждой записи в байтах"),
  },
  {
    name: "partitions",
    type: "integer",
    min: 1,
    max: 100,
    default: 6,
    description: t(
      "Partitions of the bench's own topic (made and deleted by the bench)",
      "Число партиций временного топика (бенчмарк создаёт и удаляет его сам)",
    ),
  },
  {
    name: "sweep",
    type: "string",
    valueName: "SETTING=V1,V2,...",
    description: t(
      "Run once per value and print one table with the ratio to the first value",
      "Запустить по разу на каждое значение и напечатать одну таблицу с отношением к первому",
    ),
  },
] as const satisfies readonly OptionSpec[];

/** The options of `bench produce`. */
export const PRODUCE_OPTIONS = [
  ...COMMON,
  {
    name: "acks",
    type: "string",
    choices: ["0", "1", "all"],
    default: "all",
    description: t(
      "Acknowledgements: 0 none, 1 the leader, all every in-sync replica",
      "Подтверждения: 0 никаких, 1 от лидера, all от всех синхронных реплик",
    ),
  },
  {
    name: "batch",
    type: "integer",
    min: 1,
    max: 100_000,
    default: DEFAULT_BATCH,
    description: t("Records per send call (one request per broker)", "Записей на один вызов send"),
  },
  {
    ...lingerMsOption(0),
    max: 60_000,
    description: t(
      "Wait up to this long for a batch to fill (matters with --rate)",
      "Ждать заполнения пакета не дольше стольких мс (важно при --rate)",
    ),
  },
  {
    name: "rate",
    type: "integer",
    min: 0,
    default: 0,
    valueName: "RECORDS/S",
    description: t(
      "Records made per second (0 = as fast as the producer takes them)",
      "Сколько записей в секунду создавать (0 — столько, сколько успевает продюсер)",
    ),
  },
  {
    name: "compression",
    type: "string",
    choices: ["none", "gzip", "snappy", "lz4", "zstd"],
    default: "none",
    description: t(
      "Codec (kafkajs has none and gzip built in; snappy, lz4, zstd need a plugin)",
      "Сжатие (в kafkajs встроены none и gzip; для snappy, lz4, zstd нужен плагин)",
    ),
  },
  {
    name: "in-flight",
    type: "integer",
    min: 1,
    max: 100,
    default: DEFAULT_IN_FLIGHT,
    description: t("Send calls in flight at once", "Сколько вызовов send выполняется одновременно"),
  },
  {
    name: "idempotent",
    type: "boolean",
    default: true,
    description: t(
      "Idempotent producer (the default with --acks all; 0 and 1 cannot be)",
      "Идемпотентный продюсер (по умолчанию при --acks all; при 0 и 1 невозможен)",
    ),
  },
  {
    name: "not-idempotent",
    type: "boolean",
    description: t(
      "Measure the plain producer, whose retries can write a record twice",
      "Измерить обычный продюсер, повтор которого может записать запись дважды",
    ),
  },
] as const satisfies readonly OptionSpec[];

/** The options of `bench consume`. */
export const CONSUME_OPTIONS = [
  ...COMMON,
  {
    name: "commit",
    type: "string",
    choices: ["none", "batch", "record"],
    default: "batch",
    description: t(
      "Offset commits: none, one per fetched batch, or one per record",
      "Фиксация смещений: нет, одна на полученный пакет или одна на запись",
    ),
  },
] as const satisfies readonly OptionSpec[];

/** Settings of `bench produce`. */
export interface ProduceSettings {
  readonly records: number;
  readonly recordSize: number;
  readonly partitions: number;
  readonly acks: "0" | "1" | "all";
  readonly batch: number;
  readonly lingerMs: number;
  readonly rate: number;
  readonly compression: "none" | "gzip" | "snappy" | "lz4" | "zstd";
  readonly inFlight: number;
  readonly idempotent: boolean;
}

/** Settings of `bench consume`. */
export interface ConsumeSettings {
  readonly records: number;
  readonly recordSize: number;
  readonly partitions: number;
  readonly commit: "none" | "batch" | "record";
}

/** Produce settings from parsed option values; checks what the options cannot alone. */
export function produceSettings(v: OptionValues<typeof PRODUCE_OPTIONS>): ProduceSettings {
  const s: ProduceSettings = {
    records: v.count,
    recordSize: v["record-size"],
    partitions: v.partitions,
    acks: v.acks,
    batch: v.batch,
    lingerMs: v["linger-ms"],
    rate: v.rate,
    compression: v.compression,
    inFlight: v["in-flight"],
    // An idempotent producer waits for every in-sync replica, so acks 0 and 1 go without.
    idempotent: v.idempotent && !v["not-idempotent"] && v.acks === "all",
  };
  if (s.compression in CODEC_PLUGINS) {
    const { plugin, native } = CODEC_PLUGINS[s.compression as keyof typeof CODEC_PLUGINS];
    const vars = { codec: s.compression, plugin };
    throw new UsageError(
      fillText(
        t(
          "kafkajs has no built-in {codec} codec; it needs the plugin {plugin}",
          "в kafkajs нет встроенного кодека {codec}: нужен плагин {plugin}",
        ),
        vars,
      ),
      native
        ? t(
          "kafka-lab ships no native plugins; use --compression gzip or none",
          "kafka-lab не включает плагины с машинным кодом: используйте --compression gzip или none",
        )
        : t(
          "kafka-lab ships only the built-in codecs; use --compression gzip or none",
          "kafka-lab включает только встроенные кодеки: используйте --compression gzip или none",
        ),
    );
  }
  return s;
}

/** Consume settings from parsed option values. */
export function consumeSettings(v: OptionValues<typeof CONSUME_OPTIONS>): ConsumeSettings {
  return {
    records: v.count,
    recordSize: v["record-size"],
    partitions: v.partitions,
    commit: v.commit,
  };
}

/** A parsed `--sweep`: the option and its values, each checked like the option itself. */
export interface Sweep {
  readonly name: string;
  readonly values: ReadonlyArray<string | number | boolean>;
}

/** Parses `setting=v1,v2,...` against the command's options (not `--sweep` itself). */
export function parseSweep(raw: string, options: readonly OptionSpec[]): Sweep {
  const eq = raw.indexOf("=");
  const name = eq < 0 ? raw.trim() : raw.slice(0, eq).trim().replace(/^--/, "");
  const sweepable = options.filter((o) => o.name !== "sweep");
  const spec = sweepable.find((o) => o.name === name);
  const names = sweepable.map((o) => o.name).join(", ");
  if (!spec) {
    throw new UsageError(
      fillText(t("--sweep: unknown setting '{name}'", "--sweep: неизвестный параметр '{name}'"), {
        name,
      }),
      fillText(t("settings: {names}", "параметры: {names}"), { names }),
    );
  }
  const parts = eq < 0 ? [] : raw.slice(eq + 1).split(",").map((p) => p.trim());
  if (parts.length < 2 || parts.some((p) => p === "")) {
    throw new UsageError(
      t("--sweep needs two or more values", "для --sweep нужно два значения или больше"),
      fillText(t("e.g. --sweep {name}=1,100,1000", "например: --sweep {name}=1,100,1000"), {
        name,
      }),
    );
  }
  const values = parts.map((p) =>
    spec.type === "boolean"
      ? parseBoolean(p, `--sweep ${name}`)
      : parseOptions([`--${name}`, p], [spec]).values[name] as string | number
  );
  return { name, values };
}
