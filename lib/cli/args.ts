/**
 * Declarative command-line options (the line split by `split_line.ts`, by the
 * rules of `node:util` `parseArgs`): typed values,
 * ranges, choices, required flags, and the help text built from the same table.
 *
 * @example
 * ```ts
 * const OPTS = [
 *   { name: "count", type: "integer", min: 1, default: 5, description: "How many" },
 * ] as const;
 * const args = parseOptions(["--count", "3"], OPTS);
 * args.values.count; // 3, typed number: a misspelt name does not compile
 * ```
 * @module
 */
import { UsageError } from "../errors.ts";
import { fillText, type Localizable, t } from "../i18n.ts";
import { LineError, type RawValue, type SplitLine, splitLine as split } from "./split_line.ts";
import { didYouMean, nearest } from "./suggest.ts";

/** The kinds of value an option takes. */
export type OptionType = "string" | "boolean" | "integer" | "number" | "list";

/** One option of a command. */
export interface OptionSpec {
  /** Long name without dashes, kebab-case: `replication-factor`. */
  readonly name: string;
  /** One-letter alias without the dash. */
  readonly short?: string;
  readonly type: OptionType;
  readonly description: Localizable;
  /** Shown in help as `<VALUE>`; defaults to a name derived from the type. */
  readonly valueName?: string;
  readonly default?: string | number | boolean;
  readonly choices?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly required?: boolean;
  /** Whether a string option may be given as `''` (refused by default: `--group ''`). */
  readonly allowEmpty?: boolean;
  /** Left out of help, completion and suggestions (an old spelling, kept for a release). */
  readonly hidden?: boolean;
  /**
   * An old spelling of another option of the table: when given (and that one
   * is not), it gives that option its value, or `value` (`--from-beginning`
   * means `--from beginning`). Declare it `hidden`.
   */
  readonly aliasOf?: { readonly name: string; readonly value?: string };
}

type BaseValue<S> = S extends { readonly type: "boolean" } ? boolean
  : S extends { readonly type: "integer" | "number" } ? number
  : S extends { readonly type: "list" } ? string[]
  : S extends { readonly choices: readonly (infer C)[] } ? C
  : string;

/** The value an option holds after parsing: undefined only when it may be absent. */
export type OptionValue<S> = S extends { readonly type: "boolean" | "list" } ? BaseValue<S>
  : S extends { readonly default: unknown } | { readonly required: true } ? BaseValue<S>
  : BaseValue<S> | undefined;

/**
 * The parsed values of an option table declared `as const`, keyed by option
 * name, each typed from its spec: a misspelt name does not compile.
 *
 * @example
 * ```ts
 * const OPTS = [{ name: "count", type: "integer", default: 5, description: "How many" }] as const;
 * type V = OptionValues<typeof OPTS>; // { readonly count: number }
 * ```
 */
export type OptionValues<O extends readonly OptionSpec[]> = {
  readonly [S in O[number] as S["name"]]: OptionValue<S>;
};

/** The name of one option of a table. */
export type OptionName<O extends readonly OptionSpec[]> = O[number]["name"];

/** A positional argument of a command. */
export interface PositionalSpec {
  readonly name: string;
  readonly description: Localizable;
  readonly required?: boolean;
}

type Value = string | number | boolean | string[] | undefined;

/**
 * The parsed, validated values of one command line, typed by its option table
 * `O`. Without `O` no option can be read (only positionals): a command that
 * reads options declares them `as const` and gets `ParsedArgs<typeof TABLE>`.
 */
export class ParsedArgs<O extends readonly OptionSpec[] = readonly []> {
  readonly #values: Record<string, Value>;
  readonly #given: Set<string>;
  readonly #options: readonly OptionSpec[];
  /** Positional arguments in order. */
  readonly positionals: readonly string[];

  constructor(
    values: Record<string, Value>,
    given: Set<string>,
    positionals: string[],
    options: readonly OptionSpec[] = [],
  ) {
    this.#values = values;
    this.#given = given;
    this.positionals = positionals;
    this.#options = options;
  }

