/**
 * Every test deletes what it made. Names come from `unique()` and topics from
 * `createTopic()` (tests/helpers.ts), which remember them here; after each
 * test of a file that imports the helpers, the topics, consumer groups and
 * registry subjects whose names start with a remembered name are deleted (a
 * lab run with `--topic <name>` makes `<name>.dlq`, `--prefix <name>` makes
 * several). Names carry a random UUID, so a prefix match never reaches
 * another test's objects.
 * @module
 */
import { resolveConfig } from "../lib/config.ts";
import { protocolErrorType } from "../lib/errors.ts";
import { KafkaClients } from "../lib/kafka/clients.ts";
import { Output } from "../lib/output.ts";

const remembered = new Set<string>();

/** Marks `name` (a topic, group or subject, or the prefix of several) for deletion after the test. */
export function remember(name: string): string {
  remembered.add(name);
  return name;
}

/** What a test made and must delete: named topics and groups, or everything behind a prefix. */
export interface Made {
  readonly topics?: readonly string[];
  readonly groups?: readonly string[];
  /** Every topic, consumer group and subject whose name starts with one of these. */
  readonly prefixes?: readonly string[];
}

function silentKafka(): { kafka: KafkaClients; registryUrl: string } {
  const config = resolveConfig({
    flags: {},
    env: Deno.env.toObject(),
    dotenv: {},
    os: Deno.build.os,
  });
  const out = new Output({ json: false, quiet: true, verbose: false, color: false }, {
    out: () => {},
    err: () => {},
    errIsTerminal: false,
  });
  return { kafka: new KafkaClients(config, out), registryUrl: config.registryUrl };
}

/** Soft-deletes, then permanently deletes, every registry subject starting with one of `prefixes`. */
async function deleteSubjects(registryUrl: string, prefixes: readonly string[]): Promise<void> {
  const res = await fetch(`${registryUrl}/subjects`, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) return void await res.body?.cancel();
  const subjects = (await res.json()) as string[];
  for (const s of subjects.filter((s) => prefixes.some((p) => s.startsWith(p)))) {
    for (const query of ["", "?permanent=true"]) {
      const url = `${registryUrl}/subjects/${encodeURIComponent(s)}${query}`;
      await (await fetch(url, { method: "DELETE", signal: AbortSignal.timeout(10_000) })).body
        ?.cancel();
    }
  }
}

/**
 * Deletes the topics, consumer groups and subjects a test made. Missing ones
 * are skipped; a group still in use is left to expire.
 */
export async function cleanUp(made: Made): Promise<void> {
  const prefixes = made.prefixes ?? [];
  const matches = (name: string, named: readonly string[] = []) =>
    named.includes(name) || prefixes.some((p) => name.startsWith(p));
  const { kafka, registryUrl } = silentKafka();
  await kafka.withAdmin(async (admin) => {
    const topics = (await admin.listTopics()).filter((t) => matches(t, made.topics));
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId)
      .filter((g) => matches(g, made.groups));
    if (groups.length > 0) await admin.deleteGroups(groups).catch(() => {});
    for (const topic of topics) {
      // A topic the test deleted itself may still be listed for a moment.
      await admin.deleteTopics({ topics: [topic], timeout: 30_000 }).catch((err) => {
        if (protocolErrorType(err) !== "UNKNOWN_TOPIC_OR_PARTITION") throw err;
      });
    }
  });
  if (prefixes.length > 0) await deleteSubjects(registryUrl, prefixes).catch(() => {});
}

Deno.test.afterEach(async () => {
  if (remembered.size === 0) return;
  const prefixes = [...remembered];
  remembered.clear();
  try {
    await cleanUp({ prefixes });
  } catch (err) {
    // A test that leaves the cluster unreachable has failed already; say what stays behind.
    // deno-lint-ignore no-console
    console.error(`[cleanup] could not delete ${prefixes.join(", ")}: ${err}`);
  }
});
