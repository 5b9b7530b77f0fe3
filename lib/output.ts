/**
 * Everything the program prints goes through {@linkcode Output}: human text,
 * or one JSON event per line with `--json`; colour only on a terminal and
 * without `NO_COLOR`; progress that redraws one line on a terminal.
 *
 * @example
 * ```ts
 * const out = createOutput({ json: false, quiet: false, verbose: false });
 * out.event(WRITE_EVENTS.delivered, { topic, partition: 0, offset: "4" }, "delivered at offset 4");
 * ```
 * @module
 */
import type { Lang } from "./config.ts";
import type { KafkaLabError } from "./errors.ts";
import { CORE_EVENTS, type EventDataOf, type EventDef } from "./events.ts";
import { type Localizable, localize } from "./i18n.ts";

/** Where output goes; replaced in unit tests. */
export interface Sink {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress redraws in place only then). */
  readonly errIsTerminal: boolean;
}

/** How the output behaves. */
export interface OutputOptions {
  readonly json: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
  /** Colour; decided by {@linkcode createOutput} from the terminal and `NO_COLOR`. */
  readonly color?: boolean;
  /** The user's language (default English). */
  readonly lang?: Lang;
}

/** A JSON-serialisable event payload. */
export type EventData = Record<string, unknown>;

/** What a `warning` event may say besides its message (see `CORE_EVENTS.warning`). */
export type WarningContext = Omit<EventDataOf<typeof CORE_EVENTS.warning>, "message">;

const ANSI = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
} as const;

/** How much stdout text {@linkcode Output.hold} keeps before writing it. */
const HOLD_BYTES = 64 * 1024;
/** The shortest time between two redraws of a progress line on a terminal. */
const REDRAW_MS = 250;
/** The longest {@linkcode Output.hold} keeps text. */
const HOLD_MS = 50;

/** The name of a text style. */
export type Style = keyof typeof ANSI;

function writeAll(file: { writeSync(p: Uint8Array): number }, text: string): void {
  const bytes = new TextEncoder().encode(text);
  let written = 0;
  try {
    while (written < bytes.length) written += file.writeSync(bytes.subarray(written));
  } catch (err) {
    // The reader went away (`kafka-lab ... | head`): nothing left to tell it.
    if (!(err instanceof Deno.errors.BrokenPipe)) throw err;
  }
}

/** The process's stdout and stderr. */
export const processSink: Sink = {
  out: (text) => writeAll(Deno.stdout, text),
  err: (text) => writeAll(Deno.stderr, text),
  get errIsTerminal() {
    return Deno.stderr.isTerminal();
  },
};

function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (value instanceof Error) return value.message;
  return value;
}

/** Prints human text or JSON events; see the module docs. */
export class Output {
  readonly json: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly color: boolean;
  /** The user's language, for text this output renders itself (errors, warnings). */
  readonly lang: Lang;
  readonly #sink: Sink;
  #progressShown = false;
  #lastProgress = new Map<string, number>();

  constructor(options: OutputOptions, sink: Sink = processSink) {
    this.json = options.json;
    this.quiet = options.quiet;
    this.verbose = options.verbose;
    this.color = options.color === true && !options.json;
    this.lang = options.lang ?? "en";
    this.#sink = sink;
  }

  /** Wraps text in a colour or weight when colour is on. */
  style(style: Style, text: string): string {
    if (!this.color) return text;
    const [on, off] = ANSI[style];
    return `\x1b[${on}m${text}\x1b[${off}m`;
  }

  /** stdout text held by {@linkcode Output.hold} until a flush; undefined when not holding. */
  #held: string[] | undefined;
  #heldSize = 0;
  #flushTimer: ReturnType<typeof setTimeout> | undefined;

  #out(text: string): void {
    if (this.#held === undefined) {
      this.#sink.out(text);
      return;
    }
    this.#held.push(text);
    this.#heldSize += text.length;
    if (this.#heldSize >= HOLD_BYTES) this.flush();
    else if (this.#flushTimer === undefined) {
      // What a slow stream (read --follow) prints still shows within a moment.
      const timer = setTimeout(() => this.flush(), HOLD_MS);
      Deno.unrefTimer(timer as unknown as number);
      this.#flushTimer = timer;
    }
  }

