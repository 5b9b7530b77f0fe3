/**
 * The java runtime's data folder: each node's `server.properties`, and KRaft
 * storage formatted once per cluster (`kafka.tools.StorageTool format`, with a
 * SCRAM user when the cluster is started with `--auth`). `meta.json` records
 * the cluster id, the broker count and the SCRAM user, so a later `up` runs on
 * the same data with the same credentials.
 * @module
 */
import { join } from "node:path";
import { KafkaLabError, UsageError } from "../errors.ts";
import { fillText, localize, t } from "../i18n.ts";
import type { Output } from "../output.ts";
import type { JavaInfo } from "./jvm.ts";
import { TOOL_JVM_OPTIONS } from "./tuning.ts";
import {
  INTERNAL_TOPIC_PARTITIONS,
  newClusterId,
  type NodeSpec,
  serverProperties,
} from "./kraft.ts";
import {
  addScramArgs,
  authForData,
  type ClusterAuth,
  newScramAuth,
  type ScramMechanism,
  withSaslListener,
  writePrivateFile,
} from "./sasl.ts";
import { RUNTIME_EVENTS } from "./events.ts";

/** What `meta.json` records about the cluster's data. */
export interface Meta {
  readonly clusterId: string;
  readonly brokers: number;
  readonly createdAt: string;
  /** The SCRAM user created at format time, if any. */
  readonly auth?: ClusterAuth;
  /** Partitions of the internal topics; unset on older data (Kafka's 50). */
  readonly internalPartitions?: number;
}

/** The recorded meta of the data in `home`, if any. */
export function readMeta(home: string): Meta | undefined {
  try {
    return JSON.parse(Deno.readTextFileSync(join(home, "meta.json")));
  } catch {
    return undefined;
  }
}

/** What {@linkcode prepareStorage} needs. */
export interface StorageOptions {
  readonly home: string;
  readonly nodes: readonly NodeSpec[];
  readonly java: JavaInfo;
  readonly classpath: string;
  readonly log4jPath: string;
  readonly out: Output;
  /** The SCRAM mechanism the client listener should use; undefined for PLAINTEXT. */
  readonly auth?: ScramMechanism;
  /** With `auth`: turn on the StandardAuthorizer (kept for the data once on). */
  readonly acl?: boolean;
  /** Class-data sharing options for the formatting JVM (an existing archive only). */
  readonly cds?: readonly string[];
}

/**
 * Throws a usage error when the data in the folder was made for another
 * number of brokers than `nodes` (KRaft's quorum is fixed at format time).
 */
export function checkDataSize(existing: Meta | undefined, nodes: readonly NodeSpec[]): void {
  if (!existing || existing.brokers === nodes.length) return;
  throw new UsageError(
    fillText(
      t(
        "the local cluster's data was made for {had} broker(s), not {want}",
        "данные локального кластера созданы для брокеров: {had}, а не {want}",
      ),
      { had: existing.brokers, want: nodes.length },
    ),
    fillText(
      t(
        "start it with --brokers {had}, or delete its data with `kafka-lab down --purge`",
        "запустите его с --brokers {had} или удалите данные: `kafka-lab down --purge`",
      ),
      { had: existing.brokers },
    ),
  );
}

/** Writes every node's `server.properties`, with a SASL listener when `auth` is given. */
async function writeNodeProperties(
  home: string,
  nodes: readonly NodeSpec[],
  auth: ClusterAuth | undefined,
  internalPartitions: number | undefined,
): Promise<void> {
  for (const node of nodes) {
    const dir = join(home, `node-${node.id}`);
    const data = join(dir, "data");
    await Deno.mkdir(data, { recursive: true });
    const plain = serverProperties(node, nodes, data, internalPartitions);
    await writePrivateFile(
      join(dir, "server.properties"),
      auth ? withSaslListener(plain, auth) : plain,
    );
  }
}

/**
 * Writes every node's `server.properties` and formats new storage; returns
 * the meta and the credentials the cluster runs with (undefined: no SASL).
 */
export async function prepareStorage(
  options: StorageOptions,
): Promise<{ meta: Meta; auth?: ClusterAuth }> {
  const { home, nodes } = options;
  const existing = readMeta(home);
  checkDataSize(existing, nodes);
  const auth = withAcl(
    existing
      ? authForData(existing.auth, options.auth)
      : options.auth && newScramAuth(options.auth),
    options.acl === true,
    existing?.auth?.acl === true,
  );
  const meta: Meta = existing ? { ...existing, auth: auth ?? existing.auth } : {
    clusterId: newClusterId(),
    brokers: nodes.length,
    createdAt: new Date().toISOString(),
    auth,
    internalPartitions: INTERNAL_TOPIC_PARTITIONS,
  };
  await writeNodeProperties(home, nodes, auth, meta.internalPartitions);
  if (existing) {
    if (auth?.acl !== existing.auth?.acl) await writeMeta(home, meta);
    return { meta, auth };
  }

  options.out.event(
    RUNTIME_EVENTS.storageFormatting,
    { clusterId: meta.clusterId, brokers: nodes.length, sasl: auth?.mechanism ?? null },
    localize(
      fillText(
        t(
          "Formatting KRaft storage for {n} node(s), cluster id {id}",
          "Форматирование хранилища KRaft для узлов: {n}, id кластера {id}",
        ),
        { n: nodes.length, id: meta.clusterId },
      ),
      options.out.lang,
    ),
  );
  // One JVM formats the first node; the others get a copy of its bootstrap
  // checkpoint (the same for every node: metadata version, features, SCRAM
  // users) and a meta.properties of their own. Three formatting JVMs cost
  // three times the CPU of one on a laptop's two cores.
  const [first, ...rest] = nodes;
  await formatNode(options, first, meta.clusterId, auth);
  await Promise.all(rest.map((node) => copyFormat(home, first, node, meta.clusterId)));
  await writeMeta(home, meta);
  return { meta, auth };
}

