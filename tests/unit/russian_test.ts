/**
 * `--lang ru` is Russian on every line: the whole command tree (walked from
 * `COMMANDS`, so commands added later are covered too) is run with `--help`,
 * with an unknown flag, and against an unreachable broker and registry, and
 * every line is checked for English sentences outside names and values.
 * Needs no cluster: the broker and registry addresses are closed ports.
 */
import assert from "node:assert/strict";
import { COMMANDS } from "../../cli.ts";
import type { Command } from "../../lib/cli/command.ts";
import { runCli } from "../helpers.ts";

/** English function words: one of them outside names and values means an English sentence. */
const ENGLISH_WORDS = new Set([
  "the",
  "is",
  "are",
  "was",
  "not",
  "no",
  "to",
  "of",
  "with",
  "without",
  "cannot",
  "could",
  "error",
  "hint",
  "and",
  "or",
  "for",
  "from",
  "this",
  "that",
  "it",
  "its",
  "be",
  "has",
  "have",
  "see",
  "use",
  "usage",
  "default",
  "required",
  "options",
  "when",
  "each",
  "every",
  "only",
]);

/**
 * The English function words of a line, once names and values are taken
 * out: `code` and 'quoted' spans, flags, placeholders, key=value pairs,
 * addresses, dotted/underscored names (topics, config keys, classes).
 *
 * @example
 * ```ts
 * englishWords("ошибка: нет топика `hello-kafka`"); // []
 * englishWords("error: topic hello-kafka does not exist"); // ["error", "not"]
 * ```
 */
export function englishWords(line: string): string[] {
  const stripped = line
    .replace(/`[^`]*`/g, " ")
    .replace(/'[^']*'/g, " ")
    .replace(/"[^"]*"/g, " ")
    .replace(/«[^»]*»/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/\{[^}]*\}/g, " ")
    .replace(/(^|\s)--?[\w-]+(=\S*)?/g, " ")
    .replace(/\S*[=/@]\S*|\S+:\S+/g, " ")
    .replace(/\S*[._]\S*/g, " ")
    .replace(/\bkafka-lab\b.*$/, " "); // an example command runs to the end of the line
  const words = stripped.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.filter((w) => ENGLISH_WORDS.has(w));
}

Deno.test("englishWords finds English sentences and passes names, values and Russian", () => {
  assert.deepEqual(englishWords("error: topic hello-kafka does not exist"), ["error", "not"]);
  assert.deepEqual(englishWords("hint: see `kafka-lab --help`"), ["hint", "see"]);
  assert.deepEqual(englishWords("ошибка: топика hello-kafka нет"), []);
  assert.deepEqual(englishWords("  -t, --topic <NAME>   Топик (по умолчанию: hello-kafka)"), []);
  assert.deepEqual(englishWords("настройка min.insync.replicas=2, acks=all"), []);
  assert.deepEqual(englishWords("  kafka-lab lab2 consume --group other-group"), []);
});

/** Every command path of the tree, parents first. */
function commandPaths(commands: readonly Command[], above: string[] = []): string[][] {
  return commands.flatMap((c) => {
    const path = [...above, c.name];
    return [path, ...commandPaths(c.subcommands ?? [], path)];
  });
}

/**
 * Commands not run against an unreachable cluster: they manage the local
 * cluster itself (starting, stopping, opening a browser), which a test must
 * not do; their help and usage errors are still checked.
 */
const NOT_RUN = new Set(["up", "down", "broker", "ui", "kafka", "completions", "self-check"]);

/** Whether a command path runs one of Kafka's own tools (its output is Kafka's, not ours). */
function passesThrough(path: readonly string[]): boolean {
  let commands: readonly Command[] = COMMANDS;
  let cmd: Command | undefined;
  for (const name of path) {
    cmd = commands.find((c) => c.name === name);
    commands = cmd?.subcommands ?? [];
  }
  return cmd?.passthrough === true;
}

/** Lines of `text` with English words, as `line  ← words`. */
function englishLines(text: string): string[] {
  return text.split("\n")
    .map((line) => ({ line, words: englishWords(line) }))
    .filter((l) => l.words.length > 0)
    .map((l) => `${l.line.trim()}  ← ${l.words.join(", ")}`);
}

const UNREACHABLE = ["-b", "localhost:1", "--registry-url", "http://localhost:1"];

/** Runs one command line in Russian; returns its English lines, labelled. */
async function englishIn(args: string[], env: Record<string, string>): Promise<string[]> {
  const r = await runCli([...args, "--lang", "ru"], { env, timeoutMs: 60_000 });
  return englishLines(`${r.stdout}\n${r.stderr}`).map((l) => `kafka-lab ${args.join(" ")}: ${l}`);
}

for (const top of COMMANDS) {
  Deno.test(`--lang ru prints no English sentence in ${top.name} and its subcommands`, async () => {
    const state = await Deno.makeTempDir({ prefix: "kafka-lab-ru-" });
    const env = { KAFKA_LAB_STATE_DIR: state, KAFKA_BROKERS: "localhost:1" };
    try {
      const found: string[] = [];
      for (const path of commandPaths([top])) {
        // `kafka <tool>` hands its arguments to Kafka's own tool, whose help
        // and errors are Kafka's English; `kafka --help` itself is ours.
        if (passesThrough(path)) continue;
        found.push(...await englishIn([...path, "--help"], env));
        found.push(...await englishIn([...path, "--no-such-flag"], env));
        if (!NOT_RUN.has(top.name)) {
          found.push(...await englishIn([...path, ...UNREACHABLE, "--count", "1"], env));
          found.push(...await englishIn([...path, ...UNREACHABLE], env));
        }
      }
      assert.deepEqual(found, [], `English with --lang ru:\n${found.join("\n")}`);
    } finally {
      await Deno.remove(state, { recursive: true });
    }
  });
}
