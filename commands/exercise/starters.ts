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
import lab3ConsumerPy from "./starters/lab3/consumer.py.txt" with { type: "text" };
import lab3ConsumerTs from "./starters/lab3/consumer.ts.txt" with { type: "text" };
import lab3ProducerPy from "./starters/lab3/producer.py.txt" with { type: "text" };
import lab3ProducerTs from "./starters/lab3/producer.ts.txt" with { type: "text" };
import lab3Schema from "./starters/lab3/schema.json.txt" with { type: "text" };
import lab3TaskEn from "./starters/lab3/TASK.md.txt" with { type: "text" };
import lab3TaskRu from "./starters/lab3/TASK.ru.md.txt" with { type: "text" };
import lab4BatchPy from "./starters/lab4/batch.py.txt" with { type: "text" };
import lab4BatchTs from "./starters/lab4/batch.ts.txt" with { type: "text" };
import lab4SinglePy from "./starters/lab4/single.py.txt" with { type: "text" };
import lab4SingleTs from "./starters/lab4/single.ts.txt" with { type: "text" };
import lab4TaskEn from "./starters/lab4/TASK.md.txt" with { type: "text" };
import lab4TaskRu from "./starters/lab4/TASK.ru.md.txt" with { type: "text" };
import type { Language } from "../../lib/exercise/manifest.ts";

/** One lab's starter: its task in both languages, its programs' sources per language. */
export interface Starter {
  readonly lab: string;
  /** TASK.md (English) and TASK.ru.md (Russian). */
  readonly task: { readonly en: string; readonly ru: string };
  /** Program name to its source, per language (the file is `<name>.ts` or `<name>.py`). */
  readonly programs: Readonly<Record<Language, Readonly<Record<string, string>>>>;
  /** Files written as they are, whatever the language (`schema.json`). */
  readonly files?: Readonly<Record<string, string>>;
  /** Placeholder to the course name the setting defaults to (the prefix goes before it). */
  readonly names: Readonly<Record<string, string>>;
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
  {
    lab: "lab3",
    task: { en: lab3TaskEn, ru: lab3TaskRu },
    programs: {
      ts: { producer: lab3ProducerTs, consumer: lab3ConsumerTs },
      python: { producer: lab3ProducerPy, consumer: lab3ConsumerPy },
    },
    files: { "schema.json": lab3Schema },
    names: { topic: "users_coordinates", group: "users-coordinates-consumer" },
  },
  {
    lab: "lab4",
    task: { en: lab4TaskEn, ru: lab4TaskRu },
    programs: {
      ts: { batch: lab4BatchTs, single: lab4SingleTs },
      python: { batch: lab4BatchPy, single: lab4SinglePy },
    },
    names: { topic: "final-1-topic", batch_group: "batch-group", single_group: "single-group" },
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
