/**
 * `kafka-lab ui`: a web console for the cluster, served by kafka-lab itself
 * on 127.0.0.1 (port 8080 when free, like the seeds' Kafka UI). The server
 * lives in `commands/ui/`, loaded only when the command runs.
 * @module
 */
import { type Command, defineCommand } from "../../lib/cli/command.ts";
import { t } from "../../lib/i18n.ts";

/** The `ui` command. */
export const uiCommand: Command = defineCommand({
  name: "ui",
  summary: t(
    "Web console: brokers, topics, messages, groups with lag, schemas, drawn and editable",
    "Веб-консоль: брокеры, топики, сообщения, группы с отставанием, схемы; с картинками и правкой",
  ),
  description: t(
    `Serves a console for the configured cluster at http://127.0.0.1:8080 (another
free port when 8080 is taken; it says which). Pages refresh by themselves, so
you can watch a group's lag fall while a lab runs. It listens on 127.0.0.1
only, answers only to localhost, and every change (create or delete a topic,
set a config, produce a record, reset offsets) needs the token printed in its
address. Ctrl+C stops it.`,
    `Запускает консоль настроенного кластера по адресу http://127.0.0.1:8080 (если
порт 8080 занят — на другом свободном порту, о чём сообщает). Страницы
обновляются сами: можно смотреть, как падает отставание группы во время
лабораторной. Консоль слушает только 127.0.0.1, отвечает только на localhost, а
любое изменение (создание или удаление топика, настройка, отправка записи, сброс
смещений) требует токена из её адреса. Ctrl+C останавливает её.`,
  ),
  options: [{
    name: "port",
    type: "integer",
    min: 0,
    max: 65535,
    default: 8080,
    description: t(
      "The port to listen on (0: any free port)",
      "Порт, который слушать (0 — любой свободный)",
    ),
  }],
  examples: ["kafka-lab ui", "kafka-lab ui --port 9000", "kafka-lab ui --lang ru"],
  run: async (ctx, args) => (await import("./run.ts")).runUi(ctx, args.values.port),
});
