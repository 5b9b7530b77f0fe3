/**
 * SASL/SCRAM on the java runtime (`kafka-lab up --auth scram`): the client
 * listener becomes SASL_PLAINTEXT with SCRAM-SHA-256 (or -512), the
 * controller listener stays PLAINTEXT, and one user is created when the
 * storage is formatted (`kafka-storage format --add-scram`), so the brokers
 * can talk to each other through the same listener from their first start.
 *
 * The credentials are kept in the cluster's data folder (`meta.json`) and in
 * the state file, both readable by the owner only; the config takes them from
 * there when it talks to the local cluster, so later commands need no
 * settings. Passwords are made of letters and digits only: they go into a
 * JAAS line and into the storage tool's `[name=...,password=...]` syntax.
 *
 * @example
 * ```ts
 * const auth = newScramAuth("scram-sha-256");
 * const props = withSaslListener(serverProperties(node, nodes, dir), auth);
 * const args = ["format", "-t", id, "-c", path, ...addScramArgs(auth)];
 * ```
 * @module
 */
import { UsageError } from "../errors.ts";
import type { AUTH_CHOICES } from "./limits.ts";
import { fillText, t } from "../i18n.ts";

/** The SCRAM mechanisms the local cluster can offer. */
export type ScramMechanism = "scram-sha-256" | "scram-sha-512";

export { AUTH_CHOICES } from "./limits.ts";
/** One of {@linkcode AUTH_CHOICES}. */
export type AuthChoice = typeof AUTH_CHOICES[number];

/** The SCRAM user of a local cluster started with `--auth`. */
export interface ClusterAuth {
  readonly mechanism: ScramMechanism;
  readonly username: string;
  readonly password: string;
  /**
   * `up --acl`: the brokers and controllers authorize every request with
   * KRaft's StandardAuthorizer; this user (kafka-lab's admin) is a super user.
   */
  readonly acl?: boolean;
}

/** KRaft's own authorizer, which keeps ACLs in the cluster's metadata log. */
export const STANDARD_AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";

/**
 * The authorizer lines of `up --acl`. Super users: the admin user (clients and
 * brokers replicating through the SASL listener log in as it) and `ANONYMOUS`,
 * the principal of the PLAINTEXT controller listener, where brokers register
 * and fetch metadata from the controllers (they need CLUSTER_ACTION there).
 * The controller listener is bound to loopback and not advertised to clients.
 * Whatever no ACL allows is refused (`allow.everyone.if.no.acl.found=false`).
 */
export function aclProperties(auth: ClusterAuth): string[] {
  return [
    `authorizer.class.name=${STANDARD_AUTHORIZER}`,
    `super.users=User:${auth.username};User:ANONYMOUS`,
    "allow.everyone.if.no.acl.found=false",
  ];
}

/** The user `up --auth scram` creates. */
export const SCRAM_USER = "kafka-lab";

/** The mechanism an `--auth` choice asks for, or undefined for `none`. */
export function scramMechanism(choice: AuthChoice | undefined): ScramMechanism | undefined {
  if (choice === undefined || choice === "none") return undefined;
  return choice === "scram" ? "scram-sha-256" : choice;
}

/** A new user with a random 24-character password (letters and digits). */
export function newScramAuth(
  mechanism: ScramMechanism,
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): ClusterAuth {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = random(new Uint8Array(24));
  const password = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
  return { mechanism, username: SCRAM_USER, password };
}

/** Kafka's name of a mechanism: `SCRAM-SHA-256`. */
export function kafkaMechanismName(mechanism: ScramMechanism): string {
  return mechanism.toUpperCase();
}

/**
 * A node's `server.properties` with its client listener (`EXTERNAL`) turned
 * into SASL_PLAINTEXT with `auth`'s mechanism; brokers replicate through the
 * same listener as the same user. The controller listener is left as it is.
 */
