/**
 * Splits a command line into raw option values and positionals, by the rules
 * of `node:util` `parseArgs` in strict mode with positionals allowed (a unit
 * test compares the two on thousands of lines). Written here because loading
 * `node:util` costs every start of kafka-lab several milliseconds: it pulls in
 * a large part of Deno's Node compatibility layer.
 *
 * The rules: `--name value`, `--name=value`, `-n value`, `-nvalue`, grouped
 * flags `-abc` (a string option in a group takes the rest: `-abfFILE`), `--`
 * ends the options, and a lone `-` is a positional. A string option's value
 * taken from the next word may not start with `-` (write `--name=-1`).
 *
 * @example
 * ```ts
 * splitLine(["-t", "orders", "--json"], [
 *   { name: "topic", short: "t", kind: "string" },
 *   { name: "json", kind: "boolean" },
 * ]); // { values: { topic: "orders", json: true }, positionals: [] }
 * ```
 * @module
 */

/** How an option takes its value on the line. */
export interface LineOption {
  readonly name: string;
  readonly short?: string;
  /** `boolean` takes none; `list` takes one each time and keeps them all. */
  readonly kind: "string" | "boolean" | "list";
}

/** What the line gives for an option: a flag, a value, or every value of a list. */
export type RawValue = string | boolean | string[];

/** The line split into raw values by option name, and positionals. */
export interface SplitLine {
  readonly values: Record<string, RawValue | undefined>;
  readonly positionals: string[];
}

/** Why a line cannot be split, and the flag it is about (as typed, or the long name). */
export class LineError extends Error {
  constructor(
    readonly kind: "unknown" | "needsValue" | "ambiguous" | "noValue",
    readonly flag: string,
  ) {
    super(`${kind}: ${flag}`);
  }
}

/** Splits `argv` by `options`; throws {@linkcode LineError}. */
export function splitLine(argv: readonly string[], options: readonly LineOption[]): SplitLine {
  const byName = new Map(options.map((o) => [o.name, o]));
  const byShort = new Map(options.flatMap((o) => o.short ? [[o.short, o]] : []));
  const values: Record<string, RawValue | undefined> = {};
  const positionals: string[] = [];
  const rest = [...argv];
  while (rest.length > 0) {
    const arg = rest.shift()!;
    if (arg === "--") {
      positionals.push(...rest);
      break;
    }
    if (arg.length < 2 || arg[0] !== "-") {
      positionals.push(arg);
    } else if (arg[1] !== "-") {
      const opt = byShort.get(arg[1]);
      if (arg.length === 2) {
        store(values, option(opt, arg), valueAfter(opt, arg, rest));
      } else if (opt?.kind === "boolean" || !opt) {
        rest.unshift(...group(arg, byShort));
      } else {
        store(values, opt, arg.slice(2));
      }
    } else {
      const eq = arg.indexOf("=", 3);
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const opt = byName.get(name);
      const value = eq < 0 ? valueAfter(opt, arg, rest) : arg.slice(eq + 1);
      store(values, option(opt, `--${name}`), value);
    }
  }
  return { values, positionals };
}

/** The option a flag names, or an unknown-option error naming the flag as typed. */
function option(opt: LineOption | undefined, typed: string): LineOption {
  if (!opt) throw new LineError("unknown", typed);
  return opt;
}

/** A string option's value from the next word (`--name value`), if there is one. */
function valueAfter(
  opt: LineOption | undefined,
  typed: string,
  rest: string[],
): string | undefined {
  if (!opt || opt.kind === "boolean" || rest.length === 0) return undefined;
  const value = rest.shift()!;
  if (value.length > 1 && value[0] === "-") throw new LineError("ambiguous", typed);
  return value;
}

/** `-abc` as `-a -b -c`; a string option in the middle takes the rest (`-abfFILE`: `-fFILE`). */
function group(arg: string, byShort: ReadonlyMap<string, LineOption>): string[] {
  const words: string[] = [];
  for (let i = 1; i < arg.length; i++) {
    const kind = byShort.get(arg[i])?.kind;
    if (kind === undefined || kind === "boolean" || i === arg.length - 1) {
      words.push(`-${arg[i]}`);
    } else {
      words.push(`-${arg.slice(i)}`);
      break;
    }
  }
  return words;
}

/** Records one occurrence of an option: the last one wins, a list keeps every one. */
function store(
  values: Record<string, RawValue | undefined>,
  opt: LineOption,
  value: string | undefined,
): void {
  if (opt.kind === "boolean") {
    if (value !== undefined) throw new LineError("noValue", `--${opt.name}`);
    values[opt.name] = true;
    return;
  }
  if (value === undefined) throw new LineError("needsValue", `--${opt.name}`);
  if (opt.kind === "list") {
    const list = values[opt.name];
    values[opt.name] = Array.isArray(list) ? [...list, value] : [value];
  } else {
    values[opt.name] = value;
  }
}
