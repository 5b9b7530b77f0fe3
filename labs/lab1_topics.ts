/**
 * Lab 1: topics. Creates the course topics (hello-kafka, users_coordinates,
 * final-1-topic), lists and describes them (leader, replicas, ISR, configs),
 * and offers create / list / describe / delete on their own.
 * @module
 */
import type { Admin } from "kafkajs";
import type { ParsedArgs } from "../lib/cli/args.ts";
import type { Command } from "../lib/cli/command.ts";
import type { Context } from "../lib/context.ts";
import { KafkaLabError, UsageError } from "../lib/errors.ts";
import { Guide } from "../lib/guide.ts";
import { fill, pick, type Translation } from "../lib/i18n.ts";
import { table } from "../lib/output.ts";
import {
  checkTopicName,
  COURSE_TOPICS,
  deleteTopic,
  describeTopic,
  ensureTopic,
  parseConfigPairs,
  type TopicLayout,
  type TopicSpec,
} from "../lib/topics.ts";
import { LAB1_TEXT } from "./lab1_text.ts";

type Text = Translation<typeof LAB1_TEXT.en>;

function text(ctx: Context): Text {
  return pick(LAB1_TEXT, ctx.config.lang);
}

function configsText(configs: Readonly<Record<string, string>>): string {
  return Object.entries(configs).map(([k, v]) => `${k}=${v}`).join(", ");
}

function layoutData(layout: TopicLayout) {
  return {
    topic: layout.name,
    partitions: layout.partitions.length,
    replicationFactor: layout.replicationFactor,
    configs: layout.configs,
    layout: layout.partitions,
  };
}

/** Prints a topic's partitions table and configs (human output only). */
function printLayout(ctx: Context, t: Text, layout: TopicLayout, indent = "  "): void {
  const { out } = ctx;
  if (out.json) return;
  out.line(
    indent + out.style(
      "bold",
      fill(t.topicHeader, {
        topic: layout.name,
        partitions: layout.partitions.length,
        rf: layout.replicationFactor,
      }),
    ),
  );
  const rows = layout.partitions.map((p) => [
    String(p.partition),
    String(p.leader),
    p.replicas.join(","),
    p.isr.join(","),
  ]);
  for (const l of table([t.colPartition, t.colLeader, t.colReplicas, t.colIsr], rows)) {
    out.line(`${indent}  ${l}`);
  }
  const configs = configsText(layout.configs);
  out.line(`${indent}  ${configs ? fill(t.configsLine, { configs }) : t.noConfigs}`);
}

/** Creates (or finds) one topic and reports it; returns whether it matches the spec. */
async function reportEnsure(
  ctx: Context,
  t: Text,
  admin: Admin,
  spec: TopicSpec,
  guide?: Guide,
): Promise<boolean> {
  const result = await ensureTopic(admin, spec);
  const vars = {
    topic: spec.name,
    partitions: result.layout.partitions.length,
    rf: result.layout.replicationFactor,
  };
  const data = {
    status: result.status,
    differences: result.differences,
    ...layoutData(result.layout),
  };
  const line = fill(result.status === "created" ? t.created : t.exists, vars);
  const event = result.status === "created" ? "topic.created" : "topic.exists";
  if (guide) guide.ok(line, data, event);
  else ctx.out.event(event, data, `${ctx.out.style("green", "✓")} ${line}`);
  if (result.differences.length > 0) {
    ctx.out.warn(fill(t.differs, { topic: spec.name, diffs: result.differences.join("; ") }), {
      topic: spec.name,
      differences: result.differences,
    });
    return false;
  }
  return true;
}

