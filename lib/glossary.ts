/**
 * One Russian term per Kafka concept, for every text kafka-lab prints (labs,
 * commands, errors, the answer key). Russian Kafka courses and articles mix
 * loan words (консьюмер, партиция, фолловер) with native words (потребитель,
 * раздел, ведомая реплика); kafka-lab takes the loan words its texts already
 * use for the core nouns, so a student meets one name for one thing.
 *
 * Russian inflects, so texts write the term in the case they need rather than
 * interpolating it; tests/unit/glossary_test.ts scans every Russian text and
 * fails on an `avoid` spelling.
 *
 * @example
 * ```ts
 * localize(GLOSSARY.follower, "ru"); // "фолловер"
 * ```
 * @module
 */
import type { Text } from "./i18n.ts";

/** A concept's term in English and Russian, and the Russian spellings texts must not use. */
export interface GlossaryEntry extends Text {
  /** Other Russian names of the same concept (any case or form), matched without case. */
  readonly avoid: readonly RegExp[];
}

/** A Russian word starting with `stem` (the pattern matches whole words only). */
function word(stem: string): RegExp {
  return new RegExp(`(?<![а-яё])${stem}[а-яё]*`, "iu");
}

/** The glossary: concept -> { en, ru, avoid }. */
export const GLOSSARY = {
  consumer: { en: "consumer", ru: "консьюмер", avoid: [word("потребител"), word("консумер")] },
  producer: {
    en: "producer",
    ru: "продюсер",
    avoid: [word("производител"), word("продьюсер"), word("продюссер")],
  },
  partition: { en: "partition", ru: "партиция", avoid: [word("партишн")] },
  partitioner: {
    en: "partitioner",
    ru: "партиционер",
    avoid: [word("разделител"), word("распределител"), word("партиционировщик")],
  },
  topic: { en: "topic", ru: "топик", avoid: [/(?<![а-яё])тем(?:а|ы|е|у|ой|ам|ах)(?![а-яё])/iu] },
  offset: { en: "offset", ru: "смещение", avoid: [word("оффсет"), word("офсет")] },
  commit: {
    en: "commit (an offset)",
    ru: "фиксация (смещения)",
    avoid: [word("коммит"), word("закоммит"), word("закоммич")],
  },
  batch: { en: "batch", ru: "пакет", avoid: [word("батч")] },
  leader: { en: "leader (replica)", ru: "лидер", avoid: [word("ведущ[а-яё]* реплик")] },
  follower: {
    en: "follower (replica)",
    ru: "фолловер",
    avoid: [
      word("ведом"),
      /(?<![а-яё])(?:реплик[а-яё]*-)?последовател(?:ь|я|ю|ем|е|и|ей|ям|ями|ях)(?![а-яё])/iu,
    ],
  },
  inSyncReplica: {
    en: "in-sync replica (ISR)",
    ru: "синхронная реплика (ISR)",
    avoid: [word("согласованн[а-яё]* реплик"), word("синхронизированн[а-яё]* реплик")],
  },
  rebalance: { en: "rebalance", ru: "перебалансировка", avoid: [word("ребаланс")] },
  atMostOnce: {
    en: "at-most-once",
    ru: "не более одного раза (at-most-once)",
    avoid: [/максимум один раз/iu, /самое большее один раз/iu],
  },
  atLeastOnce: {
    en: "at-least-once",
    ru: "не менее одного раза (at-least-once)",
    avoid: [/хотя бы один раз/iu, /как минимум один раз/iu, /по крайней мере один раз/iu],
  },
  exactlyOnce: {
    en: "exactly-once",
    ru: "ровно один раз (exactly-once)",
    avoid: [/точно один раз/iu, /строго один раз/iu],
  },
  deadLetterTopic: {
    en: "dead letter topic (DLQ)",
    ru: "топик ошибочных записей (DLQ)",
    avoid: [word("недоставленн"), /мёртв[а-яё]* (?:писем|сообщений|букв)/iu],
  },
} as const satisfies Readonly<Record<string, GlossaryEntry>>;

/** A concept of the glossary. */
export type Concept = keyof typeof GLOSSARY;

/** One spelling a text should not use: the concept, what was found and the term to write. */
export interface OffGlossary {
  readonly concept: Concept;
  readonly found: string;
  readonly use: string;
}

/**
 * The glossary's avoided spellings in `text`, each with the term to use.
 *
 * @example
 * ```ts
 * offGlossary("ведомый копирует лидера"); // [{ concept: "follower", found: "ведомый", use: "фолловер" }]
 * ```
 */
export function offGlossary(text: string): OffGlossary[] {
  const found: OffGlossary[] = [];
  for (const [concept, entry] of Object.entries(GLOSSARY) as [Concept, GlossaryEntry][]) {
    for (const pattern of entry.avoid) {
      const global = new RegExp(
        pattern.source,
        pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`,
      );
      for (const m of text.matchAll(global)) found.push({ concept, found: m[0], use: entry.ru });
    }
  }
  return found;
}
