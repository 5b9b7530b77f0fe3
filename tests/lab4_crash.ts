/**
 * The lab 4 crash experiment that an integration test and the answer key
 * share: a batch consumer (batches of 10, 100 ms per record) is SIGKILLed
 * after a commit, in the middle of its next batch, then the same group runs
 * again until idle.
 * @module
 */
import assert from "node:assert/strict";
import { waitFor } from "../lib/time.ts";
import { CliProcess, events, runCli } from "./helpers.ts";

/** One `--json` event. */
export type Event = Record<string, unknown> & { event: string };

/** What the two runs printed. */
export interface Crash {
  /** Every event of the killed run. */
  readonly killed: readonly Event[];
  /** The records the killed run processed after its last commit. */
  readonly uncommitted: readonly Event[];
  /** The records the second run processed. */
  readonly again: readonly Event[];
}

const processed = (evs: readonly Event[]) => evs.filter((e) => e.event === "lab4.record.processed");

/** Records the killed run processed after its last commit (undefined before the first commit). */
function afterLastCommit(evs: readonly Event[]): Event[] | undefined {
  const i = evs.findLastIndex((e) => e.event === "lab4.batch.committed");
  return i < 0 ? undefined : processed(evs.slice(i + 1));
}

/**
 * Kills a batch consumer of `group` mid-batch, runs `beforeRestart` (e.g. to
 * read the committed offsets the crash left), restarts it, and returns what
 * both runs did.
 */
export async function crashMidBatch(
  topic: string,
  group: string,
  beforeRestart: () => Promise<void> = async () => {},
): Promise<Crash> {
  const args = [
    "lab4",
    "consume",
    "--mode",
    "batch",
    "--json",
    "--topic",
    topic,
    "--group",
    group,
    "--batch-size",
    "10",
    "--process-ms",
    "100",
  ];
  const first = new CliProcess(args);
  const midBatch = await waitFor(() => (afterLastCommit(first.events)?.length ?? 0) >= 2, {
    timeoutMs: 60_000,
    intervalMs: 20,
  });
  first.kill("SIGKILL");
  const killed = await first.finish();
  assert.ok(midBatch, `a commit and records after it; got ${first.events.length} events`);
  assert.notEqual(killed.code, 0);
  await beforeRestart();
  const again = await runCli([...args, "--idle-timeout", "5"], { timeoutMs: 90_000 });
  assert.equal(again.code, 0, `${again.stderr}\n${again.stdout.split("\n").slice(-5).join("\n")}`);
  return {
    killed: first.events as Event[],
    uncommitted: afterLastCommit(first.events as Event[])!,
    again: processed(events(again.stdout) as Event[]),
  };
}
