/**
 * The work of `kafka-lab down` (declared in `down.ts`): stops what `up`
 * started, under the cluster lock, and says what it stopped.
 * @module
 */
import type { Context } from "../../lib/context.ts";
import { readState } from "../../lib/cluster/state.ts";
import { fillText, localize, t } from "../../lib/i18n.ts";
import { CLUSTER_EVENTS } from "./events.ts";

/** Runs `kafka-lab down` (`--purge`: its data too). */
export async function down(ctx: Context, purge: boolean): Promise<number> {
  const { withClusterLock } = await import("../../lib/cluster/lock.ts");
  return await withClusterLock(
    ctx.config.stateDir,
    { command: purge ? "down --purge" : "down", out: ctx.out },
    () => stopCluster(ctx, purge),
  );
}

async function stopCluster(ctx: Context, purge: boolean): Promise<number> {
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
