/**
 * The Schema Registry client's failures in plain words: a registry that does
 * not answer (exit 3, with the socket's reason), refuses the credentials
 * (exit 4) or refuses a request, and the bounded wait that gives up on a
 * registry that stays silent. `RegistryClient` in `registry.ts` is the one
 * user of these helpers.
 * @module
 */
import {
  AuthError,
  fetchFailureText,
  KafkaLabError,
  networkReasonText,
  UnreachableError,
} from "./errors.ts";
import { fillText, type Localizable, t, type Text } from "./i18n.ts";
import { probeTcp } from "./net.ts";
import { isAuthStatus } from "./registry_auth.ts";
import type { Output } from "./output.ts";

/** The waits of `RegistryClient` (tests shorten them). */
export interface RegistryTiming {
  readonly answerTimeoutMs: number;
  readonly reportEveryMs: number;
}

/** Which registry a failure is about, and where its debug lines go. */
export interface RegistryPeer {
  readonly url: string;
  /** The user of basic auth, when one is configured (never the password). */
  readonly user?: string;
  readonly out: Output;
}

/**
 * Whether the library's error is a request that never reached the registry:
 * its HTTP client (mappersmith) reports a network failure as a response with
 * status 400 and the socket error as the message ("Error, status 400:
 * connect ECONNREFUSED 127.0.0.1:8081"), which reads like the registry
 * refusing the request.
 */
export function isGatewayFailure(err: unknown): boolean {
  const e = err as { name?: string; status?: number; message?: string };
  return e?.status === 400 && typeof e.message === "string" &&
    /\b(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EPIPE)\b|socket hang up|connection (refused|reset|closed)|error sending request|tcp connect error/i
      .test(e.message);
}

/** The socket error inside a gateway failure, in both languages where we know it. */
function gatewayReason(err: unknown): Text {
  const message = String((err as Error).message ?? "");
  if (/ECONNREFUSED|connection refused/i.test(message)) {
    return t("connection refused", "соединение отклонено");
  }
  if (/ECONNRESET|socket hang up|connection (reset|closed)/i.test(message)) {
    return t("connection closed", "соединение закрыто");
  }
  const code = /\b(E[A-Z_]{3,})\b/.exec(message)?.[1] ?? message;
  return { en: code, ru: code };
}

/** What to do when no registry answers at `url`: start the local one, or check the URL. */
export function registryStartHint(url: string): Text {
  return /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(url)
    ? t(
      "start the local cluster with `kafka-lab up`, or set SCHEMA_REGISTRY_URL / --registry-url",
      "запустите локальный кластер: `kafka-lab up`, или задайте SCHEMA_REGISTRY_URL / --registry-url",
    )
    : t(
      "check that the registry runs and SCHEMA_REGISTRY_URL / --registry-url is right",
      "проверьте, что реестр работает и SCHEMA_REGISTRY_URL / --registry-url указан верно",
    );
}

/** "no Schema Registry answers at URL (why)[ while doing]" in both languages. */
export function noRegistry(url: string, why: Text, doing?: Text): Text {
  const vars = { url, en: why.en, ru: why.ru, den: doing?.en ?? "", dru: doing?.ru ?? "" };
  return fillText(
    doing
      ? t(
        "no Schema Registry answers at {url} ({en}) while {den}",
        "реестр схем не отвечает по адресу {url} ({ru}): {dru}",
      )
      : t(
        "no Schema Registry answers at {url} ({en})",
        "реестр схем не отвечает по адресу {url} ({ru})",
      ),
    vars,
  );
}

/**
 * Why `fetch` could not reach the registry at `url`: Deno's fetch error
 * carries no class or code, so a TCP probe of the same address tells refused
 * from unresolvable or silent.
 */
export async function whyUnreachable(url: string, err: unknown): Promise<Text> {
  const parsed = new URL(url);
  const port = parsed.port || (parsed.protocol === "https:" ? "443" : "80");
  const probe = await probeTcp(`${parsed.hostname}:${port}`, 2_000);
  if (!probe.ok) return networkReasonText(probe.reason);
  const message = (err as Error).message;
  return fetchFailureText(err) ?? { en: message, ru: message };
}

