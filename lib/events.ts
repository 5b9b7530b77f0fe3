/**
 * The `--json` events: each command declares the events it prints in a
 * catalogue (`events.ts` beside its `mod.ts`; the core ones are here), and
 * {@linkcode Output.event} takes only a declared event with fields of the
 * declared types, so an undeclared event or a field of the wrong type does not
 * compile. `docs/events.md` is written from the catalogues (`deno task
 * docs:events`), and a unit test fails when it is out of step.
 *
 * ## Naming
 *
 * ```
 * <scope>.<subject>.<what>    lab1.topic.created, cluster.broker.stopped, lab4.batch.committed
 * <scope>.<what>              cluster.up, read.done, ui.listening (the scope is the subject)
 * <what>                      error, warning, progress, version (core events only)
 * ```
 *
 * - `<scope>` is the command the event belongs to, spelt as the user types it:
 *   the noun of `commands/<noun>/` (`cluster`, `groups`, `self-check`) or the
 *   lab (`lab1` … `lab5`); `lab` for the guided-lab frame every lab shares,
 *   `runtime` for the local cluster runtimes that `up` drives. Only the four
 *   core events any command may print have no scope.
 * - `<what>` is a past participle for something that happened (`created`,
 *   `delivered`, `committed`, `started`), a state (`up`, `ready`, `listening`),
 *   a noun for a report of a thing (`status`, `record`, `partition`), and
 *   `done` for the totals that close a run. A guided lab's checks are
 *   `<lab>.check.<what>` with an `ok` field.
 * - Lower case; dots separate the levels, and a level of several words joins
 *   them with `-`, as the command line spells its commands and options
 *   (`self-check`, `--dry-run`, `lab5 min-isr`), so an event says the words the
 *   user typed: `groups.reset.dry-run`, `lab5.min-isr.refused`.
 *
 * Why: the first level says which command printed an event and where
 * `docs/events.md` describes it, and scripts can take one command's events
 * with a prefix (`jq 'select(.event | startswith("lab2."))'`); one spelling
 * for commands, options and events leaves nothing to guess. Words of one
 * level keep their hyphen rather than being squashed (`selfcheck`,
 * `minisr`): those would be names the user never types. A unit test checks
 * every name against {@linkcode EVENT_NAME} and its catalogue's scope.
 *
 * @example
 * ```ts
 * import { event, field as f } from "../../lib/events.ts";
 * export const DEMO_EVENTS = {
 *   delivered: event("demo.record.delivered", "A record was acknowledged.", {
 *     partition: f.integer,
 *     offset: f.string,
 *   }),
 * };
 * out.event(DEMO_EVENTS.delivered, { partition: 0, offset: "4" }, "delivered");
 * ```
 * @module
 */

/** A field of an event: its TypeScript type `T` (for the compiler) and its docs. */
export interface Field<T = unknown> {
  /** The whole type in TypeScript notation (`{ id: integer; address: string }[]`). */
  readonly type: string;
  /** The type as a row of the docs' table shows it: objects as `object`, their fields in `rows`. */
  readonly short: string;
  /** The fields inside, each as a path below this one (`[].id`, `.address`), for the docs. */
  readonly rows: ReadonlyArray<readonly [string, Field]>;
  /** The field may be left out. */
  readonly optional: boolean;
  /** Why the value parsed from a JSON line does not fit, or `undefined` when it does. */
  readonly problem: (value: unknown) => string | undefined;
  /** A few words on the field for `docs/events.md`, when its name is not enough. */
  readonly note?: string;
  /** The same field with a note for the docs. */
  doc(note: string): this;
  /** Never set: carries `T` for the compiler. */
  readonly _type?: T;
}

/** The fields of an event (or of an object inside one), by name. */
export type Fields = Readonly<Record<string, Field>>;