async function guided(ctx: Context, args: ParsedArgs): Promise<number> {
  const t = text(ctx);
  const prefix = args.string("prefix") ?? "";
  const guide = Guide.begin(ctx, "lab1", t, 4);
  const kafka = await ctx.kafka();
  return await kafka.withAdmin(async (admin) => {
    guide.step(t.stepCluster, t.stepClusterExplain);
    const cluster = await admin.describeCluster();
    const brokers = cluster.brokers.map((b) => `${b.nodeId}@${b.host}:${b.port}`).join(", ");
    guide.ok(
      fill(t.clusterLine, {
        count: cluster.brokers.length,
        brokers,
        controller: cluster.controller ?? "?",
      }),
      {
        brokers: cluster.brokers.map((b) => ({ id: b.nodeId, address: `${b.host}:${b.port}` })),
        controller: cluster.controller,
        clusterId: cluster.clusterId,
      },
      "cluster",
    );
    guide.note(fill(t.clusterId, { clusterId: cluster.clusterId }));

    guide.step(t.stepCreate, t.stepCreateExplain);
    const specs = (Object.values(COURSE_TOPICS) as TopicSpec[]).map((s) => ({
      ...s,
      name: checkTopicName(prefix + s.name),
    }));
    let ready = 0;
    for (const spec of specs) {
      try {
        if (await reportEnsure(ctx, t, admin, spec, guide)) ready++;
      } catch (err) {
        const e = kafka.translate(err);
        guide.fail(fill(t.createFailed, { topic: spec.name, reason: e.message }), {
          topic: spec.name,
          error: e.message,
          hint: (e as KafkaLabError).hint,
        }, "topic.failed");
        if ((e as KafkaLabError).exitCode === 3) throw e;
      }
    }

    guide.step(t.stepList, t.stepListExplain);
    const names = (await admin.listTopics()).sort();
    ctx.out.event("topics", { topics: names });
    for (const name of names) ctx.out.line(`  ${name}`);

    guide.step(t.stepDescribe, t.stepDescribeExplain);
    for (const [i, spec] of specs.entries()) {
      const layout = await describeTopic(admin, spec.name);
      if (!layout) continue;
      if (i > 0) ctx.out.line();
      ctx.out.event("topic.describe", layoutData(layout));
      printLayout(ctx, t, layout);
    }

    return guide.done([
      fill(t.summaryTopics, { ok: ready, total: specs.length }),
      fill(t.summaryBrokers, { count: cluster.brokers.length }),
    ], { ready, total: specs.length });
  });
}

const createCommand: Command = {
  name: "create",
  summary: "Create a topic (an existing one is described and compared instead)",
  description: `
Creates the topic with the given partitions, replication factor and configs,
and waits until every partition has a leader. If the topic exists, nothing is
changed: its real layout is shown with how it differs from what you asked.`,
  options: [
    {
      name: "topic",
      short: "t",
      type: "string",
      required: true,
      valueName: "NAME",
      description: "Topic name",
    },
    {
      name: "partitions",
      short: "p",
      type: "integer",
      min: 1,
      default: 1,
      description: "Number of partitions",
    },
    {
      name: "replication-factor",
      short: "r",
      type: "integer",
      min: 1,
      default: 1,
      description: "Copies of each partition (at most the number of brokers)",
    },
    {
      name: "config",
      short: "c",
      type: "list",
      valueName: "KEY=VALUE",
      description: "A topic config, e.g. min.insync.replicas=2",
    },
  ],
  examples: [
    "kafka-lab lab1 create --topic users_coordinates --partitions 6 --replication-factor 2 --config min.insync.replicas=1",
    "kafka-lab lab1 create -t orders -p 3 -r 3 -c min.insync.replicas=2 -c retention.ms=86400000",
  ],
  async run(ctx: Context, args: ParsedArgs): Promise<number> {
    const t = text(ctx);
    const spec: TopicSpec = {
      name: checkTopicName(args.requireString("topic")),
      partitions: args.int("partitions")!,
      replicationFactor: args.int("replication-factor")!,
      configs: parseConfigPairs(args.list("config")),
    };
    return await (await ctx.kafka()).withAdmin(async (admin) => {
      await reportEnsure(ctx, t, admin, spec);
      const layout = await describeTopic(admin, spec.name);
      if (layout) printLayout(ctx, t, layout);
      return 0;
    });
  },
};

