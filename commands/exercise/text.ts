/**
 * The lines of `exercise` and `check labN --exercise` in English and Russian.
 * @module
 */
import type { Bilingual, Text } from "../../lib/i18n.ts";

const en = {
  wrote: "wrote {path}",
  ready: "{lab} exercise ({language}) is ready in {dir}: read TASK.md, fill in the TODOs.",
  runLabel: "run:",
  checkLabel: "check:",
  notEmpty: "{dir} is not empty",
  notEmptyHint: "choose another --dir, or add --force to replace the starter's files there",
  noExercise: "no exercise for '{lab}'",
  noExerciseHint: "exercises: {labs}",
  checking: "checking {lab} exercise in {dir} on topic {topic}, group {group} (deleted afterwards)",
  running: "running {program}: {command}",
  ran: "{program} ended: {how}",
  killed: "killed after {bound} s",
  crashed: "killed (SIGKILL) mid-run on purpose, as a crash",
  exited: "exit code {code}",
  summary: "{lab} exercise: {passed}/{total} criteria passed",
};

const ru: typeof en = {
  wrote: "записан {path}",
  ready: "упражнение {lab} ({language}) готово в {dir}: прочтите TASK.ru.md и заполните TODO.",
  runLabel: "запуск:",
  checkLabel: "проверка:",
  notEmpty: "папка {dir} не пуста",
  notEmptyHint: "выберите другую --dir или добавьте --force, чтобы заменить там файлы заготовки",
  noExercise: "нет упражнения для '{lab}'",
  noExerciseHint: "упражнения: {labs}",
  checking: "проверка упражнения {lab} в {dir} на топике {topic}, группе {group} (потом удаляются)",
  running: "запуск программы {program}: {command}",
  ran: "программа {program} завершилась: {how}",
  killed: "остановлена через {bound} с",
  crashed: "остановлена (SIGKILL) посреди работы нарочно, как при сбое",
  exited: "код выхода {code}",
  summary: "упражнение {lab}: выполнено критериев {passed}/{total}",
};

/** The texts of `exercise`. */
export const EXERCISE_TEXT: Bilingual<typeof en> = { en, ru };

/** One entry of the table in both languages, for errors and `fillText`. */
export function textOf(key: keyof typeof en): Text {
  return { en: en[key], ru: ru[key] };
}
