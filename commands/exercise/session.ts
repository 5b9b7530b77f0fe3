/**
 * One exercise check run: the student's folder and manifest, fresh names of
 * the check's own, the Kafka port, and `run(program, env)`, which runs one of
 * the manifest's programs with the grader's settings and a bound, and reports
 * how it ended (`exercise.program.ran`).
 * @module
 */
import type { Context } from "../../lib/context.ts";
import { freshPrefix } from "../../lib/exercise/broker.ts";
import type { Manifest } from "../../lib/exercise/manifest.ts";
import { RUN_BOUND_SECONDS, runProgram } from "../../lib/exercise/process.ts";
import type { ProgramRun } from "../../lib/exercise/types.ts";
import { fill, pick } from "../../lib/i18n.ts";
import type { Kafka } from "../../lib/kafka/port.ts";
import { Names } from "../../lib/names.ts";
import type { RegistryClient } from "../../lib/registry.ts";
import { EXERCISE_EVENTS } from "./events.ts";
import { EXERCISE_TEXT } from "./text.ts";

/** What a lab's exercise check gets. */
export interface ExerciseSession {
  readonly kafka: Kafka;
  /** The check run's own names (a fresh prefix). */
  readonly names: Names;
  readonly signal: AbortSignal;
  /** The Schema Registry's URL (Confluent-compatible API). */
  readonly registryUrl: string;
  /** The Schema Registry client (made on first use). */
  registry(): Promise<RegistryClient>;
  /** Says which topic and group the check uses. */
  announce(used: { topic: string; group: string }): void;
  /** Runs the manifest's `program` with the grader's settings plus `env`. */
  run(
    program: string,
    env: Record<string, string>,
    options?: { killWhen?: (stdout: string) => boolean },
  ): Promise<ProgramRun>;
}

/** Makes the session of one check of the exercise in `dir`. */
export async function openSession(
  ctx: Context,
  manifest: Manifest,
  dir: string,
): Promise<ExerciseSession> {
  const kafka = await ctx.kafka();
  const names = new Names(freshPrefix());
  const text = pick(EXERCISE_TEXT, ctx.config.lang);
  const { out } = ctx;
  const base = {
    KAFKA_BROKERS: ctx.config.brokers.join(","),
    SCHEMA_REGISTRY_URL: ctx.config.registryUrl,
    KAFKA_LAB_PREFIX: names.prefix,
    NO_COLOR: "1",
  };
  return {
    kafka,
    names,
    signal: ctx.signal,
    registryUrl: ctx.config.registryUrl,
    registry: () => ctx.registry(),
    announce(used) {
      const data = { lab: manifest.lab, dir, prefix: names.prefix, ...used };
      out.event(EXERCISE_EVENTS.started, data, out.style("dim", fill(text.checking, data)));
    },
    async run(program, env, options = {}) {
      const command = manifest.programs[program];
      out.line(out.style("dim", fill(text.running, { program, command: command.join(" ") })));
      const run = await runProgram(command, {
        cwd: dir,
        env: { ...base, ...env },
        boundSeconds: RUN_BOUND_SECONDS,
        signal: ctx.signal,
        killWhen: options.killWhen,
      });
      const how = run.timedOut
        ? fill(text.killed, { bound: run.boundSeconds })
        : run.killedOnPurpose
        ? text.crashed
        : fill(text.exited, { code: String(run.code ?? "-") });
      out.event(
        EXERCISE_EVENTS.program,
        { program, command: [...command], code: run.code, timedOut: run.timedOut },
        out.style("dim", fill(text.ran, { program, how })),
      );
      return run;
    },
  };
}
