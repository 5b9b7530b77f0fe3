/**
 * Lab 6: what the course's best-practices article (seed 003) teaches that
 * labs 1-5 do not show, each on the real cluster: a consumer stuck in
 * processing is removed after session.timeout.ms and its records are
 * processed twice; retention deletes old segments and moves the log start
 * offset past a group; a batch over max.message.bytes is refused;
 * min.insync.replicas above the replication factor is accepted and capped.
 *
 * This module only declares the command; its code is loaded when it runs.
 *
 * @example
 * ```sh
 * kafka-lab lab6
 * kafka-lab lab6 --part retention
 * ```
 * @module
 */
import { defineCommand } from "../../lib/cli/command.ts";
import { t } from "../../lib/i18n.ts";
import { GUIDED_OPTIONS } from "./options.ts";

/** The `lab6` command. */
export const lab6 = defineCommand({
  name: "lab6",
  summary: t(
    "Consumer liveness, retention, message size, min.insync.replicas above the replicas",
    "Живость консьюмера, хранение, размер сообщения, min.insync.replicas больше числа реплик",
  ),
  description: t(
    `
Runs four parts on the cluster, each on a topic of its own that stays for
grading (lab6-liveness, lab6-retention, lab6-size, lab6-min-isr):
1. liveness: a member that processes longer than session.timeout.ms sends no
   heartbeat, is removed, its partition moves to the other member, its records
   are processed twice and its late commit is refused;
2. retention: 1 MiB segments, retention.bytes 1 MiB per partition; the log
   start offset moves past a group, which resumes by auto.offset.reset;
3. size: a batch over the topic's max.message.bytes is refused;
4. min-isr: min.insync.replicas=3 on two replicas is accepted and capped.
No broker is stopped or paused. A guided run takes 15-25 s on the local
cluster (retention waits for the brokers' check, every 5 s there).`,
    `
Выполняет на кластере четыре части, каждую на своём топике, который остаётся
для проверки (lab6-liveness, lab6-retention, lab6-size, lab6-min-isr):
1. liveness: участник, обрабатывающий дольше session.timeout.ms, не шлёт
   heartbeat, его исключают, партиция уходит другому участнику, записи
   обрабатываются дважды, а запоздалая фиксация отклоняется;
2. retention: сегменты по 1 МиБ, retention.bytes — 1 МиБ на партицию;
   начало журнала уходит дальше группы, и она продолжает по auto.offset.reset;
3. size: пакет больше max.message.bytes топика отклоняется;
4. min-isr: min.insync.replicas=3 на двух репликах принимается и ограничивается.
Брокеры не останавливаются и не приостанавливаются. Запуск занимает 15–25 с
на локальном кластере (хранение ждёт проверки брокеров, там — раз в 5 с).`,
  ),
  options: GUIDED_OPTIONS,
  examples: ["kafka-lab lab6", "kafka-lab lab6 --lang ru", "kafka-lab lab6 --part size --json"],
  run: async (ctx, args) => (await import("./guided.ts")).guided(ctx, args),
});