type TypeOf<F> = F extends Field<infer T> ? T : never;
type OptionalKeys<S extends Fields> = {
  [K in keyof S]: S[K] extends { readonly optional: true } ? K : never;
}[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & unknown;

/** The data an event with fields `S` carries. */
export type DataOf<S extends Fields> = Simplify<
  & { readonly [K in Exclude<keyof S, OptionalKeys<S>>]: TypeOf<S[K]> }
  & { readonly [K in OptionalKeys<S>]?: TypeOf<S[K]> }
>;

/** One declared event: its name, what it means, its fields. Made by {@linkcode event}. */
export interface EventDef<D = unknown> {
  readonly name: string;
  /** One line: when the event is printed and what it says. */
  readonly doc: string;
  readonly fields: Fields;
  /** Fields beyond the declared ones may come too (the task's or the probe's details). */
  readonly open: boolean;
  /** The name this event had in kafka-lab 0.1, when it was renamed in 0.2. */
  readonly was?: string;
  /** Never set: carries the data type for the compiler. */
  readonly _data?: (data: D) => void;
}

/** The data an event carries. */
export type EventDataOf<E> = E extends EventDef<infer D> ? D : never;

/** A catalogue: the events of one command (or of the core), by the name code uses. */
export type Catalogue = Readonly<Record<string, EventDef<never>>>;

interface Shape {
  readonly type: string;
  readonly short?: string;
  readonly rows?: ReadonlyArray<readonly [string, Field]>;
  readonly optional?: boolean;
}

function make<T>(shape: Shape, problem: (value: unknown) => string | undefined): Field<T> {
  return {
    type: shape.type,
    short: shape.short ?? shape.type,
    rows: shape.rows ?? [],
    optional: shape.optional ?? false,
    problem,
    doc(note: string) {
      return { ...this, note } as typeof this;
    },
  };
}

function leaf<T>(type: string, fits: (value: unknown) => boolean): Field<T> {
  return make({ type }, (v) => fits(v) ? undefined : `expected ${type}, got ${JSON.stringify(v)}`);
}

function shapeProblem(fields: Fields, value: unknown, open: boolean): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return `expected an object, got ${JSON.stringify(value)}`;
  }
  const record = value as Record<string, unknown>;
  for (const [name, field] of Object.entries(fields)) {
    if (!(name in record)) {
      if (field.optional) continue;
      return `${name}: missing`;
    }
    const problem = field.problem(record[name]);
    if (problem) return `${name}: ${problem}`;
  }
  if (!open) {
    const extra = Object.keys(record).filter((k) => !(k in fields));
    if (extra.length > 0) return `undeclared field(s): ${extra.join(", ")}`;
  }
  return undefined;
}

function grouped(type: string): string {
  return / \| /.test(type) ? `(${type})` : type;
}

/** A field and every field inside it, as rows below `path`. */
function rowsOf(path: string, f: Field): Array<readonly [string, Field]> {
  return [[path, f], ...f.rows.map(([p, x]) => [path + p, x] as const)];
}

/** The field types. */
export const field = {
  string: leaf<string>("string", (v) => typeof v === "string"),
  /** A whole number (partitions, counts, broker ids). */
  integer: leaf<number>("integer", (v) => Number.isInteger(v)),
  /** Any number; JSON prints `NaN` and infinities as `null`. */
  number: leaf<number>("number", (v) => typeof v === "number" || v === null),
  boolean: leaf<boolean>("boolean", (v) => typeof v === "boolean"),
  /** Any JSON value (a record as the user wrote it, a schema). */
  json: leaf<unknown>("any", () => true),
  /** One of the given strings. */
  oneOf<const L extends readonly string[]>(...values: L): Field<L[number]> {
    return leaf<L[number]>(
      values.map((v) => JSON.stringify(v)).join(" | "),
      (v) => values.includes(v as string),
    );
  },
  /** Exactly this value (a tag of a union: `known: f.constant(true)`). */
  constant<const V extends string | number | boolean>(value: V): Field<V> {
    return leaf<V>(JSON.stringify(value), (v) => v === value);
  },
  /** One of several types or shapes. */
  union<const U extends readonly Field[]>(...fields: U): Field<TypeOf<U[number]>> {
    const shorts = [...new Set(fields.map((x) => x.short))];
    return make({
      type: fields.map((x) => x.type).join(" | "),
      short: shorts.join(" | "),
      rows: fields.flatMap((x) => x.rows),
    }, (v) => {
      const problems = fields.map((x) => x.problem(v));
      return problems.some((p) => p === undefined) ? undefined : problems.join("; or ");
    });
  },
  /** `T` or `null`. */
  nullable<T>(inner: Field<T>): Field<T | null> {
    return make({
      type: `${inner.type} | null`,
      short: `${inner.short} | null`,
      rows: inner.rows,
    }, (v) => v === null ? undefined : inner.problem(v));
  },
  /** A field that may be left out. */
  optional<T>(inner: Field<T>): Field<T | undefined> & { readonly optional: true } {
    return make<T | undefined>({ ...inner, optional: true }, inner.problem) as
      & Field<T | undefined>
      & { readonly optional: true };
  },
  /** A list. */
  array<T>(inner: Field<T>): Field<readonly T[]> {
    return make({
      type: `${grouped(inner.type)}[]`,
      short: `${grouped(inner.short)}[]`,
      rows: inner.rows.map(([p, x]) => [`[]${p}`, x] as const),
    }, (v) => {
      if (!Array.isArray(v)) return `expected a list, got ${JSON.stringify(v)}`;
      for (const [i, item] of v.entries()) {
        const problem = inner.problem(item);
        if (problem) return `[${i}]: ${problem}`;
      }
      return undefined;
    });
  },
  /** An object with the given fields. */
  object<const S extends Fields>(fields: S): Field<DataOf<S>> {
    const parts = Object.entries(fields).map(([k, f]) => `${k}${f.optional ? "?" : ""}: ${f.type}`);
    return make({
      type: `{ ${parts.join("; ")} }`,
      short: "object",
      rows: Object.entries(fields).flatMap(([k, f]) => rowsOf(`.${k}`, f)),
    }, (v) => shapeProblem(fields, v, false));
  },
  /** An object whose keys are data (topic configs by name). */
  record<T>(inner: Field<T>): Field<Readonly<Record<string, T>>> {
    return make({
      type: `Record<string, ${inner.type}>`,
      short: `Record<string, ${inner.short}>`,
      rows: inner.rows.map(([p, x]) => [`[key]${p}`, x] as const),
    }, (v) => {
      if (typeof v !== "object" || v === null || Array.isArray(v)) {
        return `expected an object, got ${JSON.stringify(v)}`;
      }
      for (const [k, item] of Object.entries(v)) {
        const problem = inner.problem(item);
        if (problem) return `${k}: ${problem}`;
      }
      return undefined;
    });
  },
};