  #err(text: string): void {
    this.flush();
    this.#sink.err(text);
  }

  /**
   * Holds stdout text and writes it in large pieces (64 KiB, or after 50 ms),
   * not one system call per line: for commands that print many lines fast
   * (`read`). stderr writes flush first, so the order stays; call
   * {@linkcode Output.release} when done.
   */
  hold(): void {
    if (this.#held) return;
    this.#held = [];
    // An exit in the middle (Ctrl+C twice) still writes what was held.
    globalThis.addEventListener("unload", () => this.flush(), { once: true });
  }

  /** Writes what {@linkcode Output.hold} kept. */
  flush(): void {
    if (this.#flushTimer !== undefined) clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    if (!this.#held || this.#held.length === 0) return;
    const text = this.#held.join("");
    this.#held = [];
    this.#heldSize = 0;
    this.#sink.out(text);
  }

  /** Flushes and stops holding. */
  release(): void {
    this.flush();
    this.#held = undefined;
  }

  #clearProgress(): void {
    if (this.#progressShown) {
      this.#err("\r\x1b[2K");
      this.#progressShown = false;
    }
  }

  /** A result line for humans (not printed with `--json`). */
  line(text = ""): void {
    if (this.json) return;
    this.#clearProgress();
    this.#out(text + "\n");
  }

  /** Text for humans exactly as given (no line end added; nothing with `--json`). */
  write(text: string): void {
    if (this.json) return;
    this.#clearProgress();
    this.#out(text);
  }

  /** Explanatory text: theory, step descriptions. Dropped by `--quiet` and `--json`. */
  text(text = ""): void {
    if (this.quiet) return;
    this.line(text);
  }

  /**
   * An event declared in a catalogue (see `events.ts`): with `--json`, one
   * line `{"event": name, ...data}` on stdout; otherwise the human line, if
   * one is given.
   */
  event<D>(def: EventDef<D>, data: NoInfer<D>, human?: string): void {
    if (this.json) {
      this.#out(JSON.stringify({ event: def.name, ...data }, jsonReplacer) + "\n");
    } else if (human !== undefined) {
      this.line(human);
    }
  }

  /** A warning on stderr (human) or a `warning` event (`--json`). */
  warn(message: Localizable, data: WarningContext = {}): void {
    const text = localize(message, this.lang);
    if (this.json) {
      this.event(CORE_EVENTS.warning, { message: text, ...data });
      return;
    }
    this.#clearProgress();
    this.#err(`${this.style("yellow", ERROR_LABELS[this.lang].warning)} ${text}\n`);
  }

  /** A plain line on stderr for humans (usage after an error); nothing with `--json`. */
  stderr(text: string): void {
    if (this.json) return;
    this.#clearProgress();
    this.#err(text + "\n");
  }

  /** Diagnostics for `--verbose` only, on stderr. */
  debug(text: string): void {
    if (!this.verbose) return;
    this.#clearProgress();
    this.#err(this.style("dim", `debug: ${text}`) + "\n");
  }

  /**
   * Progress of long work. On a terminal it redraws one line on stderr; off a
   * terminal it prints at most one line per `everyMs` per key; with `--json`
   * it emits `progress` events at the same pace.
   */
  progress(
    key: string,
    text: string,
    data: EventData = {},
    everyMs = 5000,
    now = Date.now(),
  ): void {
    if (this.json) {
      const last = this.#lastProgress.get(key) ?? 0;
      if (now - last < Math.min(everyMs, 1000)) return;
      this.#lastProgress.set(key, now);
      this.event(CORE_EVENTS.progress, { task: key, message: text, ...data });
      return;
    }
    const last = this.#lastProgress.get(key) ?? 0;
    if (this.#sink.errIsTerminal) {
      // Redrawn a few times a second at most: faster only flickers and costs time.
      if (now - last < REDRAW_MS) return;
      this.#lastProgress.set(key, now);
      this.#err(`\r\x1b[2K${this.style("dim", text)}`);
      this.#progressShown = true;
      return;
    }
    if (now - last < everyMs) return;
    this.#lastProgress.set(key, now);
    this.#err(text + "\n");
  }

  /** Removes a progress line from the terminal. */
  progressDone(): void {
    this.#clearProgress();
  }

  /** Prints an error with its hint: stderr for humans, an `error` event with `--json`. */
  error(err: KafkaLabError, showStack = false): void {
    this.#clearProgress();
    const message = localize(err.text, this.lang);
    const hint = err.hintText ? localize(err.hintText, this.lang) : undefined;
    if (this.json) {
      this.event(CORE_EVENTS.error, {
        message,
        hint,
        exitCode: err.exitCode,
        ...(showStack ? { stack: stackOf(err) } : {}),
      });
      return;
    }
    const labels = ERROR_LABELS[this.lang];
    let text = `${this.style("red", labels.error)} ${message}\n`;
    if (hint) text += `${this.style("cyan", labels.hint)} ${hint}\n`;
    if (showStack) text += this.style("dim", stackOf(err)) + "\n";
    this.#err(text);
  }
}

