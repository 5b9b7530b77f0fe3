/**
 * Picks the cluster runtime for `up` and `down`: the one a recorded cluster
 * uses, else Docker when an engine answers, else Java.
 * @module
 */
import { DockerRuntime } from "../../lib/cluster/docker.ts";
import { JavaRuntime } from "../../lib/cluster/java.ts";
import type { ClusterRuntime, RuntimeName } from "../../lib/cluster/runtime.ts";
import { readState } from "../../lib/cluster/state.ts";
import type { Context } from "../../lib/context.ts";
import { KafkaLabError } from "../../lib/errors.ts";
import { fillText, localize } from "../../lib/i18n.ts";
import { RUNTIME_TEXT as R } from "../../lib/cluster/runtime_text.ts";
import { RUNTIME_EVENTS } from "../../lib/cluster/events.ts";

/** Makes the runtime of that name. */
export function makeRuntime(name: RuntimeName, ctx: Context): ClusterRuntime {
  return name === "docker"
    ? new DockerRuntime(ctx.config, ctx.out, { signal: ctx.signal })
    : new JavaRuntime(ctx.config, ctx.out, { signal: ctx.signal });
}

/** Resolves `auto|java|docker` to a runtime that can run here, saying why when none can. */
export async function chooseRuntime(
  choice: "auto" | RuntimeName,
  ctx: Context,
): Promise<ClusterRuntime> {
  if (choice !== "auto") return makeRuntime(choice, ctx);
  const recorded = readState(ctx.config.stateDir)?.runtime;
  if (recorded) return makeRuntime(recorded, ctx);
  const docker = makeRuntime("docker", ctx);
  const dockerReason = await docker.unavailableReason();
  if (dockerReason === undefined) return docker;
  const java = makeRuntime("java", ctx);
  const javaReason = await java.unavailableReason();
  if (javaReason === undefined) {
    ctx.out.event(
      RUNTIME_EVENTS.chosen,
      { runtime: "java", dockerUnavailable: dockerReason.en },
      localize(R.usingJava, ctx.out.lang, { reason: localize(dockerReason, ctx.out.lang) }),
    );
    return java;
  }
  throw new KafkaLabError(fillText(R.noRuntime, { docker: dockerReason, java: javaReason }), {
    hint: R.noRuntimeHint,
  });
}
