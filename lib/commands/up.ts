/**
 * `kafka-lab up`: starts the local cluster (3 brokers and a schema registry).
 * @module
 */
import type { ParsedArgs } from "../cli/args.ts";
import type { Command } from "../cli/command.ts";
import { MAX_BROKERS } from "../cluster/kraft.ts";
import type { RuntimeName } from "../cluster/runtime.ts";
import type { Context } from "../context.ts";
import { table } from "../output.ts";
import { KAFKA_VERSION } from "../version.ts";
import { chooseRuntime } from "./runtime_choice.ts";

/** The `up` command. */
export const upCommand: Command = {
  name: "up",
  summary: `Start a local Kafka ${KAFKA_VERSION} cluster (KRaft) and a schema registry`,
  description: `
Starts the brokers and the schema registry on this machine and waits until
they serve clients. Labs then need no configuration: brokers at
localhost:19092.., the registry at http://localhost:8081.

Runtimes:
  docker  compose.yaml: 3 apache/kafka:${KAFKA_VERSION} nodes, Confluent Schema Registry, Kafka UI
  java    the official Kafka jars and Apicurio Registry on this machine's Java 17+,
          downloaded once from Maven Central and checked against pinned SHA-256 sums
  auto    docker when a Docker engine answers, else java

Running it again while the cluster runs changes nothing. Data is kept
between \`down\` and \`up\` (\`down --purge\` deletes it).`,
  options: [
    {
      name: "runtime",
      type: "string",
      choices: ["auto", "docker", "java"],
      default: "auto",
      description: "How to run the cluster",
    },
    {
      name: "brokers",
      type: "integer",
      min: 1,
      max: MAX_BROKERS,
      default: 3,
      description: "Number of brokers (docker: 3 only)",
    },
    {
      name: "timeout",
      type: "integer",
      min: 10,
      default: 180,
      valueName: "SECONDS",
      description: "Give up when the cluster is not ready by then",
    },
  ],
  examples: ["kafka-lab up", "kafka-lab up --runtime java --brokers 1", "kafka-lab up --json"],
  async run(ctx: Context, args: ParsedArgs): Promise<number> {
    const runtime = await chooseRuntime(args.string("runtime") as "auto" | RuntimeName, ctx);
    const started = Date.now();
    const { state, alreadyRunning, restarted } = await runtime.up({
      brokers: args.int("brokers")!,
      timeoutMs: args.int("timeout")! * 1000,
    });
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    const { out } = ctx;
    out.event("cluster.up", {
      runtime: state.runtime,
      alreadyRunning,
      restarted: restarted ?? [],
      seconds,
      clusterId: state.clusterId,
      brokers: state.brokers,
      registryUrl: state.registryUrl,
      uiUrl: state.uiUrl,
      stateDir: ctx.config.stateDir,
    });
    if (out.json) return 0;
    out.line(
      out.style(
        "green",
        alreadyRunning
          ? `The local cluster is already running (${state.runtime} runtime); nothing to do.`
          : restarted && restarted.length > 0
          ? `Started ${restarted.join(", ")} again (the rest kept running); ready in ${seconds} s.`
          : `Kafka ${state.kafkaVersion} is up: ${state.brokers.length} broker(s), ${state.runtime} runtime, ready in ${seconds} s.`,
      ),
    );
    out.line();
    for (
      const l of table(
        ["broker", "address"],
        state.brokers.map((b) => [String(b.id), b.address]),
      )
    ) out.line(`  ${l}`);
    out.line();
    out.line(`  schema registry  ${state.registryUrl}`);
    if (state.uiUrl) out.line(`  kafka ui         ${state.uiUrl}`);
    if (state.runtime === "java") out.line(`  data and logs    ${ctx.config.stateDir}/java`);
    out.line();
    out.text(
      "Next: `kafka-lab lab1` creates the course topics; `kafka-lab down` stops the cluster.",
    );
    return 0;
  },
};