/** Exit 4: the registry refused the credentials (or wants some); the password is never named. */
export function registryRefused(
  peer: Pick<RegistryPeer, "url" | "user">,
  status: number,
  cause?: unknown,
): AuthError {
  const vars = { url: peer.url, status, user: peer.user ?? "" };
  return new AuthError(
    fillText(
      peer.user
        ? t(
          "the Schema Registry at {url} refused user {user} (HTTP {status})",
          "реестр схем по адресу {url} не принял пользователя {user} (HTTP {status})",
        )
        : t(
          "the Schema Registry at {url} asks for credentials (HTTP {status})",
          "реестр схем по адресу {url} требует учётные данные (HTTP {status})",
        ),
      vars,
    ),
    {
      hint: t(
        "set SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO=key:secret (environment or .env) to the registry's API key and secret",
        "задайте SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO=key:secret (окружение или .env): ключ и секрет API реестра",
      ),
      cause,
    },
  );
}

/** Plain words for a registry failure; network failures become exit code 3. */
export function translateRegistryError(
  peer: RegistryPeer,
  err: unknown,
  doing: Localizable,
): KafkaLabError {
  const doingText: Text = typeof doing === "string" ? { en: doing, ru: doing } : doing;
  if (err instanceof KafkaLabError) return err;
  const net = fetchFailureText(err) ?? (isGatewayFailure(err) ? gatewayReason(err) : undefined);
  if (net || (err as Error)?.name === "TimeoutError") {
    return new UnreachableError(
      noRegistry(peer.url, net ?? t("timed out", "нет ответа"), doingText),
      { hint: registryStartHint(peer.url), cause: err },
    );
  }
  const e = err as { name?: string; message?: string; status?: number };
  if (e.status !== undefined && isAuthStatus(e.status)) return registryRefused(peer, e.status, err);
  peer.out.debug(`registry error ${e.name}: ${e.message}`);
  const vars = { en: doingText.en, ru: doingText.ru, why: e.message ?? String(err) };
  return new KafkaLabError(
    fillText(
      t("the Schema Registry refused {en}: {why}", "реестр схем отказал {ru}: «{why}»"),
      vars,
    ),
    {
      cause: err,
    },
  );
}

/**
 * Waits for a request of the library within `answerTimeoutMs`, saying every
 * `reportEveryMs` that the registry has not answered yet; then throws
 * {@linkcode UnreachableError} (exit 3). The request itself cannot be
 * cancelled (the library takes no signal); the command ends instead.
 */
export async function boundedWait<T>(
  peer: RegistryPeer,
  timing: RegistryTiming,
  work: Promise<T>,
  doing: Text,
): Promise<T> {
  const { answerTimeoutMs, reportEveryMs } = timing;
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<never>((_, reject) => {
    const tick = () => {
      const waited = Date.now() - started;
      if (waited >= answerTimeoutMs) {
        reject(
          new UnreachableError(
            noRegistry(
              peer.url,
              fillText(t("no answer in {s} s", "нет ответа за {s} с"), {
                s: Math.round(waited / 1000),
              }),
              doing,
            ),
            { hint: registryStartHint(peer.url) },
          ),
        );
        return;
      }
      if (waited > 0) {
        peer.out.warn(fillText(
          t(
            "the Schema Registry at {url} has not answered for {s} s ({en}); giving up after {max} s",
            "реестр схем по адресу {url} не отвечает уже {s} с ({ru}); перестану ждать через {max} с",
          ),
          {
            url: peer.url,
            s: Math.round(waited / 1000),
            en: doing.en,
            ru: doing.ru,
            max: Math.round(answerTimeoutMs / 1000),
          },
        ));
      }
      timer = setTimeout(tick, Math.min(reportEveryMs, answerTimeoutMs - waited));
    };
    timer = setTimeout(tick, Math.min(reportEveryMs, answerTimeoutMs));
  });
  work.catch(() => {}); // a late failure after giving up is not unhandled
  try {
    return await Promise.race([work, gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}
