/**
 * The starter files `kafka-lab exercise` writes, imported as text so the
 * compiled binary carries them (no files beside it). Placeholders `{{name}}`
 * are filled with the student's settings when written. The reference
 * solutions are not here: they live with the instructors' material
 * (`tests/exercises/`).
 * @module
 */
import lab2ConsumerPy from "./starters/lab2/consumer.py.txt" with { type: "text" };
import lab2ConsumerTs from "./starters/lab2/consumer.ts.txt" with { type: "text" };
import lab2ProducerPy from "./starters/lab2/producer.py.txt" with { type: "text" };
import lab2ProducerTs from "./starters/lab2/producer.ts.txt" with { type: "text" };
import lab2TaskEn from "./starters/lab2/TASK.md.txt" with { type: "text" };
import lab2TaskRu from "./starters/lab2/TASK.ru.md.txt" with { type: "text" };
import type { Language } from "../../lib/exercise/manifest.ts";

/** One lab's starter: its task in both languages, its programs' sources per language. */
export interface Starter {
  readonly lab: string;
  /** TASK.md (English) and TASK.ru.md (Russian). */
  readonly task: { readonly en: string; readonly ru: string };
  /** Program name to its source, per language (the file is `<name>.ts` or `<name>.py`). */
  readonly programs: Readonly<Record<Language, Readonly<Record<string, string>>>>;
  /** The course names the settings default to (before the prefix). */
  readonly names: { readonly topic: string; readonly group: string };
}

/** The labs that have an exercise. */
export const STARTERS: readonly Starter[] = [
  {
    lab: "lab2",
    task: { en: lab2TaskEn, ru: lab2TaskRu },
    programs: {
      ts: { producer: lab2ProducerTs, consumer: lab2ConsumerTs },
      python: { producer: lab2ProducerPy, consumer: lab2ConsumerPy },
    },
    names: { topic: "hello-kafka", group: "hello-group" },
  },
];

/** The file a program of `language` is written to. */
export function fileOf(name: string, language: Language): string {
  return `${name}.${language === "ts" ? "ts" : "py"}`;
}

/** Fills `{{name}}` placeholders; an unknown one stays as it is. */
export function fillStarter(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (all, name: string) => vars[name] ?? all);
}
