/**
 * `kafka-lab status`: the configured cluster as its clients see it.
 * @module
 */
import type { Command } from "../cli/command.ts";
import { isRunning } from "../cluster/process.ts";
import { readState } from "../cluster/state.ts";
import type { Context } from "../context.ts";
import { ExitCode, UnreachableError } from "../errors.ts";
import { probeTcp } from "../net.ts";
import { table } from "../output.ts";

interface BrokerRow {
  id: number | null;
  address: string;
  reachable: boolean;
  registered: boolean;
  controller: boolean;
}

/** The `status` command. */
export const statusCommand: Command = {
  name: "status",
  summary: "Show each broker, the controller, the cluster id and the registry's health",
  description: `
Asks the configured brokers for the cluster metadata, checks that every broker
accepts connections, and that the schema registry answers. For a cluster
started by \`kafka-lab up\` it also lists the brokers that should be there but
are not. Exit code 0 when everything answers, 1 when a part is down, 3 when no
broker answers at all.`,
  examples: ["kafka-lab status", "kafka-lab status --json", "kafka-lab status -b kafka:9092"],
  async run(ctx: Context): Promise<number> {
    const { out } = ctx;
    const kafka = await ctx.kafka();
    const state = readState(ctx.config.stateDir);
    await kafka.preflight();

    const admin = await kafka.connect(kafka.admin());
    let cluster;
    try {
      cluster = await admin.describeCluster();
    } catch (err) {
      throw kafka.translate(err);
    } finally {
      await admin.disconnect().catch(() => {});
    }

    const rows: BrokerRow[] = await Promise.all(cluster.brokers.map(async (b) => {
      const address = `${b.host}:${b.port}`;
      return {
        id: b.nodeId,
        address,
        reachable: (await probeTcp(address, 3000)).ok,
        registered: true,
        controller: b.nodeId === cluster.controller,
      };
    }));
    for (const expected of state?.brokers ?? []) {
      if (!rows.some((r) => r.id === expected.id)) {
        rows.push({
          id: expected.id,
          address: expected.address,
          reachable: (await probeTcp(expected.address, 3000)).ok,
          registered: false,
          controller: false,
        });
      }
    }
    rows.sort((a, b) => (a.id ?? 0) - (b.id ?? 0));

    let registryHealth = "up";
    let registryOk = true;
    try {
      await (await ctx.registry()).preflight();
    } catch (err) {
      registryOk = false;
      registryHealth = err instanceof UnreachableError ? err.message : String(err);
    }

    const local = state
      ? {
        runtime: state.runtime,
        processes: state.processes.map((p) => ({
          name: p.name,
          pid: p.pid,
          running: isRunning(p),
          log: p.logFile,
        })),
      }
      : null;

    out.event("status", {
      clusterId: cluster.clusterId,
      controller: cluster.controller,
      brokers: rows,
      registry: { url: ctx.config.registryUrl, ok: registryOk, detail: registryHealth },
      local,
    });
    if (!out.json) {
      out.line(`cluster id   ${cluster.clusterId}`);
      out.line(`controller   broker ${cluster.controller ?? "none"}`);
      out.line();
      const lines = table(
        ["broker", "address", "reachable", "in metadata", "role"],
        rows.map((r) => [
          String(r.id ?? "?"),
          r.address,
          r.reachable ? out.style("green", "yes") : out.style("red", "no"),
          r.registered ? "yes" : out.style("red", "no"),
          r.controller ? "active controller" : "",
        ]),
      );
      for (const l of lines) out.line(`  ${l}`);
      out.line();
      out.line(
        `registry     ${ctx.config.registryUrl}: ${
          registryOk ? out.style("green", "up") : out.style("red", registryHealth)
        }`,
      );
      if (local) {
        out.line(`local        ${local.runtime} runtime, started by kafka-lab up`);
        for (const p of local.processes) {
          out.line(
            `  ${p.name.padEnd(10)} pid ${String(p.pid).padEnd(8)} ${
              p.running ? "running" : out.style("red", "not running")
            }  ${p.log}`,
          );
        }
      }
    }
    const allUp = rows.every((r) => r.reachable && r.registered) && registryOk;
    return allUp ? ExitCode.ok : ExitCode.failed;
  },
};
