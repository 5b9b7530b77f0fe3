/**
 * What the check integration tests share: a unique student prefix, running
 * `kafka-lab check` as a student would, and removing everything a prefix made
 * (topics, groups, registry subjects).
 * @module
 */
import assert from "node:assert/strict";
import { KafkaClients } from "../../lib/kafka.ts";
import { captureOutput, clusterConfig, events, runCli } from "../helpers.ts";

/** A prefix no other test uses: `t<8 hex>.`. */
export function uniquePrefix(): string {
  return `t${crypto.randomUUID().slice(0, 8)}.`;
}

/** A task event of `check --json`. */
export interface TaskEvent {
  readonly task: string;
  readonly required: boolean;
  readonly pass: boolean;
  readonly evidence: string;
  readonly hint: string | null;
}

/** Runs `kafka-lab check <lab> --prefix <prefix> --json`; returns its exit code and task events. */
export async function check(
  lab: string,
  prefix: string,
): Promise<{ code: number; tasks: TaskEvent[]; stderr: string }> {
  const r = await runCli(["check", lab, "--prefix", prefix, "--json"]);
  const tasks = events(r.stdout).filter((e) => e.event === "task") as unknown as TaskEvent[];
  return { code: r.code, tasks, stderr: r.stderr };
}

/** Asserts the state of an empty cluster: exit 1, every required task failed with a hint. */
export async function assertFailsBeforeWork(lab: string, prefix: string): Promise<void> {
  const before = await check(lab, prefix);
  assert.equal(before.code, 1, before.stderr);
  const required = before.tasks.filter((t) => t.required);
  assert.ok(required.length > 0);
  for (const t of required) {
    assert.equal(t.pass, false, `${t.task}: ${t.evidence}`);
    assert.ok(
      t.hint && t.hint.includes(prefix),
      `${t.task} has a hint naming the prefix: ${t.hint}`,
    );
  }
}

/** Asserts exit 0 and every required task passed; returns the tasks. */
export async function assertPassesAfterWork(lab: string, prefix: string): Promise<TaskEvent[]> {
  const after = await check(lab, prefix);
  const failed = after.tasks.filter((t) => t.required && !t.pass);
  assert.deepEqual(failed.map((t) => `${t.task}: ${t.evidence}`), []);
  assert.equal(after.code, 0, after.stderr);
  return after.tasks;
}

/** Runs the CLI and asserts exit 0. */
export async function runOk(args: readonly string[]): Promise<string> {
  const r = await runCli(args, { timeoutMs: 180_000 });
  assert.equal(r.code, 0, `kafka-lab ${args.join(" ")}\n${r.stderr}`);
  return r.stdout;
}

/** Deletes the prefix's topics, consumer groups and registry subjects. */
export async function removePrefix(prefix: string): Promise<void> {
  const config = clusterConfig();
  const kafka = new KafkaClients(config, captureOutput().out);
  await kafka.withAdmin(async (admin) => {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId)
      .filter((g) => g.startsWith(prefix));
    if (groups.length > 0) await admin.deleteGroups(groups).catch(() => {});
  });
  const res = await fetch(`${config.registryUrl}/subjects`);
  const listed: unknown = await res.json();
  assert.ok(Array.isArray(listed), `GET ${config.registryUrl}/subjects answered a list`);
  const subjects = (listed as string[]).filter((s) => s.startsWith(prefix));
  for (const s of subjects) {
    await (await fetch(`${config.registryUrl}/subjects/${encodeURIComponent(s)}`, {
      method: "DELETE",
    }))
      .body?.cancel();
  }
}
