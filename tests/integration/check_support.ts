/**
 * What the check integration tests share: a unique student prefix, running
 * `kafka-lab check` as a student would, and removing everything a prefix made
 * (topics, groups, registry subjects).
 * @module
 */
import assert from "node:assert/strict";
import { remember } from "../cleanup.ts";
import { cleanUp, events, runCli } from "../helpers.ts";

/** A prefix no other test uses: `t<8 hex>.`. */
export function uniquePrefix(): string {
  return remember(`t${crypto.randomUUID().slice(0, 8)}.`);
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
  const tasks = events(r.stdout).filter((e) => e.event === "check.task") as unknown as TaskEvent[];
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

/** Deletes the prefix's topics, consumer groups and registry subjects (also done after each test). */
export function removePrefix(prefix: string): Promise<void> {
  return cleanUp({ prefixes: [prefix] });
}

/**
 * The shape of every check test: on a fresh prefix `check <lab>` fails with
 * hints, `work` does the lab as a student would, then `check <lab>` passes.
 * Returns the prefix and the passing run's tasks; what the prefix made is
 * deleted after the test.
 */
export async function failsThenPasses(
  lab: string,
  work: (prefix: string) => Promise<unknown>,
): Promise<{ prefix: string; tasks: TaskEvent[] }> {
  const prefix = uniquePrefix();
  await assertFailsBeforeWork(lab, prefix);
  await work(prefix);
  return { prefix, tasks: await assertPassesAfterWork(lab, prefix) };
}