const listCommand: Command = {
  name: "list",
  summary: "List the topics with their partition count and replication factor",
  options: [{
    name: "all",
    type: "boolean",
    description: "Include Kafka's internal topics (__consumer_offsets, ...)",
  }],
  examples: ["kafka-lab lab1 list", "kafka-lab lab1 list --all --json"],
  async run(ctx: Context, args: ParsedArgs): Promise<number> {
    const t = text(ctx);
    return await (await ctx.kafka()).withAdmin(async (admin) => {
      const names = (await admin.listTopics())
        .filter((n) => args.bool("all") || !n.startsWith("__"))
        .sort();
      const md = names.length > 0
        ? await admin.fetchTopicMetadata({ topics: names })
        : { topics: [] };
      const rows = md.topics
        .map((tp) => ({
          topic: tp.name,
          partitions: tp.partitions.length,
          replicationFactor: tp.partitions[0]?.replicas.length ?? 0,
        }))
        .sort((a, b) => a.topic.localeCompare(b.topic));
      ctx.out.event("topics", { topics: rows });
      if (rows.length === 0) ctx.out.line(t.listEmpty);
      for (const r of rows) {
        ctx.out.line(
          fill(t.listLine, { topic: r.topic, partitions: r.partitions, rf: r.replicationFactor }),
        );
      }
      if (rows.length > 0) ctx.out.text(fill(t.listCount, { count: rows.length }));
      return 0;
    });
  },
};

async function requireLayout(
  t: Text,
  admin: Admin,
  topic: string,
): Promise<TopicLayout> {
  const layout = await describeTopic(admin, topic);
  if (!layout) {
    throw new KafkaLabError(fill(t.notFound, { topic }), { hint: fill(t.notFoundHint, { topic }) });
  }
  return layout;
}

const describeCommand: Command = {
  name: "describe",
  summary: "Show a topic's partitions (leader, replicas, ISR) and its configs",
  positionals: [{ name: "topic", description: "Topic name", required: true }],
  examples: ["kafka-lab lab1 describe users_coordinates"],
  async run(ctx: Context, args: ParsedArgs): Promise<number> {
    const t = text(ctx);
    const topic = checkTopicName(args.positionals[0]);
    return await (await ctx.kafka()).withAdmin(async (admin) => {
      const layout = await requireLayout(t, admin, topic);
      ctx.out.event("topic.describe", layoutData(layout));
      printLayout(ctx, t, layout, "");
      return 0;
    });
  },
};

const deleteCommand: Command = {
  name: "delete",
  summary: "Delete a topic and all its records (asks first unless --yes)",
  positionals: [{ name: "topic", description: "Topic name", required: true }],
  options: [{
    name: "yes",
    short: "y",
    type: "boolean",
    description: "Do not ask for confirmation",
  }],
  examples: ["kafka-lab lab1 delete hello-kafka", "kafka-lab lab1 delete hello-kafka --yes"],
  async run(ctx: Context, args: ParsedArgs): Promise<number> {
    const t = text(ctx);
    const topic = checkTopicName(args.positionals[0]);
    if (!args.bool("yes")) {
      if (!Deno.stdin.isTerminal()) {
        throw new UsageError(
          `refusing to delete ${topic} without confirmation`,
          "add --yes when running without a terminal",
        );
      }
      if (!confirm(fill(t.deleteQuestion, { topic }))) {
        ctx.out.event("topic.kept", { topic }, fill(t.deleteKept, { topic }));
        return 1;
      }
    }
    return await (await ctx.kafka()).withAdmin(async (admin) => {
      await requireLayout(t, admin, topic);
      await deleteTopic(admin, topic);
      ctx.out.event(
        "topic.deleted",
        { topic },
        `${ctx.out.style("green", "✓")} ${fill(t.deleted, { topic })}`,
      );
      return 0;
    });
  },
};

/** The `lab1` command. */
export const lab1: Command = {
  name: "lab1",
  summary: "Topics: create the course topics, partitions, replicas, ISR, min.insync.replicas",
  description: `
Without a subcommand, runs the lab: theory, the cluster's brokers and
controller, the course topics created (hello-kafka: 1 partition, RF 1;
users_coordinates: 6 partitions, RF 2, min.insync.replicas=1; final-1-topic:
3 partitions, RF 2), listed and described, then the control questions.
Running it again is harmless: existing topics are described and compared.`,
  options: [
    {
      name: "prefix",
      type: "string",
      valueName: "TEXT",
      description:
        "Put before each course topic's name (students sharing one cluster: --prefix anna.)",
    },
  ],
  subcommands: [createCommand, listCommand, describeCommand, deleteCommand],
  examples: [
    "kafka-lab lab1",
    "kafka-lab lab1 --lang ru",
    "kafka-lab lab1 --json",
    "kafka-lab lab1 --prefix anna.",
  ],
  run: (ctx: Context, args: ParsedArgs) => guided(ctx, args),
};
