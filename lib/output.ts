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

  #clearProgress(): void {
    if (this.#progressShown) {
      this.#sink.err("\r\x1b[2K");
      this.#progressShown = false;
    }
  }

  /** A result line for humans (not printed with `--json`). */
  line(text = ""): void {
    if (this.json) return;
    this.#clearProgress();
    this.#sink.out(text + "\n");
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
      this.#sink.out(JSON.stringify({ event: def.name, ...data }, jsonReplacer) + "\n");
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
    this.#sink.err(`${this.style("yellow", ERROR_LABELS[this.lang].warning)} ${text}\n`);
  }

  /** A plain line on stderr for humans (usage after an error); nothing with `--json`. */
  stderr(text: string): void {
    if (this.json) return;
    this.#clearProgress();
    this.#sink.err(text + "\n");
  }

  /** Diagnostics for `--verbose` only, on stderr. */
  debug(text: string): void {
    if (!this.verbose) return;
    this.#clearProgress();
    this.#sink.err(this.style("dim", `debug: ${text}`) + "\n");
  }

  /**
   * Progress of long work. On a terminal it redraws one line on stderr; off a
   * terminal it prints at most one line per `everyMs` per key; with `--json`
   * it emits `progress` events at the same pace.
   */
  progress(key: string, text: string, data: EventData = {}, everyMs = 5000): void {
    const now = Date.now();
    if (this.json) {
      const last = this.#lastProgress.get(key) ?? 0;
      if (now - last < Math.min(everyMs, 1000)) return;
      this.#lastProgress.set(key, now);
      this.event(CORE_EVENTS.progress, { task: key, message: text, ...data });
      return;
    }
    if (this.#sink.errIsTerminal) {
      this.#sink.err(`\r\x1b[2K${this.style("dim", text)}`);
      this.#progressShown = true;
      return;
    }
    const last = this.#lastProgress.get(key) ?? 0;
    if (now - last < everyMs) return;
    this.#lastProgress.set(key, now);
    this.#sink.err(text + "\n");
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
    this.#sink.err(text);
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

/** Pads cells into aligned columns; returns one string per row, header first. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const fmt = (cells: readonly string[]) =>
    cells.map((c, i) => i === cells.length - 1 ? c : c.padEnd(widths[i])).join("  ").trimEnd();
  return [fmt(headers), ...rows.map(fmt)];
}

/** Converts an unknown thrown value into a `KafkaLabError`-compatible message. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
