/**
 * The options of `kafka-lab broker stop` and `broker start` (`broker.ts`
 * declares the commands, `broker_run.ts` runs them).
 * @module
 */
import type { OptionSpec } from "../../lib/cli/args.ts";
import { t } from "../../lib/i18n.ts";

/** The options of `broker stop`. */
export const STOP_OPTIONS = [{
  name: "kill",
  type: "boolean",
  description: t("SIGKILL instead of SIGTERM (a crash)", "SIGKILL вместо SIGTERM (сбой)"),
}] as const satisfies readonly OptionSpec[];

/** The options of `broker start`. */
export const START_OPTIONS = [{
  name: "timeout",
  type: "integer",
  min: 5,
  default: 180,
  valueName: "SECONDS",
  description: t(
    "Give up when the broker has not rejoined by then",
    "Сдаться, если брокер не вернулся в кластер за это время",
  ),
}] as const satisfies readonly OptionSpec[];
