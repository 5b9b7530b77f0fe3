/**
 * The rate and the time left of long work, for progress lines: "80/150 MB —
 * 3.1 MB/s, 0:23 left". The rate is measured since the first sample, so a
 * stall shows as a falling rate and a growing estimate.
 *
 * @example
 * ```ts
 * const rate = new Rate("MB");
 * out.progress("download", `${done}/${total} MB${rate.text(done, total, out.lang)}`);
 * ```
 * @module
 */
import type { Lang } from "./config.ts";

const WORDS = {
  en: { perSecond: "/s", left: "left" },
  ru: { perSecond: "/с", left: "осталось" },
} as const;

/** `m:ss` (or `h:mm:ss`). */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** The rate of one piece of work and its time left; see the module docs. */
export class Rate {
  readonly #unit: string;
  #start: { at: number; done: number } | undefined;

  constructor(unit: string) {
    this.#unit = unit;
  }

  /**
   * ` — 3.1 MB/s, 0:23 left` (empty until a rate can be told: the first
   * sample, or nothing done since).
   */
  text(done: number, total: number, lang: Lang, now = Date.now()): string {
    this.#start ??= { at: now, done };
    const seconds = (now - this.#start.at) / 1000;
    const perSecond = seconds > 0 ? (done - this.#start.done) / seconds : 0;
    if (perSecond <= 0) return "";
    const w = WORDS[lang];
    const rate = perSecond >= 100 ? Math.round(perSecond).toString() : perSecond.toFixed(1);
    const left = total > done ? `, ${clock((total - done) / perSecond)} ${w.left}` : "";
    return ` — ${rate} ${this.#unit}${w.perSecond}${left}`;
  }
}
