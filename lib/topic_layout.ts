/**
 * What `lab1` and the `topic` command share about a topic's layout: the
 * options that shape a new topic (`--partitions`, `-r`, `-c`), and the
 * layout's `--json` fields and their data.
 *
 * @example
 * ```ts
 * const CREATE_OPTIONS = [...TOPIC_SHAPE_OPTIONS, PREFIX_OPTION] as const;
 * out.event(EVENTS.created, layoutData(layout));
 * ```
 * @module
 */
import type { OptionSpec } from "./cli/args.ts";
import { type DataOf, field as f } from "./events.ts";
import { t } from "./i18n.ts";
import type { TopicLayout } from "./kafka/topics.ts";

/** The options that shape a new topic. */
export const TOPIC_SHAPE_OPTIONS = [
  {
    name: "partitions",
    type: "integer",
    min: 1,
    default: 1,
    description: t("Number of partitions", "Число партиций"),
  },
  {
    name: "replication-factor",
    short: "r",
    type: "integer",
    min: 1,
    default: 1,
    description: t(
      "Copies of each partition (at most the number of brokers)",
      "Число копий каждой партиции (не больше числа брокеров)",
    ),
  },
  {
    name: "config",
    short: "c",
    type: "list",
    valueName: "KEY=VALUE",
    description: t(
      "A topic config, e.g. min.insync.replicas=2",
      "Настройка топика, например min.insync.replicas=2",
    ),
  },
] as const satisfies readonly OptionSpec[];

/** A topic's layout as `--json` fields. */
export const LAYOUT_FIELDS = {
  topic: f.string,
  partitions: f.integer,
  replicationFactor: f.integer,
  configs: f.nullable(f.record(f.string)).doc(
    "Configs set on the topic; null when they could not be read.",
  ),
  layout: f.array(f.object({
    partition: f.integer,
    leader: f.integer.doc("-1: no leader"),
    replicas: f.array(f.integer),
    isr: f.array(f.integer),
  })),
};

/** A topic's layout as event data. */
export function layoutData(layout: TopicLayout): DataOf<typeof LAYOUT_FIELDS> {
  return {
    topic: layout.name,
    partitions: layout.partitions.length,
    replicationFactor: layout.replicationFactor,
    configs: layout.configsUnknown ? null : layout.configs,
    layout: layout.partitions,
  };
}
