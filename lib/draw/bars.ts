/**
 * Horizontal bar charts in Unicode blocks, with eighth-block ends so small
 * differences show: lab 4's batch vs single consumer, lab 5's sent /
 * acknowledged / in topic / lost / duplicated ({@linkcode deliveryChart}, for lab 5).
 *
 * @example
 * ```ts
 * barChart([{ label: "batch", value: 9000 }, { label: "single", value: 1500 }], { width: 20 });
 * // ["batch   ████████████████████ 9000", "single  ███▍                 1500"]
 * ```
 * @module
 */
import type { Bilingual, Lang, Translation } from "../i18n.ts";
import type { Style } from "../output.ts";
import { padEnd, type Paint, plain } from "./paint.ts";

const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/** One bar. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  /** What is printed after the bar (the value when left out). */
  readonly text?: string;
  /** Its colour on a terminal (cyan when left out). */
  readonly style?: Style;
}

/** `value` of `max` as a bar `width` cells wide at most, in whole and eighth blocks. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return "";
  const eighths = Math.max(1, Math.round((Math.min(value, max) / max) * width * 8));
  return "█".repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** The bars, one line each, labels aligned, scaled to the largest value (or `max`). */
export function barChart(
  bars: readonly Bar[],
  options: { readonly width?: number; readonly max?: number; readonly paint?: Paint } = {},
): string[] {
  const width = options.width ?? 30;
  const paint = options.paint ?? plain;
  const max = options.max ?? Math.max(0, ...bars.map((b) => b.value));
  const labelWidth = Math.max(...bars.map((b) => [...b.label].length));
  return bars.map((b) => {
    const drawn = bar(b.value, max, width);
    const text = b.text ?? String(b.value);
    return `${padEnd(b.label, labelWidth)}  ${paint(b.style ?? "cyan", drawn)}${
      " ".repeat(width - [...drawn].length)
    } ${text}`;
  });
}

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
  reported: "reported sent",
  inTopic: "in the topic",
  lost: "lost",
  duplicated: "duplicated",
} as const;

const ru: Translation<typeof en> = {
  sent: "отправлено",
  acknowledged: "подтверждено",
  reported: "сообщено «отправлено»",
  inTopic: "в топике",
  lost: "потеряно",
  duplicated: "дубликатов",
};

/** The chart's labels in English and Russian. */
export const DELIVERY_WORDS: Bilingual<typeof en> = { en, ru };

/**
 * The five bars, labels in `lang`, scaled to the largest count. With
 * `noAcks` (acks=0, which never hears the broker) the second bar is
 * "reported sent", not "acknowledged".
 */
export function deliveryChart(
  counts: DeliveryCounts,
  lang: Lang,
  options: { readonly width?: number; readonly paint?: Paint; readonly noAcks?: boolean } = {},
): string[] {
  const words = DELIVERY_WORDS[lang];
  return barChart([
    { label: words.sent, value: counts.sent },
    {
      label: options.noAcks ? words.reported : words.acknowledged,
      value: counts.acknowledged,
      style: "green",
    },
    { label: words.inTopic, value: counts.inTopic, style: "green" },
    { label: words.lost, value: counts.lost, style: "red" },
    { label: words.duplicated, value: counts.duplicated, style: "yellow" },
  ], options);
}
