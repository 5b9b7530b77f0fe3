/**
 * Shell completion scripts for bash, zsh and fish, generated from the command
 * table, so a new command or option completes without anyone editing a script.
 *
 * @example
 * ```ts
 * const script = completionScript("bash", COMMANDS, "en");
 * ```
 * @module
 */
import type { OptionSpec } from "../../lib/cli/args.ts";
import { type Command, GLOBAL_OPTIONS, visible } from "../../lib/cli/command.ts";
import type { Lang } from "../../lib/config.ts";
import { localize } from "../../lib/i18n.ts";

/** The shells a script can be made for. */
export const SHELLS = ["bash", "zsh", "fish"] as const;

/** One of {@linkcode SHELLS}. */
export type Shell = typeof SHELLS[number];

/** A command of the tree with the words that lead to it. */
export interface CommandNode {
  /** Words after `kafka-lab`; empty for the program itself. */
  readonly path: readonly string[];
  readonly subcommands: readonly Command[];
  readonly options: readonly OptionSpec[];
  /** Arguments go to another program: nothing to complete after it. */
  readonly passthrough: boolean;
  /** Live names its first argument takes (a topic, a group), asked of the cluster at Tab. */
  readonly live?: Live;
}

/** Names the completion asks the running cluster for (`kafka-lab __complete <kind>`). */
export type Live = "topics" | "groups";

/** The live names an option or argument called `name` takes. */
function liveFor(name: string): Live | undefined {
  return name === "topic" ? "topics" : name === "group" ? "groups" : undefined;
}

/** Where-to-start words for `--from` and `--to`, beside declared choices. */
const POSITION_WORDS = ["beginning", "end", "offset:", "time:"];

/** The shell command that prints live names (nothing, quietly, when no cluster answers). */
function liveCommand(kind: Live): string {
  return `kafka-lab __complete ${kind} 2>/dev/null`;
}

/** Every command of the tree, the program itself first. */
export function commandNodes(commands: readonly Command[]): CommandNode[] {
  const shown = (options: readonly OptionSpec[]) => options.filter((o) => !o.hidden);
  const nodes: CommandNode[] = [{
    path: [],
    subcommands: visible(commands),
    options: shown(GLOBAL_OPTIONS),
    passthrough: false,
  }];
  const walk = (cmd: Command, parent: readonly string[]) => {
    const path = [...parent, cmd.name];
    nodes.push({
      path,
      subcommands: visible(cmd.subcommands ?? []),
      options: cmd.passthrough ? [] : shown([...(cmd.options ?? []), ...GLOBAL_OPTIONS]),
      passthrough: cmd.passthrough === true,
      live: liveFor(cmd.positionals?.[0]?.name ?? ""),
    });
    for (const sub of visible(cmd.subcommands ?? [])) walk(sub, path);
  };
  for (const c of visible(commands)) walk(c, []);
  return nodes;
}

function optionWords(o: OptionSpec): string[] {
  return o.short ? [`--${o.name}`, `-${o.short}`] : [`--${o.name}`];
}

/** Words a shell may complete at a node: subcommands, then options. */
export function nodeWords(node: CommandNode): string[] {
  return [...node.subcommands.map((c) => c.name), ...node.options.flatMap(optionWords)];
}

