/**
 * The options of `kafka-lab up` (`up.ts` declares the command, `up_run.ts` runs it).
 * @module
 */
import type { OptionSpec } from "../../lib/cli/args.ts";
import { AUTH_CHOICES, MAX_BROKERS } from "../../lib/cluster/limits.ts";
import { t } from "../../lib/i18n.ts";

/** The options of `up`. */
export const UP_OPTIONS = [
  {
    name: "runtime",
    type: "string",
    choices: ["auto", "docker", "java"],
    default: "auto",
    description: t("How to run the cluster", "Как запускать кластер"),
  },
  {
    name: "brokers",
    type: "integer",
    min: 1,
    max: MAX_BROKERS,
    default: 3,
    description: t("Number of brokers (docker: 3 only)", "Число брокеров (docker: только 3)"),
  },
  {
    name: "auth",
    type: "string",
    choices: AUTH_CHOICES,
    default: "none",
    description: t(
      "Clients log in with SASL/SCRAM (java runtime; scram = SCRAM-SHA-256); later commands use the user it creates",
      "Клиенты входят по SASL/SCRAM (среда java; scram = SCRAM-SHA-256); следующие команды берут созданного пользователя сами",
    ),
  },
  {
    name: "acl",
    type: "boolean",
    description: t(
      "With --auth: every request is authorized (KRaft StandardAuthorizer); kafka-lab's user is the admin, others get only what ACLs allow (`kafka-lab class init`)",
      "Вместе с --auth: каждый запрос проверяется (KRaft StandardAuthorizer); пользователь kafka-lab — администратор, остальным доступно только то, что разрешают ACL (`kafka-lab class init`)",
    ),
  },
  {
    name: "timeout",
    type: "integer",
    min: 10,
    default: 180,
    valueName: "SECONDS",
    description: t(
      "Give up when the cluster is not ready by then",
      "Сдаться, если кластер не готов к этому сроку",
    ),
  },
] as const satisfies readonly OptionSpec[];
