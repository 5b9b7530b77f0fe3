/**
 * What `kafka-lab ui` does: starts the console, prints its address (with the
 * token) and waits for Ctrl+C.
 * @module
 */
import { readState } from "../../lib/cluster/state.ts";
import type { Context } from "../../lib/context.ts";
import { fill, pick } from "../../lib/i18n.ts";
import { INSPECT_TEXT } from "../../lib/inspect/text.ts";
import { startConsole } from "./server.ts";
import { UI_EVENTS } from "./events.ts";

/** Runs the console until the user stops it. */
export async function runUi(ctx: Context, port: number): Promise<void> {
  const { out } = ctx;
  const tx = pick(INSPECT_TEXT, out.lang);
  const kafka = await ctx.kafka();
  await kafka.preflight();
  const running = await startConsole(ctx, { port });
  const state = readState(ctx.config.stateDir);
  if (running.portTaken) {
    out.warn({
      en: fill(INSPECT_TEXT.en.uiPortTaken, { wanted: port, port: running.port }),
      ru: fill(INSPECT_TEXT.ru.uiPortTaken, { wanted: port, port: running.port }),
    });
  }
  if (state?.runtime === "docker" && state.uiUrl) {
    out.text(fill(tx.uiDocker, { url: state.uiUrl }));
  }
  out.event(UI_EVENTS.listening, {
    url: running.url,
    port: running.port,
    token: running.token,
    portTaken: running.portTaken,
  }, fill(tx.uiListening, { url: running.url }));
  out.text(tx.uiToken);
  out.text(tx.uiStop);
  await new Promise<void>((resolve) => {
    if (ctx.signal.aborted) return resolve();
    ctx.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  await running.close();
  out.event(UI_EVENTS.stopped, { port: running.port });
}
