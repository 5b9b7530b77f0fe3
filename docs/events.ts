/**
 * Writes `docs/events.md`, the reference of every `--json` event, from the
 * catalogues (`deno task docs:events`). The list below is every catalogue of
 * the program; a unit test fails when an `events.ts` is missing from it or
 * when `docs/events.md` is not what this script writes now.
 *
 * @example
 * ```sh
 * deno task docs:events
 * ```
 * @module
 */
import { BENCH_EVENTS } from "../commands/bench/events.ts";
import { CHECK_EVENTS } from "../commands/check/events.ts";
import { CLASS_EVENTS } from "../commands/class/events.ts";
import { CLUSTER_EVENTS } from "../commands/cluster/events.ts";
import { COMPLETIONS_EVENTS } from "../commands/completions/events.ts";
import { CONFIG_EVENTS } from "../commands/config/events.ts";
import { EXERCISE_EVENTS } from "../commands/exercise/events.ts";
import { GROUPS_EVENTS } from "../commands/groups/events.ts";
import { READ_EVENTS } from "../commands/read/events.ts";
import { TOPIC_EVENTS } from "../commands/topic/events.ts";
import { REPORT_EVENTS } from "../commands/report/events.ts";
import { SELF_CHECK_EVENTS } from "../commands/self_check/events.ts";
import { UI_EVENTS } from "../commands/ui/events.ts";
import { WRITE_EVENTS } from "../commands/write/events.ts";
import { LAB1_EVENTS } from "../labs/lab1_topics/events.ts";
import { LAB2_EVENTS } from "../labs/lab2_hello/events.ts";
import { LAB3_EVENTS } from "../labs/lab3_coordinates/events.ts";
import { LAB4_EVENTS } from "../labs/lab4_batch/events.ts";
import { LAB5_EVENTS } from "../labs/lab5_guarantees/events.ts";
import { LAB6_EVENTS } from "../labs/lab6_limits/events.ts";
import { RUNTIME_EVENTS } from "../lib/cluster/events.ts";
import {
  type Catalogue,
  CORE_EVENTS,
  type EventDef,
  type Field,
  LAB_EVENTS,
} from "../lib/events.ts";

/** One catalogue as the reference shows it. */
export interface CatalogueEntry {
  /** The first level of its events' names; empty for the core events. */
  readonly scope: string;
  /** The section heading. */
  readonly title: string;
  /** Which commands print these events. */
  readonly printedBy: string;
  /** Where the catalogue is declared, from the repository root. */
  readonly source: string;
  readonly events: Catalogue;
}

