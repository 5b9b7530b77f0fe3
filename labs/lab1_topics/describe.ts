/**
 * `lab1 describe`: a topic's partitions (leader, replicas, ISR) and configs.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { KafkaLabError } from "../../lib/errors.ts";
import { fill } from "../../lib/i18n.ts";
import type { Admin, Kafka } from "../../lib/kafka/port.ts";
import { checkTopicName, describeTopic, type TopicLayout } from "../../lib/kafka/topics.ts";
import { brokerLiveness } from "../../lib/cluster/liveness.ts";
import { renderDescribed, renderGrid, viewOf } from "./render.ts";
import type { DESCRIBE_OPTIONS } from "./options.ts";
import type { Lab1Text } from "./text.ts";

/** The topic's layout, or a clear error when it does not exist. */
export async function requireLayout(
  t: Lab1Text,
  admin: Admin,
  topic: string,
  kafka?: Pick<Kafka, "partitions">,
): Promise<TopicLayout> {
  const layout = await describeTopic(admin, topic, kafka);
  if (!layout) {
    throw new KafkaLabError(fill(t.notFound, { topic }), {
      hint: fill(t.notFoundHint, { topic }),
      missing: { kind: "topic", name: topic },
    });
  }
  return layout;
}

/** Runs `lab1 describe`. */
export async function describe(
  ctx: Context,
  args: ParsedArgs<typeof DESCRIBE_OPTIONS>,
): Promise<number> {
  const view = viewOf(ctx);
  const topic = checkTopicName(ctx.config.names.topic(args.positionals[0]));
  const kafka = await ctx.kafka();
  return await kafka.withAdmin(async (admin) => {
    const layout = await requireLayout(view.t, admin, topic, kafka);
    renderDescribed(view, layout, "");
    if (!view.out.json) {
      const { brokers } = await kafka.cluster();
      // A paused broker stays registered for a while: ask each whether it answers.
      const paused = await Promise.all(
        brokers.map(async (b) =>
          (await brokerLiveness(`${b.host}:${b.port}`, 1000)) === "not-responding" ? b.nodeId : -1
        ),
      );
      renderGrid(view, layout, {
        up: brokers.map((b) => b.nodeId),
        paused: paused.filter((id) => id >= 0),
      });
    }
    return 0;
  });
}