  /** Every option's value, typed from the option table (`args.values.count`). */
  get values(): OptionValues<O> {
    return this.#values as unknown as OptionValues<O>;
  }

  /** Whether the user typed this option (as opposed to its default applying). */
  given(name: OptionName<O>): boolean {
    return this.#given.has(name);
  }

  /**
   * The values of the options of `table`, a part of the table this line was
   * parsed with (the global options, a shared option such as `--prefix`):
   * each one's value, or its default when the command does not declare it.
   * Throws when the command declares an option of that name with another type.
   *
   * @example
   * ```ts
   * const g = args.valuesOf(GLOBAL_OPTIONS);
   * g.json; // boolean
   * ```
   */
  valuesOf<const P extends readonly OptionSpec[]>(table: P): OptionValues<P> {
    const picked: Record<string, Value> = {};
    for (const spec of table) {
      const declared = this.#options.find((o) => o.name === spec.name);
      if (declared && declared.type !== spec.type) {
        throw new Error(`--${spec.name} is declared as ${declared.type}, read as ${spec.type}`);
      }
      picked[spec.name] = declared ? this.#values[spec.name] : absentValue(spec);
    }
    return picked as unknown as OptionValues<P>;
  }
}

/** The value of an option the line does not give: its default, `false`, or `[]`. */
function absentValue(spec: OptionSpec): Value {
  if (spec.type === "list") return [];
  if (spec.type === "boolean") return spec.default === true;
  return spec.default;
}

function requiredError(name: string): UsageError {
  return new UsageError(fillText(t("--{name} is required", "нужен параметр --{name}"), { name }));
}

function parseNumber(spec: OptionSpec, raw: string): number {
  const trimmed = raw.trim();
  const n = spec.type === "integer" ? Number(trimmed) : Number.parseFloat(trimmed);
  const valid = trimmed !== "" && Number.isFinite(n) && (spec.type !== "integer" ||
    (Number.isInteger(n) && /^[+-]?\d+$/.test(trimmed)));
  const vars = { name: spec.name, raw, min: spec.min ?? "", max: spec.max ?? "" };
  if (!valid) {
    throw new UsageError(fillText(
      spec.type === "integer"
        ? t(
          "--{name} takes a whole number, not '{raw}'",
          "--{name} принимает целое число, а не '{raw}'",
        )
        : t("--{name} takes a number, not '{raw}'", "--{name} принимает число, а не '{raw}'"),
      vars,
    ));
  }
  if (spec.min !== undefined && n < spec.min) {
    throw new UsageError(fillText(
      t(
        "--{name} must be at least {min}, not {raw}",
        "--{name} должен быть не меньше {min}, а не {raw}",
      ),
      vars,
    ));
  }
  if (spec.max !== undefined && n > spec.max) {
    throw new UsageError(fillText(
      t(
        "--{name} must be at most {max}, not {raw}",
        "--{name} должен быть не больше {max}, а не {raw}",
      ),
      vars,
    ));
  }
  return n;
}

function checkChoice(spec: OptionSpec, raw: string): string {
  if (spec.choices && !spec.choices.includes(raw)) {
    throw new UsageError(fillText(
      t(
        "--{name} must be one of {choices}, not '{raw}'",
        "--{name}: допустимые значения {choices}, а не '{raw}'",
      ),
      { name: spec.name, choices: spec.choices.join(", "), raw },
    ));
  }
  if (raw === "" && !spec.allowEmpty) {
    throw new UsageError(
      fillText(t("--{name} cannot be empty", "--{name} не может быть пустым"), { name: spec.name }),
      fillText(
        t(
          "give a value, or leave --{name} out to use the default",
          "укажите значение или не указывайте --{name}, чтобы действовало значение по умолчанию",
        ),
        { name: spec.name },
      ),
    );
  }
  return raw;
}