/**
 * Declares one event: its name (see the module docs for the style), one line
 * on when it is printed, and its fields.
 */
export function event<const S extends Fields>(
  name: string,
  doc: string,
  fields: S,
  options: { readonly open?: boolean; readonly was?: string } = {},
): EventDef<DataOf<S>> {
  const def = { name, doc, fields, open: options.open ?? false };
  return options.was === undefined ? def : { ...def, was: options.was };
}

/**
 * Why a parsed `--json` line does not fit its declared event, or `undefined`
 * when it does (tests check every event the program prints with this).
 */
export function eventProblem(
  def: EventDef<never>,
  line: Record<string, unknown>,
): string | undefined {
  const { event: name, ...data } = line;
  if (name !== def.name) return `event is ${JSON.stringify(name)}, not ${def.name}`;
  return shapeProblem(def.fields, data, def.open);
}

/** The pattern every event name follows (see the module docs). */
export const EVENT_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z][a-z0-9]*(-[a-z0-9]+)*)*$/;

const f = field;

/** The core events: any command may print them. */
export const CORE_EVENTS = {
  error: event("error", "The command failed; printed last, before the exit code.", {
    message: f.string,
    hint: f.optional(f.string),
    exitCode: f.integer,
    stack: f.optional(f.string).doc("With `--verbose` only."),
  }),
  warning: event("warning", "Something the user should know; the command goes on.", {
    message: f.string,
    topic: f.optional(f.string),
    warning: f.optional(f.string).doc(
      "The warning in English when `message` is in another language.",
    ),
    leaderless: f.optional(f.array(f.integer)).doc("Partitions without a leader."),
    differences: f.optional(f.array(f.string)).doc(
      "How an existing topic differs from the course's layout (English).",
    ),
  }),
  progress: event(
    "progress",
    "Long work goes on (at most one a second per task); more fields depend on the task.",
    { task: f.string, message: f.string },
    { open: true },
  ),
  version: event("version", "`kafka-lab --version --json`: what this build is.", {
    version: f.string,
    kafka: f.string,
    registry: f.object({ java: f.string, docker: f.string }).doc(
      "The Schema Registry each runtime starts.",
    ),
    kafkaImage: f.string,
    deno: f.string,
    target: f.string,
    compiled: f.boolean.doc("Whether this is the compiled binary (not `deno run`)."),
  }),
};

/** The frame every guided lab run prints (lib/guide.ts), and the instructors' `deno task answers`. */
export const LAB_EVENTS = {
  started: event("lab.started", "A guided lab run starts: its title.", {
    lab: f.string,
    title: f.string,
  }, { was: "lab.start" }),
  step: event("lab.step", "A step of a guided lab run begins.", {
    lab: f.string,
    n: f.integer,
    of: f.integer,
    title: f.string,
  }, { was: "step" }),
  done: event(
    "lab.done",
    "A guided lab run ends: whether every check passed, the summary and the control questions.",
    {
      lab: f.string,
      ok: f.boolean,
      failures: f.integer,
      summary: f.array(f.string),
      questions: f.array(f.string),
      ready: f.optional(f.integer).doc(
        "lab1: course topics that match the layout, out of `total`.",
      ),
      total: f.optional(f.integer),
      seconds: f.optional(f.integer).doc("lab5: how long the run took, in whole seconds."),
    },
  ),
  answer: event(
    "lab.answer",
    "`deno task answers` (instructors, from source): one control question with its answer.",
    {
      lab: f.string,
      n: f.integer,
      question: f.string,
      answer: f.string,
      provenBy: f.nullable(f.string).doc("The test in tests/answers/ that proves the answer."),
    },
    { was: "answer" },
  ),
};
