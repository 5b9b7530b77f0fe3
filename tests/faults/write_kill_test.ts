/**
 * `kafka-lab write` under leader SIGKILLs writes each stdin line once. Its
 * producer used to be the plain one: a send retried after a leader died was
 * stored twice (4 of 9 trials, exit 0, every record acknowledged). The lines
 * are counted with kcat, an independent client.
 */
import assert from "node:assert/strict";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import { waitFor, withTimeout } from "../../lib/time.ts";
import {
  captureOutput,
  clusterConfig,
  MAIN,
  parseEvent,
  PERMISSION_FLAGS,
  ROOT,
  unique,
} from "../helpers.ts";
import {
  createKillTopic,
  killBroker,
  type KilledBroker,
  leaders,
  restartBroker,
  waitForFullIsr,
} from "./broker_faults.ts";
import { isFaultCluster } from "./fault_cluster.ts";

const config = clusterConfig();
const kafka = new KafkaClients(config, captureOutput().out);

const KILLS = 5;
/** How far the lines written run ahead of the acknowledgements. */
const BACKLOG = 3000;
/** Acknowledgements through the new leaders before the killed broker is started again. */
const AFTER_KILL = 2000;

function progress(text: string): void {
  Deno.stderr.writeSync(new TextEncoder().encode(`  [write kill test] ${text}\n`));
}

function bounded<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  return withTimeout(work, ms, () => new Error(`${what} took over ${ms / 1000} s`));
}

/** How often each value is in `topic`, read with kcat to the end. */
async function kcatCounts(topic: string): Promise<Map<string, number>> {
  const out = await new Deno.Command("kcat", {
    args: ["-b", config.brokers.join(","), "-C", "-t", topic, "-e", "-q", "-f", "%s\\n"],
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(120_000),
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  const counts = new Map<string, number>();
  for (const line of new TextDecoder().decode(out.stdout).split("\n")) {
    if (line !== "") counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return counts;
}

Deno.test({
  name: "write: 5 leader SIGKILLs while stdin streams in; kcat finds each line exactly once",
  ignore: !isFaultCluster(config),
  sanitizeOps: false, // a killed broker's half-open connections close in the background
  sanitizeResources: false,
  async fn() {
    const topic = unique("write-kill");
    await createKillTopic(kafka, topic);
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", ...PERMISSION_FLAGS, MAIN, "write", topic, "--json"],
      env: { NO_COLOR: "1" },
      cwd: ROOT,
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    let delivered = 0;
    let rest = "";
    const reading = (async () => {
      for await (const chunk of child.stdout.pipeThrough(new TextDecoderStream())) {
        const lines = (rest + chunk).split("\n");
        rest = lines.pop()!;
        for (const l of lines) {
          if (l.startsWith("{") && parseEvent(l).event === "write.record.delivered") delivered++;
        }
      }
    })();
    const stderr = new Response(child.stderr).text();
    const stdin = child.stdin.getWriter();
    let written = 0;
    // Lines stream in all the time, a few thousand ahead of the acknowledgements,
    // so a send is in flight whenever a leader dies.
    let feeding = true;
    const feeder = (async () => {
      while (feeding) {
        if (written - delivered >= BACKLOG) {
          await waitFor(() => !feeding || written - delivered < BACKLOG, {
            timeoutMs: 1_000,
            intervalMs: 2,
          });
          continue;
        }
        let text = "";
        for (let i = 0; i < 100; i++) text += `w-${++written}\n`;
        await stdin.write(new TextEncoder().encode(text));
      }
    })();
    let killed: KilledBroker | undefined;
    try {
      for (let cycle = 0; cycle < KILLS; cycle++) {
        // The kill lands after a varied number of further acknowledgements.
        const before = delivered + 500 + (cycle * 373) % 1200;
        assert.ok(
          await waitFor(() => delivered >= before, { timeoutMs: 120_000, intervalMs: 2 }),
          `cycle ${cycle}: ${delivered} of ${before} delivered before the kill`,
        );
        const leader = (await bounded(
          "reading the leaders",
          60_000,
          kafka.withAdmin((admin) => leaders(admin, topic)),
        )).get(cycle % 3);
        assert.ok(leader !== undefined && leader >= 0, `partition ${cycle % 3} has a leader`);
        killed = killBroker(config.stateDir, leader);
        const atKill = delivered;
        progress(`cycle ${cycle}: killed broker ${leader} at ${atKill}/${written} delivered`);
        assert.ok(
          await waitFor(() => delivered >= atKill + AFTER_KILL, {
            timeoutMs: 180_000,
            intervalMs: 50,
          }),
          `cycle ${cycle}: only ${delivered - atKill} delivered after the kill`,
        );
        restartBroker(config.stateDir, killed);
        killed = undefined;
        assert.ok(
          await bounded(
            "waiting for a full ISR",
            200_000,
            kafka.withAdmin((admin) => waitForFullIsr(admin, topic, 180_000)),
          ),
          `ISR full again after cycle ${cycle}`,
        );
        progress(`cycle ${cycle}: broker ${leader} back, ISR full`);
      }
      feeding = false;
      await feeder;
      await stdin.close();
      const status = await bounded("write's exit", 120_000, child.status);
      await reading;
      assert.equal(status.code, 0, await stderr);
    } finally {
      if (killed) restartBroker(config.stateDir, killed);
      feeding = false;
      await feeder.catch(() => {});
      await stdin.close().catch(() => {});
      try {
        child.kill("SIGKILL");
      } catch { /* exited */ }
      await child.status;
      await reading.catch(() => {});
      await stderr.catch(() => "");
    }
    assert.equal(delivered, written, "write acknowledged every line");
    const counts = await kcatCounts(topic);
    const missing: string[] = [];
    for (let i = 1; i <= written; i++) if (!counts.has(`w-${i}`)) missing.push(`w-${i}`);
    const duplicated = [...counts].filter(([, c]) => c > 1).map(([v]) => v);
    progress(
      `${KILLS} kills, ${written} lines: ${counts.size} distinct in the topic, ` +
        `${missing.length} missing, ${duplicated.length} duplicated`,
    );
    assert.deepEqual(missing, [], "every line is in the topic");
    assert.deepEqual(duplicated, [], "no line is in the topic twice");
    assert.equal(counts.size, written, "nothing but the lines written");
    await kafka.withAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  },
});
