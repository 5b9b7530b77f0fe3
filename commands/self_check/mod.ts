/**
 * `kafka-lab self-check` (alias `doctor`): what `kafka-lab up` needs, one line
 * per fact with its fix: Java, the Docker engine, the cluster's ports, the
 * state and cache folders, and the recorded cluster. Exit 1 when something
 * blocks `up`. This module only declares the command; the checks
 * (`self_check/run.ts`) are loaded when it runs.
 * @module
 */
import type { Command } from "../../lib/cli/command.ts";
import type { Context } from "../../lib/context.ts";
import { t } from "../../lib/i18n.ts";

/** The `self-check` command. */
export const selfCheckCommand: Command = {
  name: "self-check",
  summary: t(
    "Check Java, Docker, ports and folders that `up` needs (alias: doctor)",
    "Проверить Java, Docker, порты и каталоги, нужные для `up` (синоним: doctor)",
  ),
  description: t(
    `Looks at everything \`kafka-lab up\` needs and prints one line per check with
its fix: Java 17+ (or a Docker engine), the ports 19092-19094, 19192-19194,
8081 and 8080 (free, used by the kafka-lab cluster, or held by which process),
the state and cache folders, and the recorded cluster. Exit code 1 when
something blocks \`up\`.`,
    `Проверяет всё, что нужно команде \`kafka-lab up\`, и печатает по строке на
проверку с советом, что сделать: Java 17+ (или движок Docker), порты
19092-19094, 19192-19194, 8081 и 8080 (свободны, заняты кластером kafka-lab или
каким процессом), каталоги состояния и кэша, записанный кластер. Код выхода 1,
если что-то мешает \`up\`.`,
  ),
  examples: ["kafka-lab self-check", "kafka-lab doctor --json", "kafka-lab self-check --lang ru"],
  run: async (ctx: Context) => (await import("./run.ts")).runSelfCheck(ctx),
};

/** `doctor`: the same command under the name other tools use. */
export const doctorCommand: Command = {
  ...selfCheckCommand,
  name: "doctor",
  summary: t("Same as self-check", "То же, что self-check"),
};
