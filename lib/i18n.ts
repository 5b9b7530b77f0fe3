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
/** The languages kafka-lab speaks. */
export type Lang = "en" | "ru";

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

/**
 * One user-visible line in both languages. Library code that cannot know the
 * user's language (errors, help, validation) returns `Text`; the output picks
 * the language when it prints.
 */
export interface Text {
  readonly en: string;
  readonly ru: string;
}

/**
 * What a user-visible field may hold: `Text` for sentences, a plain string only
 * for what reads the same in every language (names, values, commands).
 */
export type Localizable = string | Text;

/** Makes a {@linkcode Text}: `t("topic {name} created", "топик {name} создан")`. */
export function t(en: string, ru: string): Text {
  return { en, ru };
}

/** The text in `lang` with `{name}` placeholders filled; plain strings pass unchanged. */
export function localize(
  text: Localizable,
  lang: Lang,
  vars?: Readonly<Record<string, string | number>>,
): string {
  const s = typeof text === "string" ? text : (lang === "ru" ? text.ru : text.en);
  return vars ? fill(s, vars) : s;
}

/** Fills the placeholders of both languages of a {@linkcode Text}. */
export function fillText(
  text: Text,
  vars: Readonly<Record<string, string | number | Text>>,
): Text {
  const inLang = (lang: Lang) =>
    Object.fromEntries(
      Object.entries(vars).map(([k, v]) => [k, typeof v === "object" ? v[lang] : v]),
    );
  return { en: fill(text.en, inLang("en")), ru: fill(text.ru, inLang("ru")) };
}

/**
 * The first `max` items joined by `separator`, and how many were left out:
 * `a, b, c … and 42 more` / `a, b, c … и ещё 42`. A value for {@linkcode fillText}.
 */
export function cutList(items: readonly string[], max: number, separator = ", "): Text {
  const shown = items.slice(0, max).join(separator);
  const rest = items.length - Math.min(items.length, max);
  if (rest <= 0) return { en: shown, ru: shown };
  return { en: `${shown} … and ${rest} more`, ru: `${shown} … и ещё ${rest}` };
}

/**
 * The Russian noun form for a count: `one` for 1, 21, 31...; `few` for 2-4,
 * 22-24...; `many` for 0, 5-20, 25-30... (`pluralRu(21, "сообщение",
 * "сообщения", "сообщений")` is "сообщение").
 */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const abs = Math.abs(Math.trunc(n));
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

/** The English noun form for a count: `pluralEn(1, "record", "records")`. */
export function pluralEn(n: number, one: string, other: string): string {
  return n === 1 ? one : other;
}

/** A decimal number as each language writes it: `1.5` in English, `1,5` in Russian. */
export function decimal(n: number, lang: Lang, digits = 1): string {
  const s = n.toFixed(digits);
  return lang === "ru" ? s.replace(".", ",") : s;
}

/**
 * A number as each language writes it, without padding: `1.5` in English,
 * `1,5` in Russian, `3` in both.
 */
export function numberText(n: number, lang: Lang): string {
  const s = String(n);
  return lang === "ru" ? s.replace(".", ",") : s;
}

/**
 * "Every n-th": `4th`, `1st`, `22nd` in English; `4-я` in Russian (agreeing
 * with «запись», feminine).
 */
export function ordinal(n: number, lang: Lang): string {
  if (lang === "ru") return `${n}-я`;
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13
    ? "th"
    : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}
