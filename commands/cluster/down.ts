/**
 * `kafka-lab down`: stops the local cluster. This module only declares the
 * command; its code (`down_run.ts`) is loaded when it runs.
 * @module
 */
import { type Command, defineCommand } from "../../lib/cli/command.ts";
import { t } from "../../lib/i18n.ts";

/** The `down` command. */
export const downCommand: Command = defineCommand({
  name: "down",
  summary: t(
    "Stop the local cluster started by `kafka-lab up`",
    "Остановить локальный кластер, запущенный `kafka-lab up`",
  ),
  description: t(
    `
Stops exactly the processes (or compose project) that \`kafka-lab up\`
started, gently first (brokers flush and close their logs), then firmly
after 30 s. Data is kept for the next \`up\` unless --purge is given.
Running it when nothing runs changes nothing.`,
    `
Останавливает ровно те процессы (или проект compose), которые запустил
\`kafka-lab up\`: сначала мягко (брокеры сбрасывают и закрывают журналы), через
30 с — принудительно. Данные сохраняются до следующего \`up\`, если не указан
--purge. Если ничего не запущено, команда ничего не меняет.`,
  ),
  options: [
    {
      name: "purge",
      type: "boolean",
      description: t(
        "Also delete the cluster's data (topics, offsets, schemas)",
        "Также удалить данные кластера (топики, смещения, схемы)",
      ),
    },
  ],
  examples: ["kafka-lab down", "kafka-lab down --purge"],
  run: async (ctx, args) => (await import("./down_run.ts")).down(ctx, args.values.purge),
});
