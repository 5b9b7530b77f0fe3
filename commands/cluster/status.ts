/**
 * `kafka-lab status`: the configured cluster as its clients see it, with the
 * real KRaft quorum leader (DescribeQuorum), stopped brokers and partitions
 * left without a leader. This module only declares the command; its code
 * (`status_run.ts`) is loaded when it runs.
 * @module
 */
import type { Command } from "../../lib/cli/command.ts";
import type { Context } from "../../lib/context.ts";
import { t } from "../../lib/i18n.ts";

/** The `status` command. */
export const statusCommand: Command = {
  name: "status",
  summary: t(
    "Show each broker, the KRaft quorum leader, the cluster id and the registry's health",
    "Брокеры, лидер кворума KRaft, id кластера и состояние реестра схем",
  ),
  description: t(
    `
Asks the configured brokers for the cluster metadata and the KRaft metadata
quorum (its leader is the active controller), checks that every broker accepts
connections, and that the schema registry answers. For a cluster started by
\`kafka-lab up\` it also lists the brokers that should be there but are not.
Exit code 0 when everything answers, 1 when a part is down (a broker, the
registry, a partition without a leader), 3 when no broker answers at all.`,
    `
Запрашивает у брокеров метаданные кластера и кворум метаданных KRaft (его
лидер — активный контроллер), проверяет, что каждый брокер принимает
соединения и что реестр схем отвечает. Для кластера, запущенного
\`kafka-lab up\`, показывает и брокеры, которых не хватает. Код выхода 0, когда
всё отвечает, 1, когда что-то не работает (брокер, реестр, партиция без
лидера), 3, когда не отвечает ни один брокер.`,
  ),
  examples: ["kafka-lab status", "kafka-lab status --json", "kafka-lab status -b kafka:9092"],
  run: async (ctx: Context) => (await import("./status_run.ts")).runStatus(ctx),
};