const ERROR_LABELS = {
  en: { error: "error:", hint: "hint:", warning: "warning:" },
  ru: { error: "ошибка:", hint: "подсказка:", warning: "внимание:" },
} as const;

function stackOf(err: Error): string {
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    parts.push(current.stack ?? String(current));
    current = current.cause ?? (current as { originalError?: unknown }).originalError;
  }
  return parts.join("\ncaused by: ");
}

/** Says whether colour should be used: stdout is a terminal and `NO_COLOR` is unset. */
export function colorWanted(
  env: Readonly<Record<string, string | undefined>>,
  stdoutIsTerminal: boolean,
): boolean {
  const noColor = env.NO_COLOR;
  return stdoutIsTerminal && (noColor === undefined || noColor === "");
}

/** An {@linkcode Output} for this process, colour decided from the terminal and `NO_COLOR`. */
export function createOutput(options: OutputOptions, sink: Sink = processSink): Output {
  // NO_COLOR is a terminal convention (no-color.org), decided with the terminal itself, and
  // outputs exist before the configuration does (errors in the arguments): not a config setting.
  const color = options.color ??
    colorWanted({ NO_COLOR: Deno.env.get("NO_COLOR") }, Deno.stdout.isTerminal());
  return new Output({ ...options, color }, sink);
}

// Escape codes are control characters by definition.
// deno-lint-ignore no-control-regex
const ANSI_ESCAPE = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;

/** Text without its terminal escape codes (colours, hyperlinks). */
export function stripAnsi(text: string): string {
  return text.replace(ANSI_ESCAPE, "");
}

/** Code points a terminal draws two columns wide: CJK, Hangul, full-width forms, most emoji. */
function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

/** Text of printable ASCII only: one column a character, the common case. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Combining marks and zero-width characters take no column of their own. */
const ZERO_WIDTH = /^[\u0300-\u036f\u200b-\u200f\u20d0-\u20ff\ufe00-\ufe0f]$/;

/**
 * The number of terminal columns `text` takes: escape codes count nothing,
 * wide characters two.
 *
 * @example
 * ```ts
 * visibleWidth("\x1b[32mok\x1b[39m"); // 2
 * ```
 */
export function visibleWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const ch of stripAnsi(text)) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || ZERO_WIDTH.test(ch)) continue;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

/** `text` padded with spaces to `width` terminal columns (escape codes and wide characters counted right). */
export function padVisible(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - visibleWidth(text)));
}

/**
 * Pads cells into aligned columns; returns one string per row, header first.
 * Columns are measured as the terminal draws them, so coloured cells line up.
 */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headers.map((h, i) =>
    Math.max(visibleWidth(h), ...rows.map((r) => visibleWidth(r[i] ?? "")))
  );
  const fmt = (cells: readonly string[]) =>
    cells.map((c, i) => i === cells.length - 1 ? c : padVisible(c, widths[i])).join("  ")
      .trimEnd();
  return [fmt(headers), ...rows.map(fmt)];
}

/** Converts an unknown thrown value into a `KafkaLabError`-compatible message. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
