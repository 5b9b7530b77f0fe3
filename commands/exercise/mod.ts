/**
 * `kafka-lab exercise labN`: a starter project in which the student writes the
 * lab's producer and consumer; `kafka-lab check labN --exercise DIR` runs
 * them and judges what they did. This module only declares the command; the
 * work (`write.ts`) is loaded when it runs.
 * @module
 */
import { type Command, defineCommand } from "../../lib/cli/command.ts";
import { t } from "../../lib/i18n.ts";
import { EXERCISE_OPTIONS } from "./options.ts";

/** The `exercise` command. */
export const exerciseCommand: Command = defineCommand({
  name: "exercise",
  summary: t(
    "Write a starter project: you write the lab's producer and consumer (TS or Python)",
    "Создать заготовку проекта: вы пишете продюсер и консьюмер лабораторной (TS или Python)",
  ),
  description: t(
    `Writes a folder with the task (TASK.md, TASK.ru.md), starter programs with TODOs
in TypeScript (Deno, npm:kafkajs) or Python (confluent-kafka), and exercise.json,
which names how the checker runs them. Settings come from the environment
(KAFKA_BROKERS, KAFKA_LAB_TOPIC, KAFKA_LAB_GROUP, ...); the defaults written in
are yours, with your prefix. \`kafka-lab check labN --exercise DIR\` runs your
programs on names of its own and judges what they did on the broker.`,
    `Создаёт папку с заданием (TASK.md, TASK.ru.md), заготовками программ с TODO на
TypeScript (Deno, npm:kafkajs) или Python (confluent-kafka) и exercise.json, где
сказано, как проверка их запускает. Настройки берутся из окружения
(KAFKA_BROKERS, KAFKA_LAB_TOPIC, KAFKA_LAB_GROUP, ...); значения по умолчанию —
ваши, с вашим префиксом. \`kafka-lab check labN --exercise DIR\` запускает ваши
программы на своих именах и судит по брокеру, что они сделали.`,
  ),
  positionals: [{
    name: "lab",
    required: true,
    description: t("lab2, lab3 or lab4", "lab2, lab3 или lab4"),
  }],
  options: EXERCISE_OPTIONS,
  examples: [
    "kafka-lab exercise lab2",
    "kafka-lab exercise lab2 --language python --dir hello --prefix anna.",
    "kafka-lab check lab2 --exercise hello",
  ],
  run: async (ctx, args) => (await import("./write.ts")).writeExercise(ctx, args),
});