/** Single-quotes a word for sh-like shells. */
function q(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The `case` bodies shared by bash and zsh: words per path, values per option. */
function shCases(
  nodes: readonly CommandNode[],
): { words: string; values: string; live: string } {
  const words = nodes.map((n) =>
    `    ${q(n.path.join(" "))}) echo ${q(nodeWords(n).join(" "))} ;;`
  );
  const values: string[] = [];
  const live: string[] = [];
  for (const n of nodes) {
    if (n.live) live.push(`    ${q(n.path.join(" "))}) ${liveCommand(n.live)} ;;`);
    for (const o of n.options) {
      const kind = liveFor(o.name);
      const words = o.choices ??
        (o.name === "from" || o.name === "to" ? POSITION_WORDS : undefined);
      if (!words && !kind) continue;
      const body = words ? `echo ${q(words.join(" "))}` : liveCommand(kind!);
      for (const w of optionWords(o)) {
        values.push(`    ${q(`${n.path.join(" ")}|${w}`)}) ${body} ;;`);
      }
    }
  }
  return { words: words.join("\n"), values: values.join("\n"), live: live.join("\n") };
}

function bashScript(nodes: readonly CommandNode[]): string {
  const { words, values, live } = shCases(nodes);
  return `# kafka-lab completion for bash: source <(kafka-lab completions bash)
_kafka_lab_words() {
  case "$1" in
${words}
    *) return 1 ;;
  esac
}
_kafka_lab_values() {
  case "$1|$2" in
${values}
    *) return 1 ;;
  esac
}
_kafka_lab_live() {
  case "$1" in
${live}
    *) return 1 ;;
  esac
}
_kafka_lab() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local cmdpath="" next i list
  for ((i = 1; i < COMP_CWORD; i++)); do
    next="\${cmdpath:+$cmdpath }\${COMP_WORDS[i]}"
    if _kafka_lab_words "$next" >/dev/null; then cmdpath="$next"; fi
  done
  if list=$(_kafka_lab_values "$cmdpath" "$prev"); then
    COMPREPLY=($(compgen -W "$list" -- "$cur"))
    return
  fi
  list=$(_kafka_lab_words "$cmdpath") || return
  if [[ "$cur" != -* ]]; then list="$list $(_kafka_lab_live "$cmdpath")"; fi
  COMPREPLY=($(compgen -W "$list" -- "$cur"))
}
complete -o default -F _kafka_lab kafka-lab
`;
}

function zshScript(nodes: readonly CommandNode[]): string {
  const { words, values, live } = shCases(nodes);
  return `#compdef kafka-lab
# kafka-lab completion for zsh: kafka-lab completions zsh > "\${fpath[1]}/_kafka-lab"
_kafka_lab_words() {
  case "$1" in
${words}
    *) return 1 ;;
  esac
}
_kafka_lab_values() {
  case "$1|$2" in
${values}
    *) return 1 ;;
  esac
}
_kafka_lab_live() {
  case "$1" in
${live}
    *) return 1 ;;
  esac
}
_kafka_lab() {
  local cmdpath="" next i list
  for ((i = 2; i < CURRENT; i++)); do
    next="\${cmdpath:+$cmdpath }\${words[i]}"
    if _kafka_lab_words "$next" >/dev/null; then cmdpath="$next"; fi
  done
  if list=$(_kafka_lab_values "$cmdpath" "\${words[CURRENT-1]}"); then
    compadd -- \${=list}
    return
  fi
  list=$(_kafka_lab_words "$cmdpath") || { _files; return; }
  if [[ "\${words[CURRENT]}" != -* ]]; then list="$list $(_kafka_lab_live "$cmdpath")"; fi
  compadd -- \${=list}
}
# Autoloaded from fpath as _kafka-lab (the first Tab): complete now, not only at the next Tab.
if [[ "\${funcstack[1]}" == _kafka-lab ]]; then
  _kafka_lab "$@"
else
  compdef _kafka_lab kafka-lab
fi
`;
}

function fishQuote(text: string): string {
  return `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}

function fishCondition(node: CommandNode, all: readonly CommandNode[]): string {
  if (node.path.length === 0) return "__fish_use_subcommand";
  const seen = node.path.map((w) => `__fish_seen_subcommand_from ${w}`);
  const children = all.find((n) => n.path.join(" ") === node.path.join(" "))!.subcommands;
  if (children.length > 0) {
    seen.push(`not __fish_seen_subcommand_from ${children.map((c) => c.name).join(" ")}`);
  }
  return seen.join("; and ");
}

function fishScript(nodes: readonly CommandNode[], lang: Lang): string {
  const lines = [
    "# kafka-lab completion for fish: kafka-lab completions fish > ~/.config/fish/completions/kafka-lab.fish",
    "complete -c kafka-lab -f",
  ];
  for (const n of nodes) {
    if (n.passthrough) continue;
    const cond = fishQuote(fishCondition(n, nodes));
    if (n.live) {
      lines.push(`complete -c kafka-lab -n ${cond} -a ${fishQuote(`(${liveCommand(n.live)})`)}`);
    }
    for (const c of n.subcommands) {
      lines.push(
        `complete -c kafka-lab -n ${cond} -a ${c.name} -d ${fishQuote(localize(c.summary, lang))}`,
      );
    }
    for (const o of n.options) {
      let line = `complete -c kafka-lab -n ${cond} -l ${o.name}`;
      if (o.short) line += ` -s ${o.short}`;
      const kind = liveFor(o.name);
      if (o.choices) line += ` -x -a ${fishQuote(o.choices.join(" "))}`;
      else if (kind) line += ` -x -a ${fishQuote(`(${liveCommand(kind)})`)}`;
      else if (o.type !== "boolean") line += " -r";
      lines.push(`${line} -d ${fishQuote(localize(o.description, lang))}`);
    }
  }
  return lines.join("\n") + "\n";
}

/** The completion script for `shell`; descriptions (fish) in `lang`. */
export function completionScript(shell: Shell, commands: readonly Command[], lang: Lang): string {
  const nodes = commandNodes(commands);
  switch (shell) {
    case "bash":
      return bashScript(nodes);
    case "zsh":
      return zshScript(nodes);
    case "fish":
      return fishScript(nodes, lang);
  }
}
