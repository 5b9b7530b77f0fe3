/**
 * Whether the bootstrap brokers can be reached, and the errors that say they
 * cannot: none accepts a TCP connection (exit 3, naming each address and
 * why), some do and some do not (exit 1, naming the ones down), or a port
 * accepts connections but nothing speaks Kafka there (exit 3). `clients.ts`
 * runs the probes; the words are here.
 *
 * @example
 * ```ts
 * const results = await probeAll(["localhost:19092"], probeTcp);
 * if (!results.some(({ r }) => r.ok)) throw noBrokerAnswers(["localhost:19092"], results);
 * ```
 * @module
 */
import { type KafkaLabError, partlyDownError, UnreachableError } from "../errors.ts";
import { NETWORK_TEXTS } from "../errors_text.ts";
import { fillText, t, type Text } from "../i18n.ts";
import type { ProbeResult } from "../net.ts";

/** How long the reachability check waits for each bootstrap address. */
export const PROBE_TIMEOUT_MS = 5000;

/** A reachability probe: a TCP connect to `address` within `timeoutMs`. */
export type Probe = (address: string, timeoutMs: number) => Promise<ProbeResult>;

/** One bootstrap address and what its probe found. */
export interface Probed {
  readonly b: string;
  readonly r: ProbeResult;
}

/** The hint for reaching a cluster, depending on whether it is the local default. */
export function startHint(brokers: readonly string[]): Text {
  const local = brokers.every((b) => /^(localhost|127\.0\.0\.1|\[::1\]):19\d{3}$/.test(b));
  return local
    ? t(
      "start the local cluster with `kafka-lab up`",
      "запустите локальный кластер: `kafka-lab up`",
    )
    : t(
      "check that the brokers run and the address is right",
      "проверьте, что брокеры запущены и адрес указан верно",
    );
}

/** A probe's reason in both languages: a known network failure, else as the probe said it. */
function probeReason(reason: string): Text {
  const known = Object.values(NETWORK_TEXTS).find((text) => text.en === reason);
  return known ?? { en: reason, ru: reason };
}

/** Probes every bootstrap address at once, within {@linkcode PROBE_TIMEOUT_MS} each. */
export function probeAll(brokers: readonly string[], probe: Probe): Promise<Probed[]> {
  return Promise.all(brokers.map(async (b) => ({ b, r: await probe(b, PROBE_TIMEOUT_MS) })));
}

/** No bootstrap broker accepts a connection: each address and why (exit 3). */
export function noBrokerAnswers(
  brokers: readonly string[],
  results: readonly Probed[],
): UnreachableError {
  const reasons = results.map(({ b, r }) => ({ b, why: probeReason(r.ok ? "ok" : r.reason) }));
  const start = startHint(brokers);
  return new UnreachableError(
    {
      en: `no Kafka broker answers at ${reasons.map((x) => `${x.b} (${x.why.en})`).join(", ")}`,
      ru: `ни один брокер Kafka не отвечает: ${
        reasons.map((x) => `${x.b} (${x.why.ru})`).join(", ")
      }`,
    },
    {
      hint: {
        en: `${start.en}, or set KAFKA_BROKERS / --bootstrap-server`,
        ru: `${start.ru}, или задайте адрес в KAFKA_BROKERS / --bootstrap-server`,
      },
    },
  );
}

/** Some bootstrap brokers answer and some do not: the ones down, by name (exit 1). */
export function partlyDown(
  brokers: readonly string[],
  results: readonly Probed[],
  cause: unknown,
): KafkaLabError {
  const up = results.filter(({ r }) => r.ok).map(({ b }) => b);
  const down = results.flatMap(({ b, r }) =>
    r.ok ? [] : [{ address: b, why: probeReason(r.reason) }]
  );
  const local = brokers.every((b) => /^(localhost|127\.0\.0\.1|\[::1\]):\d+$/.test(b));
  return partlyDownError(down, up, {
    cause,
    ...(local ? {} : {
      hint: t(
        "`kafka-lab status` shows which brokers run; ask the cluster's operator about the others",
        "какие брокеры работают, покажет `kafka-lab status`; об остальных спросите администратора кластера",
      ),
    }),
  });
}

/** A port that accepts TCP but does not answer as Kafka within `ms` (exit 3). */
export function silentPortError(brokers: readonly string[], ms: number): UnreachableError {
  const vars = { brokers: brokers.join(", "), seconds: ms / 1000 };
  const start = startHint(brokers);
  return new UnreachableError(
    fillText(
      t(
        "no Kafka broker answered at {brokers} within {seconds} s (the port accepts connections, but nothing speaks Kafka there)",
        "ни один брокер Kafka не ответил по адресу {brokers} за {seconds} с (порт принимает соединения, но Kafka на нём не отвечает)",
      ),
      vars,
    ),
    {
      hint: {
        en: `${start.en}, or check KAFKA_BROKERS / --bootstrap-server`,
        ru: `${start.ru}, или проверьте KAFKA_BROKERS / --bootstrap-server`,
      },
    },
  );
}
