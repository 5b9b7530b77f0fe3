/**
 * Missing, or hidden? On a cluster with ACLs a topic or group the user may
 * not describe looks absent: Metadata leaves it out of every listing, and
 * kafkajs swallows the GROUP_AUTHORIZATION_FAILED of a coordinator lookup
 * into "group coordinator not found". When a command fails with "does not
 * exist" or that, on a SASL cluster, this asks the broker about that one
 * name on the wire (Metadata v5, FindCoordinator v3) and, when the answer is
 * an authorization error, turns the failure into the refusal it really is
 * (exit 4, what to ask the instructor).
 *
 * @example
 * ```ts
 * const refused = await refusalBehind(err, translateError(err), config);
 * ```
 * @module
 */
import type { Config } from "../config.ts";
import { causeChain } from "../error_kinds.ts";
import { type AuthError, type KafkaLabError, refusedError } from "../errors.ts";
import { Writer } from "./wire/codec.ts";
import { fetchMetadata } from "./wire/client.ts";
import { adminRequest } from "./wire/acls.ts";
import { kafkaErrorName } from "./wire/errors.ts";

const TOPIC_AUTHORIZATION_FAILED = 29;
const GROUP_AUTHORIZATION_FAILED = 30;
const TIMEOUT_MS = 3000;

/** The error code of FindCoordinator v3 for consumer group `group` (0: found). */
export async function findCoordinatorError(
  brokers: readonly string[],
  group: string,
  sasl: Config["sasl"],
): Promise<number> {
  const body = new Writer().compactString(group).int8(0).uvarint(0).bytes();
  const api = { key: 10, version: 3, flexible: true };
  return await adminRequest(brokers, api, body, { sasl, timeoutMs: TIMEOUT_MS }, (r) => {
    r.int32(); // throttle
    const code = r.int16();
    r.compactNullableString();
    r.int32(); // node id
    r.compactString(); // host
    r.int32(); // port
    return code;
  });
}

/** What a failure says could not be found: a tagged "does not exist", or kafkajs' coordinator. */
function missingOf(
  err: unknown,
  e: KafkaLabError,
): { kind: "topic" | "group"; name: string } | undefined {
  if (e.missing) return e.missing;
  for (const c of causeChain(err)) {
    if (c.name === "KafkaJSGroupCoordinatorNotFound" && typeof c.groupId === "string") {
      return { kind: "group", name: c.groupId };
    }
  }
  return undefined;
}

/**
 * The refusal behind a "not found" failure on a SASL cluster, or undefined
 * (no login, TLS, nothing named, really missing, or no broker answered).
 */
export async function refusalBehind(
  err: unknown,
  e: KafkaLabError,
  config: Pick<Config, "brokers" | "sasl" | "ssl">,
): Promise<AuthError | undefined> {
  const missing = missingOf(err, e);
  if (!missing || !config.sasl || config.ssl) return undefined;
  try {
    if (missing.kind === "topic") {
      const md = await fetchMetadata(config.brokers, [missing.name], TIMEOUT_MS, config.sasl);
      const code = md.topics.find((tp) => tp.name === missing.name)?.errorCode;
      if (code !== TOPIC_AUTHORIZATION_FAILED) return undefined;
      return refusedError({ kind: "topic", type: kafkaErrorName(code), name: missing.name }, err);
    }
    const code = await findCoordinatorError(config.brokers, missing.name, config.sasl);
    if (code !== GROUP_AUTHORIZATION_FAILED) return undefined;
    return refusedError({ kind: "group", type: kafkaErrorName(code), name: missing.name }, err);
  } catch {
    return undefined;
  }
}
