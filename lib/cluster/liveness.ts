/**
 * Whether a broker really serves, not only whether its port takes a
 * connection: a paused (SIGSTOP) or wedged JVM still accepts TCP connections
 * (the kernel queues them), but answers no request. One ApiVersions request
 * (v0, allowed before SASL authentication, so it works on a SCRAM listener
 * too) with a short deadline tells the three cases apart.
 * @module
 */
import { Buffer } from "node:buffer";
import { request } from "../kafka/wire/client.ts";
import { NoAnswerError } from "../kafka/port.ts";
import { probeTcp } from "../net.ts";
import { t } from "../i18n.ts";

/** `answers`: it served a request; `not-responding`: connected, no answer in time; `down`: refused. */
export type Liveness = "answers" | "not-responding" | "down";

const API_VERSIONS = { key: 18, version: 0, flexible: false } as const;

/** Default deadline of one liveness probe. */
export const LIVENESS_TIMEOUT_MS = 2000;

/** Asks the broker at `address` for its API versions, `timeoutMs` at most. */
export async function brokerLiveness(
  address: string,
  timeoutMs = LIVENESS_TIMEOUT_MS,
): Promise<Liveness> {
  try {
    const r = await request(address, API_VERSIONS, Buffer.alloc(0), timeoutMs);
    r.int16(); // error code: any answer means the broker's request threads run
    return "answers";
  } catch (err) {
    if (err instanceof NoAnswerError) {
      // A connect that timed out (nothing listens, packets dropped) is down, not hung.
      return (await probeTcp(address, Math.min(500, timeoutMs))).ok ? "not-responding" : "down";
    }
    // Refused, or closed at once (a listener that wants TLS): alive when it takes connections.
    return (await probeTcp(address, Math.min(500, timeoutMs))).ok ? "answers" : "down";
  }
}

/** The words for each liveness, for tables and sentences. */
export const LIVENESS_TEXT = {
  answers: t("up", "работает"),
  "not-responding": t("not responding", "не отвечает"),
  down: t("down", "остановлен"),
} as const;