/**
 * Formats `node`'s storage like `kafka-storage format` does, from the
 * formatted storage of `from`: its `bootstrap.checkpoint`, and a
 * `meta.properties` with this node's id and a new directory id.
 */
export async function copyFormat(
  home: string,
  from: NodeSpec,
  node: NodeSpec,
  clusterId: string,
): Promise<void> {
  const source = join(home, `node-${from.id}`, "data");
  const data = join(home, `node-${node.id}`, "data");
  await Deno.copyFile(join(source, "bootstrap.checkpoint"), join(data, "bootstrap.checkpoint"));
  await Deno.writeTextFile(join(data, "meta.properties"), metaProperties(node.id, clusterId));
}

/** A node's `meta.properties` (version 1, as Kafka 4 writes it). */
export function metaProperties(
  nodeId: number,
  clusterId: string,
  directoryId: string = newClusterId(),
): string {
  return `version=1\ncluster.id=${clusterId}\nnode.id=${nodeId}\ndirectory.id=${directoryId}\n`;
}

function writeMeta(home: string, meta: Meta): Promise<void> {
  return writePrivateFile(join(home, "meta.json"), JSON.stringify(meta, null, 2) + "\n");
}

/** The user with ACLs on (`acl`), once the data has a SCRAM user; ACLs stay on once turned on. */
function withAcl(
  auth: ClusterAuth | undefined,
  wanted: boolean,
  had: boolean,
): ClusterAuth | undefined {
  if (!auth) {
    if (wanted) {
      throw new UsageError(
        t(
          "--acl needs --auth scram (users to grant rights to)",
          "--acl требует --auth scram (нужны пользователи, которым выдавать права)",
        ),
        t(
          "`kafka-lab up --runtime java --auth scram --acl`",
          "`kafka-lab up --runtime java --auth scram --acl`",
        ),
      );
    }
    return undefined;
  }
  return wanted || had ? { ...auth, acl: true } : auth;
}

async function formatNode(
  options: StorageOptions,
  node: NodeSpec,
  clusterId: string,
  auth: ClusterAuth | undefined,
): Promise<void> {
  const props = join(options.home, `node-${node.id}`, "server.properties");
  const args = [
    ...TOOL_JVM_OPTIONS,
    ...(options.cds ?? []),
    `-Dlog4j2.configurationFile=${options.log4jPath}`,
    "-cp",
    options.classpath,
    "kafka.tools.StorageTool",
    "format",
    "-t",
    clusterId,
    "-c",
    props,
    ...(auth ? addScramArgs(auth) : []),
  ];
  // With a SCRAM user the arguments hold its password: they go to the JVM in
  // an owner-only argument file (`java @file`), never on the command line,
  // which every local user can read in `ps`. The file is deleted after.
  const argFile = auth ? join(options.home, `node-${node.id}`, "format.args") : undefined;
  if (argFile) await writePrivateFile(argFile, javaArgFile(args));
  let res: Deno.CommandOutput;
  try {
    res = await new Deno.Command(options.java.path, {
      args: argFile ? [`@${argFile}`] : args,
      stdout: "piped",
      stderr: "piped",
    }).output();
  } finally {
    if (argFile) await Deno.remove(argFile).catch(() => {});
  }
  if (!res.success) {
    let text = new TextDecoder().decode(res.stdout) + new TextDecoder().decode(res.stderr);
    if (auth) text = text.replaceAll(auth.password, "********");
    throw new KafkaLabError(
      fillText(
        t(
          "formatting the storage of node {id} failed:\n{text}",
          "не удалось отформатировать хранилище узла {id}:\n{text}",
        ),
        { id: node.id, text: text.trim() },
      ),
      {
        hint: t(
          "delete the cluster's data with `kafka-lab down --purge` and try again",
          "удалите данные кластера (`kafka-lab down --purge`) и попробуйте снова",
        ),
      },
    );
  }
}

/**
 * The text of a Java launcher argument file: one argument a line, each in
 * double quotes (backslash and quote escaped), so any character survives.
 */
export function javaArgFile(args: readonly string[]): string {
  return args.map((a) => `"${a.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join("\n") +
    "\n";
}
