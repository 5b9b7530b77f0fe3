/**
 * `kafka-lab down`: stops the local cluster.
 * @module
 */
import { type Command, defineCommand } from "../../lib/cli/command.ts";
import type { Context } from "../../lib/context.ts";
import { readState } from "../../lib/cluster/state.ts";
import { fillText, localize, t } from "../../lib/i18n.ts";
import { CLUSTER_EVENTS } from "./events.ts";

/** The `down` command. */
export const downCommand: Command = defineCommand({
  name: "down",
  summary: t(
    "Stop the local cluster started by `kafka-lab up`",
    "Остановить локальный кластер, запущенный `kafka-lab up`",
  ),
  description: t(
    `
Stops exactly the processes (or compose project) that \`kafka-lab up\`
started, gently first (brokers flush and close their logs), then firmly
after 30 s. Data is kept for the next \`up\` unless --purge is given.
Running it when nothing runs changes nothing.`,
    `
Останавливает ровно те процессы (или проект compose), которые запустил
\`kafka-lab up\`: сначала мягко (брокеры сбрасывают и закрывают журналы), через
30 с — принудительно. Данные сохраняются до следующего \`up\`, если не указан
--purge. Если ничего не запущено, команда ничего не меняет.`,
  ),
  options: [
    {
      name: "purge",
      type: "boolean",
      description: t(
        "Also delete the cluster's data (topics, offsets, schemas)",
        "Также удалить данные кластера (топики, смещения, схемы)",
      ),
    },
  ],
  examples: ["kafka-lab down", "kafka-lab down --purge"],
  async run(ctx, args): Promise<number> {
    const { withClusterLock } = await import("../../lib/cluster/lock.ts");
    return await withClusterLock(
      ctx.config.stateDir,
      { command: args.values.purge ? "down --purge" : "down", out: ctx.out },
      () => down(ctx, args.values.purge),
    );
  },
});

async function down(ctx: Context, purge: boolean): Promise<number> {
  const state = readState(ctx.config.stateDir);
  const { makeRuntime } = await import("./runtime_choice.ts");
  const runtime = makeRuntime(state?.runtime ?? "java", ctx);
  if (!state && !purge) {
    ctx.out.event(
      CLUSTER_EVENTS.down,
      { wasRunning: false, stopped: [], killed: [], purged: false },
      localize(DOWN_TEXT.nothingRecorded, ctx.config.lang),
    );
    return 0;
  }
  const result = await runtime.down({ purge });
  ctx.out.event(
    CLUSTER_EVENTS.down,
    { wasRunning: state !== undefined, runtime: runtime.name, ...result },
    [
      result.stopped.length > 0 ? DOWN_TEXT.stopped : DOWN_TEXT.nothingRan,
      result.killed.length > 0 ? DOWN_TEXT.killed : undefined,
      result.purged ? DOWN_TEXT.purged : undefined,
    ].flatMap((text) =>
      text
        ? [localize(
          fillText(text, {
            stopped: result.stopped.join(", "),
            killed: result.killed.join(", "),
            dir: ctx.config.stateDir,
          }),
          ctx.config.lang,
        )]
        : []
    ).join(" "),
  );
  return 0;
}

const DOWN_TEXT = {
  nothingRecorded: t(
    "No local cluster is recorded as running; nothing to stop.",
    "Запущенный локальный кластер не записан; останавливать нечего.",
  ),
  stopped: t("Stopped {stopped}.", "Остановлены: {stopped}."),
  nothingRan: t("Nothing was running.", "Ничего не работало."),
  killed: t(
    "{killed} did not stop within 30 s and were killed.",
    "Не остановились за 30 с и завершены принудительно: {killed}.",
  ),
  purged: t("Deleted the cluster's data in {dir}.", "Данные кластера в {dir} удалены."),
};
