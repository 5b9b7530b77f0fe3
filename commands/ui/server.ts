/**
 * The web console's HTTP server: 127.0.0.1 only, the guards of
 * `security.ts` on every request, the page's files from memory (imported into
 * the program, so the compiled binary needs nothing beside it), and the JSON
 * API of `api.ts`.
 *
 * @example
 * ```ts
 * const console = await startConsole(ctx, { port: 8080 });
 * console.url; // http://127.0.0.1:8080/?token=...
 * await console.close();
 * ```
 * @module
 */
import type { Context } from "../../lib/context.ts";
import { portIsFree } from "../../lib/net.ts";
import { VERSION } from "../../lib/version.ts";
import { type ApiContext, handleApi } from "./api.ts";
import { AdminHolder } from "./admin_holder.ts";
import appJs from "./assets/app.js" with { type: "text" };
import coreJs from "./assets/core.js" with { type: "text" };
import groupsJs from "./assets/groups.js" with { type: "text" };
import indexHtml from "./assets/index.html" with { type: "text" };
import pagesJs from "./assets/pages.js" with { type: "text" };
import styleCss from "./assets/style.css" with { type: "text" };
import topicJs from "./assets/topic.js" with { type: "text" };
import messagesJs from "./assets/messages.js" with { type: "text" };
import drawJs from "./assets/draw.js" with { type: "text" };
import { refusal, refusalStatus, SECURITY_HEADERS } from "./security.ts";
import { UI_TEXT } from "./text.ts";

/** The port the seeds' Kafka UI uses, and so the console's first choice. */
export const DEFAULT_UI_PORT = 8080;

/** A running console. */
export interface RunningConsole {
  /** The address with the token, to open in a browser. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** The port asked for was taken, so another was chosen. */
  readonly portTaken: boolean;
  close(): Promise<void>;
}

const ASSETS: Record<string, { body: string; type: string }> = {
  "/": { body: indexHtml, type: "text/html; charset=utf-8" },
  "/app.js": { body: appJs, type: "text/javascript; charset=utf-8" },
  "/core.js": { body: coreJs, type: "text/javascript; charset=utf-8" },
  "/groups.js": { body: groupsJs, type: "text/javascript; charset=utf-8" },
  "/pages.js": { body: pagesJs, type: "text/javascript; charset=utf-8" },
  "/topic.js": { body: topicJs, type: "text/javascript; charset=utf-8" },
  "/messages.js": { body: messagesJs, type: "text/javascript; charset=utf-8" },
  "/draw.js": { body: drawJs, type: "text/javascript; charset=utf-8" },
  "/style.css": { body: styleCss, type: "text/css; charset=utf-8" },
};

const REFUSALS = {
  host: "this console answers only to localhost and 127.0.0.1 (DNS rebinding guard)",
  origin: "requests from other sites are refused (cross-site request guard)",
  token:
    "this request needs the console's token (X-Kafka-Lab-Token): open the address `kafka-lab ui` printed",
  "content-type": "changes are sent as JSON only",
} as const;

const REFUSALS_RU: Record<keyof typeof REFUSALS, string> = {
  host: "консоль отвечает только на localhost и 127.0.0.1 (защита от DNS rebinding)",
  origin: "запросы с других сайтов отклоняются (защита от межсайтовых запросов)",
  token:
    "для запроса нужен токен консоли (X-Kafka-Lab-Token): откройте адрес, который напечатала `kafka-lab ui`",
  "content-type": "изменения принимаются только в формате JSON",
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...SECURITY_HEADERS, "content-type": "application/json; charset=utf-8" },
  });
}

/** Answers one request (exported for tests that call it without a socket). */
export async function handle(
  request: Request,
  guard: { port: number; token: string },
  api: ApiContext,
  lang: string,
): Promise<Response> {
  const refused = refusal(request, guard);
  if (refused) {
    return json(refusalStatus(refused), {
      error: { en: REFUSALS[refused], ru: REFUSALS_RU[refused] },
      refused,
    });
  }
  const url = new URL(request.url);
  if (url.pathname === "/api/info") {
    return json(200, {
      version: VERSION,
      lang,
      brokers: api.config.brokers,
      registryUrl: api.config.registryUrl,
      texts: UI_TEXT,
    });
  }
  if (url.pathname.startsWith("/api/")) {
    const answer = await handleApi(api, request, url);
    return answer
      ? json(answer.status, answer.body)
      : json(404, { error: { en: "no such API", ru: "нет такого API" } });
  }
  const asset = ASSETS[url.pathname];
  if (!asset || request.method !== "GET") return new Response("not found", { status: 404 });
  return new Response(asset.body, {
    headers: { ...SECURITY_HEADERS, "content-type": asset.type },
  });
}

/**
 * Starts the console on 127.0.0.1: on `port` when it is free, else on a port
 * the system picks (`portTaken` says so). Port 0 always lets the system pick.
 */
export async function startConsole(
  ctx: Context,
  options: { port: number },
): Promise<RunningConsole> {
  const { newToken } = await import("./security.ts");
  const token = newToken();
  const portTaken = options.port !== 0 && !portIsFree(options.port, "127.0.0.1");
  const kafka = await ctx.kafka();
  const admin = new AdminHolder(kafka);
  const stop = new AbortController();
  const api: ApiContext = {
    config: ctx.config,
    kafka,
    admin,
    signal: AbortSignal.any([ctx.signal, stop.signal]),
  };
  const guard = { port: 0, token };
  const server = Deno.serve({
    hostname: "127.0.0.1",
    port: portTaken ? 0 : options.port,
    signal: stop.signal,
    onListen: () => {},
  }, (request) => handle(request, guard, api, ctx.out.lang));
  guard.port = server.addr.port;
  return {
    url: `http://127.0.0.1:${guard.port}/?token=${token}`,
    port: guard.port,
    token,
    portTaken,
    close: async () => {
      stop.abort();
      await server.finished.catch(() => {});
      await admin.close();
    },
  };
}