export function withSaslListener(properties: string, auth: ClusterAuth): string {
  const name = kafkaMechanismName(auth.mechanism);
  const lines = properties.trimEnd().split("\n").map((line) =>
    line.startsWith("listener.security.protocol.map=")
      ? line.replace("EXTERNAL:PLAINTEXT", "EXTERNAL:SASL_PLAINTEXT")
      : line
  );
  const jaas = `org.apache.kafka.common.security.scram.ScramLoginModule required ` +
    `username="${auth.username}" password="${auth.password}";`;
  lines.push(
    `sasl.enabled.mechanisms=${name}`,
    `sasl.mechanism.inter.broker.protocol=${name}`,
    `listener.name.external.${name.toLowerCase()}.sasl.jaas.config=${jaas}`,
    ...(auth.acl ? aclProperties(auth) : []),
  );
  return lines.join("\n") + "\n";
}

/** The storage tool's arguments that create the user in the new cluster's metadata. */
export function addScramArgs(auth: ClusterAuth): string[] {
  const name = kafkaMechanismName(auth.mechanism);
  return ["--add-scram", `${name}=[name=${auth.username},password=${auth.password}]`];
}

/**
 * Checks that data formatted with `formatted` (undefined: without a SCRAM
 * user) can serve `wanted`; returns the credentials to run with.
 */
export function authForData(
  formatted: ClusterAuth | undefined,
  wanted: ScramMechanism | undefined,
): ClusterAuth | undefined {
  if (wanted === undefined) return undefined;
  if (formatted?.mechanism === wanted) return formatted;
  throw new UsageError(
    formatted
      ? fillText(
        t(
          "the local cluster's data has a {had} user, not {want}",
          "в данных локального кластера есть пользователь {had}, а не {want}",
        ),
        { had: kafkaMechanismName(formatted.mechanism), want: kafkaMechanismName(wanted) },
      )
      : fillText(
        t(
          "the local cluster's data was made without a SCRAM user, so {want} cannot be turned on",
          "данные локального кластера созданы без пользователя SCRAM, поэтому {want} включить нельзя",
        ),
        { want: kafkaMechanismName(wanted) },
      ),
    t(
      "delete the data with `kafka-lab down --purge`, then `kafka-lab up --auth scram` again",
      "удалите данные: `kafka-lab down --purge`, затем снова `kafka-lab up --auth scram`",
    ),
  );
}

/** Writes a file only its owner can read (it holds a password); no-op modes on Windows. */
export async function writePrivateFile(path: string, text: string): Promise<void> {
  await Deno.writeTextFile(path, text, { mode: 0o600 });
  if (Deno.build.os !== "windows") await Deno.chmod(path, 0o600);
}

/**
 * A running cluster started without (or with another) SCRAM user cannot serve
 * `wanted`; one started without `--acl` cannot serve `acl`.
 */
export function checkRunningAuth(
  running: { readonly auth?: ClusterAuth },
  wanted: ScramMechanism | undefined,
  acl = false,
): void {
  if (acl && running.auth?.mechanism !== undefined && !running.auth.acl) {
    throw new UsageError(
      t(
        "the local cluster already runs without ACLs (--acl)",
        "локальный кластер уже работает без ACL (--acl)",
      ),
      t(
        "stop it with `kafka-lab down`, then `kafka-lab up --auth scram --acl` (the data is kept)",
        "остановите его (`kafka-lab down`), затем `kafka-lab up --auth scram --acl` (данные сохранятся)",
      ),
    );
  }
  if (wanted === undefined || running.auth?.mechanism === wanted) return;
  throw new UsageError(
    fillText(
      t(
        "the local cluster already runs without {want}",
        "локальный кластер уже работает без {want}",
      ),
      { want: kafkaMechanismName(wanted) },
    ),
    t(
      "stop it with `kafka-lab down --purge`, then `kafka-lab up --auth scram`",
      "остановите его (`kafka-lab down --purge`), затем `kafka-lab up --auth scram`",
    ),
  );
}
