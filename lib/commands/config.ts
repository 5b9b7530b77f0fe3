/**
 * `kafka-lab config`: prints every resolved setting and where it came from.
 * @module
 */
import type { Command } from "../cli/command.ts";
import type { Context } from "../context.ts";
import { table } from "../output.ts";

/** The `config` command. */
export const configCommand: Command = {
  name: "config",
  summary: "Show the resolved settings and where each came from",
  description: `
Settings are resolved in this order: command-line flag, environment variable,
.env file in the current folder, the running local cluster, built-in default.
Secrets are masked.`,
  examples: ["kafka-lab config", "KAFKA_BROKERS=broker:9092 kafka-lab config --json"],
  run(ctx: Context): Promise<number> {
    const rows = Object.values(ctx.config.sources).map((s) => {
      const shown = s.value === undefined ? "" : s.secret ? "********" : s.value;
      return { key: s.key, value: shown, source: s.value === undefined ? "unset" : s.source, s };
    });
    for (const r of rows) {
      ctx.out.event("config", {
        key: r.key,
        value: r.value === "" ? null : r.value,
        source: r.source,
        env: r.s.env,
        flag: r.s.flag ? `--${r.s.flag}` : null,
      });
    }
    if (!ctx.out.json) {
      const lines = table(
        ["setting", "value", "source", "set with"],
        rows.map((r) => [
          r.key,
          r.value,
          r.source,
          [r.s.flag ? `--${r.s.flag}` : "", r.s.env].filter((x) => x).join(" / "),
        ]),
      );
      for (const l of lines) ctx.out.line(l);
    }
    return Promise.resolve(0);
  },
};