/** Every catalogue, in the order of `kafka-lab --help`. */
export const CATALOGUES: readonly CatalogueEntry[] = [
  {
    scope: "",
    title: "Core",
    printedBy: "any command",
    source: "lib/events.ts",
    events: CORE_EVENTS,
  },
  {
    scope: "lab",
    title: "Guided labs",
    printedBy: "`lab1` … `lab5` (the guided run), `deno task answers` (instructors)",
    source: "lib/events.ts",
    events: LAB_EVENTS,
  },
  {
    scope: "runtime",
    title: "Local cluster runtimes",
    printedBy: "`up`",
    source: "lib/cluster/events.ts",
    events: RUNTIME_EVENTS,
  },
  {
    scope: "cluster",
    title: "Cluster",
    printedBy: "`up`, `status`, `down`, `broker`",
    source: "commands/cluster/events.ts",
    events: CLUSTER_EVENTS,
  },
  {
    scope: "config",
    title: "config",
    printedBy: "`config`",
    source: "commands/config/events.ts",
    events: CONFIG_EVENTS,
  },
  {
    scope: "topic",
    title: "topic",
    printedBy:
      "`topic create`, `topic list`, `topic describe`, `topic delete`, `topic alter-config`, `topic add-partitions`",
    source: "commands/topic/events.ts",
    events: TOPIC_EVENTS,
  },
  {
    scope: "groups",
    title: "groups",
    printedBy: "`groups list`, `groups describe`, `groups reset`, `groups delete`",
    source: "commands/groups/events.ts",
    events: GROUPS_EVENTS,
  },
  {
    scope: "read",
    title: "read",
    printedBy: "`read`",
    source: "commands/read/events.ts",
    events: READ_EVENTS,
  },
  {
    scope: "write",
    title: "write",
    printedBy: "`write`",
    source: "commands/write/events.ts",
    events: WRITE_EVENTS,
  },
  {
    scope: "ui",
    title: "ui",
    printedBy: "`ui`",
    source: "commands/ui/events.ts",
    events: UI_EVENTS,
  },
  {
    scope: "bench",
    title: "bench",
    printedBy: "`bench produce`, `bench consume`",
    source: "commands/bench/events.ts",
    events: BENCH_EVENTS,
  },
  {
    scope: "check",
    title: "check",
    printedBy: "`check`",
    source: "commands/check/events.ts",
    events: CHECK_EVENTS,
  },
  {
    scope: "exercise",
    title: "exercise",
    printedBy: "`exercise`, `check labN --exercise`",
    source: "commands/exercise/events.ts",
    events: EXERCISE_EVENTS,
  },
  {
    scope: "class",
    title: "class",
    printedBy: "`class init`, `class remove`, `class list`",
    source: "commands/class/events.ts",
    events: CLASS_EVENTS,
  },
  {
    scope: "report",
    title: "report",
    printedBy: "`report`",
    source: "commands/report/events.ts",
    events: REPORT_EVENTS,
  },
  {
    scope: "self-check",
    title: "self-check",
    printedBy: "`self-check`, `doctor`",
    source: "commands/self_check/events.ts",
    events: SELF_CHECK_EVENTS,
  },
  {
    scope: "completions",
    title: "completions",
    printedBy: "`completions`",
    source: "commands/completions/events.ts",
    events: COMPLETIONS_EVENTS,
  },
  {
    scope: "lab1",
    title: "lab1: topics, partitions, replicas",
    printedBy: "`lab1` and its subcommands",
    source: "labs/lab1_topics/events.ts",
    events: LAB1_EVENTS,
  },
  {
    scope: "lab2",
    title: "lab2: hello-kafka producer and consumer",
    printedBy: "`lab2` and its subcommands",
    source: "labs/lab2_hello/events.ts",
    events: LAB2_EVENTS,
  },
  {
    scope: "lab3",
    title: "lab3: coordinates with a Schema Registry",
    printedBy: "`lab3` and its subcommands",
    source: "labs/lab3_coordinates/events.ts",
    events: LAB3_EVENTS,
  },
  {
    scope: "lab4",
    title: "lab4: batch and single-record consumers",
    printedBy: "`lab4` and its subcommands",
    source: "labs/lab4_batch/events.ts",
    events: LAB4_EVENTS,
  },
  {
    scope: "lab5",
    title: "lab5: delivery guarantees",
    printedBy: "`lab5`, its parts and `lab5 worker`",
    source: "labs/lab5_guarantees/events.ts",
    events: LAB5_EVENTS,
  },
  {
    scope: "lab6",
    title: "lab6: consumer liveness, retention, message size, min.insync.replicas",
    printedBy: "`lab6`",
    source: "labs/lab6_limits/events.ts",
    events: LAB6_EVENTS,
  },
];

/** Every declared event, by name. */
export function eventsByName(): Map<string, EventDef<never>> {
  return new Map(
    CATALOGUES.flatMap((c) => Object.values(c.events)).map((e) => [e.name, e]),
  );
}

/** A table cell: `|` would end the cell, a line break the row. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

/** GitHub's anchor of a heading that is one code span. */
function anchor(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9 -]/g, "").replaceAll(" ", "-");
}

