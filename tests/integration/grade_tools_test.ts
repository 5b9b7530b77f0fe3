/**
 * Work done with another tool counts where the cluster shows it: two `kcat -G`
 * consumers read lab 2's records in hello-group and stop; afterwards `check
 * lab2` credits the group's reading and "two consumers in one group" from the
 * group's history, although no member is left.
 */
import assert from "node:assert/strict";
import { captureOutput, clusterConfig } from "../helpers.ts";
import { brokersArg } from "../inspect_fixtures.ts";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import { check, removePrefix, runOk, uniquePrefix } from "./check_support.ts";

async function until(what: string, ok: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

Deno.test("check lab2 credits two kcat -G consumers of hello-group after they stopped", async () => {
  const p = uniquePrefix();
  const kafka = new KafkaClients(clusterConfig(), captureOutput().out);
  const group = `${p}hello-group`;
  const topic = `${p}hello-kafka`;
  const consumers: Deno.ChildProcess[] = [];
  try {
    await runOk(["lab2", "produce", "--quiet", "--prefix", p, "--interval", "0"]);
    for (let i = 0; i < 2; i++) {
      consumers.push(
        new Deno.Command("kcat", {
          args: ["-b", brokersArg(), "-G", group, "-X", "auto.offset.reset=earliest", "-q", topic],
          stdout: "null",
          stderr: "null",
        }).spawn(),
      );
    }
    const described = () =>
      kafka.withAdmin(async (a) => (await a.describeGroups([group])).groups[0]);
    await until("two members in the group", async () => (await described()).members.length >= 2);
    const committed = async () => {
      const offsets = await kafka.withAdmin((a) =>
        a.fetchOffsets({ groupId: group, topics: [topic] })
      );
      return offsets[0]?.partitions.some((x) => Number(x.offset) >= 5) ?? false;
    };
    await until("kcat's auto-commit of offset 5", committed);
    for (const c of consumers) c.kill("SIGINT");
    await Promise.all(consumers.map((c) => c.status));
    await until("the group to be empty", async () => (await described()).members.length === 0);

    const { tasks } = await check("lab2", p);
    const task = (id: string) => tasks.find((t) => t.task === id)!;
    assert.equal(task("hello-group-end").pass, true, task("hello-group-end").evidence);
    assert.equal(task("two-consumers").pass, true, task("two-consumers").evidence);
    assert.match(task("two-consumers").evidence, /had 2 members at once/);
  } finally {
    for (const c of consumers) {
      try {
        c.kill("SIGKILL");
      } catch { /* already gone */ }
    }
    await removePrefix(p);
  }
});
