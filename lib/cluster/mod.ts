/**
 * The local cluster's public API for commands, labs and tests: broker control
 * (see `brokers.ts` for what each function does and guarantees).
 *
 * @example
 * ```ts
 * import { startBroker, stopBroker } from "../lib/cluster/mod.ts";
 * await stopBroker(2, { config: ctx.config, out: ctx.out, kill: true });
 * await startBroker(2, { config: ctx.config, out: ctx.out });
 * ```
 * @module
 */
export {
  type BrokerControlOptions,
  checkStop,
  localNodes,
  type NodeStatus,
  partitionLeaders,
  requireState,
  startBroker,
  type StartResult,
  stopBroker,
  type StopResult,
} from "./brokers.ts";
export {
  forgetPaused,
  pauseBroker,
  type PauseResult,
  resumeAllPaused,
  resumeBroker,
} from "./pause.ts";
export { foreignBootstrap, requireOwnCluster } from "./own.ts";