function eventSection(e: EventDef<never>): string[] {
  const lines = [`### \`${e.name}\``, "", e.doc, ""];
  const fields = Object.entries(e.fields);
  if (fields.length === 0) lines.push("No fields.", "");
  else {
    lines.push("| Field | Type | Note |", "| --- | --- | --- |");
    for (const [name, top] of fields) {
      const rows: Array<readonly [string, Field]> = [
        [name, top],
        ...top.rows.map(([p, x]) => [name + p, x] as const),
      ];
      for (const [path, f] of rows) {
        const type = `\`${f.short}\`${f.optional ? " (optional)" : ""}`;
        lines.push(`| \`${path}\` | ${cell(type)} | ${cell(f.note ?? "")} |`);
      }
    }
    lines.push("");
  }
  if (e.open) lines.push("More fields may come (see the description).", "");
  if (e.was) lines.push(`Called \`${e.was}\` before 0.2.`, "");
  return lines;
}

/** The reference, before `deno fmt` lays it out. */
export function renderEventsMarkdown(): string {
  const lines = [
    "# `--json` events",
    "",
    "<!-- Written by `deno task docs:events` from the catalogues (docs/events.ts lists them);",
    "do not edit: a unit test fails when this file is not what the script writes. -->",
    "",
    'With `--json` every command prints one JSON object per line on stdout, `{"event": name, ...fields}`,',
    "and nothing else: every line a person reads has an event twin. This page lists every event by",
    "command, with its fields and their types (TypeScript notation; `integer` is a whole `number`).",
    "Each command declares its events in an `events.ts` beside its `mod.ts`, and",
    "`out.event()` accepts only a declared event with fields of the declared types.",
    "",
    "## Names",
    "",
    "`<scope>.<subject>.<what>` (`lab1.topic.created`), or `<scope>.<what>` when the scope is the",
    "subject (`cluster.up`, `read.done`). The scope is the command as you type it (`groups`,",
    "`self-check`, `lab3`), `lab` for the frame every guided lab shares and `runtime` for the local",
    "cluster runtimes; only the core events (`error`, `warning`, `progress`, `version`) have none.",
    "`<what>` is a past participle for what happened (`delivered`), a state (`ready`), a noun for a",
    "report (`status`), or `done` for a run's totals. Lower case; a level of several words joins",
    "them with `-`, as commands and options do (`groups.reset.dry-run`). One command's events:",
    "`jq 'select(.event | startswith(\"lab2.\"))'`.",
    "",
    "## Contents",
    "",
    ...CATALOGUES.map((c) => `- [${c.title}](#${anchor(c.title)})`),
    "- [Renamed in 0.2](#renamed-in-02)",
    "",
  ];
  for (const c of CATALOGUES) {
    lines.push(
      `## ${c.title}`,
      "",
      `Printed by ${c.printedBy}. Declared in [\`${c.source}\`](../${c.source}).`,
      "",
    );
    for (const e of Object.values(c.events)) lines.push(...eventSection(e));
  }
  lines.push(
    "## Renamed in 0.2",
    "",
    "kafka-lab 0.2 gave every event the name style above. Scripts written for 0.1 match these names:",
    "",
    "| Scope | 0.1 | 0.2 |",
    "| --- | --- | --- |",
  );
  for (const c of CATALOGUES) {
    for (const e of Object.values(c.events)) {
      if (e.was) lines.push(`| ${c.scope || "core"} | \`${e.was}\` | \`${e.name}\` |`);
    }
  }
  lines.push(
    "",
    "`result`, which the guided labs printed for a few results, is gone: each result has a name of",
    "its own (`lab5.topic.created`, `lab5.retry.timeout`).",
    "",
  );
  return lines.join("\n");
}

/** The reference as `deno fmt` lays it out: what `docs/events.md` holds. */
export async function eventsMarkdown(): Promise<string> {
  const fmt = new Deno.Command(Deno.execPath(), {
    args: ["fmt", "--ext=md", "-"],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = fmt.stdin.getWriter();
  await writer.write(new TextEncoder().encode(renderEventsMarkdown()));
  await writer.close();
  const out = await fmt.output();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
  return new TextDecoder().decode(out.stdout);
}

/** Where the reference lives. */
export const EVENTS_MD = new URL("./events.md", import.meta.url);

if (import.meta.main) {
  await Deno.writeTextFile(EVENTS_MD, await eventsMarkdown());
  // deno-lint-ignore no-console
  console.log(`wrote ${EVENTS_MD.pathname}`);
}