const PARSE_WORDS = {
  unknown: t("unknown option {flag}", "неизвестный параметр {flag}"),
  needsValue: t("{flag} needs a value", "параметру {flag} нужно значение"),
  unexpected: t("unexpected argument '{arg}'", "лишний аргумент '{arg}'"),
  dashHint: t(
    "to give a value that starts with '-', write {flag}=<value>",
    "значение, которое начинается с '-', пишите так: {flag}=<значение>",
  ),
  noValue: t("{flag} takes no value", "параметр {flag} не принимает значения"),
} as const;

/** A line that cannot be split, in one plain sentence (with a hint where one helps). */
function usageFromLineError(err: LineError, options: readonly OptionSpec[]): UsageError {
  const { flag } = err;
  switch (err.kind) {
    case "unknown":
      return unknownOption(flag, options);
    case "needsValue":
      return new UsageError(fillText(PARSE_WORDS.needsValue, { flag }));
    case "ambiguous":
      return new UsageError(
        fillText(PARSE_WORDS.needsValue, { flag }),
        fillText(PARSE_WORDS.dashHint, { flag }),
      );
    case "noValue":
      return new UsageError(fillText(PARSE_WORDS.noValue, { flag }));
  }
}

/** An unknown option, with the nearest declared ones when some are close (`--form`: `--format`). */
function unknownOption(flag: string, options: readonly OptionSpec[]): UsageError {
  const text = fillText(PARSE_WORDS.unknown, { flag });
  if (!flag.startsWith("--")) return new UsageError(text);
  const names = options.filter((o) => !o.hidden).map((o) => `--${o.name}`);
  const near = nearest(flag.split("=")[0], names);
  return new UsageError(text, didYouMean(near));
}

/**
 * Parses `argv` against the option table. Throws {@linkcode UsageError} for an
 * unknown option, a missing or malformed value, a value out of range, or too
 * many positionals.
 */
export function parseOptions<const O extends readonly OptionSpec[]>(
  argv: readonly string[],
  options: O,
  positionals: readonly PositionalSpec[] = [],
): ParsedArgs<O> {
  const parsed = splitLine(argv, options);
  for (const spec of options) {
    const raw = parsed.values[spec.name];
    const target = spec.aliasOf;
    if (raw === undefined || !target || parsed.values[target.name] !== undefined) continue;
    parsed.values[target.name] = target.value ?? raw;
  }
  const values: Record<string, Value> = {};
  const given = new Set<string>();
  for (const spec of options) {
    const raw = parsed.values[spec.name];
    if (raw === undefined) {
      if (spec.required) throw requiredError(spec.name);
      values[spec.name] = absentValue(spec);
      continue;
    }
    given.add(spec.name);
    values[spec.name] = givenValue(spec, raw);
  }
  checkPositionals(positionals, parsed.positionals);
  return new ParsedArgs<O>(values, given, parsed.positionals, options);
}

/** The line split into raw values by option name, and positionals. */
function splitLine(argv: readonly string[], options: readonly OptionSpec[]): SplitLine {
  const line = options.map((spec) => ({
    name: spec.name,
    short: spec.short,
    kind: spec.type === "boolean" || spec.type === "list" ? spec.type : "string" as const,
  }));
  try {
    return split(argv, line);
  } catch (err) {
    if (err instanceof LineError) throw usageFromLineError(err, options);
    throw err;
  }
}

/** A given option's value, converted to its type and checked against its range or choices. */
function givenValue(spec: OptionSpec, raw: RawValue): Value {
  switch (spec.type) {
    case "boolean":
      return raw === true;
    case "integer":
    case "number":
      return parseNumber(spec, String(raw));
    case "list":
      return (raw as string[]).map((r) => checkChoice(spec, r));
    default:
      return checkChoice(spec, String(raw));
  }
}

/** No positional beyond those declared, and every required one given. */
function checkPositionals(positionals: readonly PositionalSpec[], got: readonly string[]): void {
  if (got.length > positionals.length) {
    throw new UsageError(fillText(PARSE_WORDS.unexpected, { arg: got[positionals.length] }));
  }
  positionals.forEach((p, i) => {
    if (p.required && got[i] === undefined) {
      throw new UsageError(
        fillText(t("missing argument <{name}>", "не хватает аргумента <{name}>"), { name: p.name }),
      );
    }
  });
}
