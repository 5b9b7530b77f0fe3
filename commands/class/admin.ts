/**
 * The instructor's side of `class`: the admin login from the configuration
 * (the local cluster's own user after `up --auth scram --acl`, else
 * KAFKA_LAB_SASL_* / `.env`), and the wire client's user and ACL requests
 * made with it. kafkajs 2.2.4 cannot manage SCRAM users, and its ACL admin
 * retries refusals; the wire client sends one request for the whole class
 * and reads each item's answer (see `lib/kafka/wire/acls.ts`).
 * @module
 */
import type { Config } from "../../lib/config.ts";
import { KafkaLabError, UsageError } from "../../lib/errors.ts";
import { t } from "../../lib/i18n.ts";
import { type AclBinding, describeAcls, type WireAdminOptions } from "../../lib/kafka/wire/acls.ts";
import { describeScramUsers } from "../../lib/kafka/wire/scram_users.ts";
import { aclKey } from "./plan.ts";
import { CLASS_TEXT as T } from "./text.ts";

/**
 * Runs admin requests, turning SECURITY_DISABLED (a cluster without an
 * authorizer: no ACL can be made or read) into words and a hint.
 */
export async function asAdmin<R>(fn: () => Promise<R>): Promise<R> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof Error && (err as { type?: string }).type === "SECURITY_DISABLED") {
      throw new KafkaLabError(T.securityDisabled, { hint: T.securityDisabledHint, cause: err });
    }
    throw err;
  }
}

/** The brokers and the login every admin request uses. */
export interface Admin {
  readonly brokers: readonly string[];
  readonly options: WireAdminOptions;
}

/** The admin login of `config`; the wire client speaks no TLS, so a TLS cluster is refused. */
export function adminOf(config: Config): Admin {
  if (config.ssl) {
    throw new UsageError(
      t(
        "`class` manages users and ACLs over plaintext or SASL_PLAINTEXT listeners only, not TLS",
        "`class` управляет пользователями и ACL только через слушатели PLAINTEXT или SASL_PLAINTEXT, не TLS",
      ),
      t(
        "on a TLS cluster make users and ACLs with the cluster's tools (README: Running a class on one shared cluster), then `class init --skip-users --skip-acls` writes the .env files",
        "на кластере с TLS создайте пользователей и ACL его средствами (README, раздел «Running a class on one shared cluster»), затем `class init --skip-users --skip-acls` запишет файлы .env",
      ),
    );
  }
  return { brokers: config.brokers, options: { sasl: config.sasl, timeoutMs: 10_000 } };
}

/**
 * Waits until every bootstrap broker knows the users and the ACLs (they
 * reach each broker through the metadata log, a moment after the controller
 * accepts them), so a student's first command is not refused by a broker
 * that has not heard of them yet. Gives up quietly after `deadlineMs`.
 */
export async function awaitPropagation(
  admin: Admin,
  users: readonly string[],
  acls: readonly AclBinding[],
  deadlineMs = 15_000,
): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  const wanted = new Set(acls.map(aclKey));
  for (const broker of admin.brokers) {
    for (;;) {
      const known = await knows(broker, admin, users, wanted).catch(() => false);
      if (known) break;
      if (Date.now() > end) return false;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return true;
}

async function knows(
  broker: string,
  admin: Admin,
  users: readonly string[],
  wanted: ReadonlySet<string>,
): Promise<boolean> {
  if (users.length > 0) {
    const found = await describeScramUsers([broker], users, admin.options);
    if (found.length < users.length) return false;
  }
  if (wanted.size === 0) return true;
  const have = new Set((await describeAcls([broker], {}, admin.options)).map(aclKey));
  return [...wanted].every((k) => have.has(k));
}
