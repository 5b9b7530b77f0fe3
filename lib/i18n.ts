/**
 * Lab texts in English and Russian: one table per lab, the Russian table
 * typed after the English one so no key can be missing, `{name}`
 * placeholders filled at print time.
 *
 * @example
 * ```ts
 * const en = { sent: "sent {n} records" } as const;
 * const ru: Translation<typeof en> = { sent: "отправлено записей: {n}" };
 * fill(pick({ en, ru }, "ru").sent, { n: 5 }); // "отправлено записей: 5"
 * ```
 * @module
 */
import type { Lang } from "./config.ts";

/** A table with the same keys as `T`, each a string or a list of strings. */
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends readonly string[] ? readonly string[] : string;
};

/** A lab's texts in both languages. */
export interface Bilingual<T> {
  readonly en: T;
  readonly ru: Translation<T>;
}

/** The table for a language. */
export function pick<T>(texts: Bilingual<T>, lang: Lang): Translation<T> {
  return (lang === "ru" ? texts.ru : texts.en) as Translation<T>;
}

/** Replaces `{name}` with `vars.name`; unknown placeholders stay as they are. */
export function fill(
  template: string,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  return template.replace(
    /\{(\w+)\}/g,
    (whole, name: string) => name in vars ? String(vars[name]) : whole,
  );
}

/** The placeholder names used in a template, sorted. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}
