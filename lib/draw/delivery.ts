/**
 * Lab 5's delivery figures as a bar chart: records sent, acknowledged, found
 * in the topic, lost and duplicated, each in its colour, scaled to the sent.
 *
 * @example
 * ```ts
 * for (const l of deliveryChart({ sent: 100, acknowledged: 98, inTopic: 99, lost: 1, duplicated: 0 }, "en")) {
 *   out.line(l);
 * }
 * ```
 * @module
 */
import type { Bilingual, Lang, Translation } from "../i18n.ts";
import { barChart } from "./bars.ts";
import type { Paint } from "./paint.ts";

/** What a delivery run counted. */
export interface DeliveryCounts {
  readonly sent: number;
  readonly acknowledged: number;
  readonly inTopic: number;
  readonly lost: number;
  readonly duplicated: number;
}

const en = {
  sent: "sent",
  acknowledged: "acknowledged",
  inTopic: "in the topic",
  lost: "lost",
  duplicated: "duplicated",
} as const;

const ru: Translation<typeof en> = {
  sent: "отправлено",
  acknowledged: "подтверждено",
  inTopic: "в топике",
  lost: "потеряно",
  duplicated: "дубликатов",
};

/** The chart's labels in English and Russian. */
export const DELIVERY_WORDS: Bilingual<typeof en> = { en, ru };

/** The five bars, labels in `lang`, scaled to the largest count. */
export function deliveryChart(
  counts: DeliveryCounts,
  lang: Lang,
  options: { readonly width?: number; readonly paint?: Paint } = {},
): string[] {
  const words = DELIVERY_WORDS[lang];
  return barChart([
    { label: words.sent, value: counts.sent },
    { label: words.acknowledged, value: counts.acknowledged, style: "green" },
    { label: words.inTopic, value: counts.inTopic, style: "green" },
    { label: words.lost, value: counts.lost, style: "red" },
    { label: words.duplicated, value: counts.duplicated, style: "yellow" },
  ], options);
}
