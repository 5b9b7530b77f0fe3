/**
 * `kafka-lab completions bash|zsh|fish`: a completion script made from the
 * command table (the context's command table), so it always matches the program.
 * @module
 */
import type { Command } from "../../lib/cli/command.ts";
import type { Context } from "../../lib/context.ts";
import { t } from "../../lib/i18n.ts";
import { COMPLETIONS_EVENTS } from "./events.ts";

/** The `completions` command. */
export const completionsCommand: Command = {
  name: "completions",
  summary: t(
    "Print a shell completion script (bash, zsh or fish)",
    "Напечатать скрипт автодополнения для оболочки (bash, zsh или fish)",
  ),
  description: t(
    `Completes commands, subcommands, options and option values. Install:
  bash: echo 'source <(kafka-lab completions bash)' >> ~/.bashrc
  zsh:  kafka-lab completions zsh > "\${fpath[1]}/_kafka-lab"  (then restart zsh)
  fish: kafka-lab completions fish > ~/.config/fish/completions/kafka-lab.fish`,
    `Дополняет команды, подкоманды, параметры и их значения. Установка:
  bash: echo 'source <(kafka-lab completions bash)' >> ~/.bashrc
  zsh:  kafka-lab completions zsh > "\${fpath[1]}/_kafka-lab"  (затем перезапустите zsh)
  fish: kafka-lab completions fish > ~/.config/fish/completions/kafka-lab.fish`,
  ),
  positionals: [{
    name: "shell",
    required: true,
    description: t("bash, zsh or fish", "bash, zsh или fish"),
  }],
  examples: ["source <(kafka-lab completions bash)", "kafka-lab completions fish"],
  async run(ctx, args) {
    const { completionScript, SHELLS } = await import("./completions.ts");
    const { UsageError } = await import("../../lib/errors.ts");
    const { fillText } = await import("../../lib/i18n.ts");
    const shell = args.positionals[0] as typeof SHELLS[number];
    if (!SHELLS.includes(shell)) {
      throw new UsageError(
        fillText(t("no completion for '{shell}'", "автодополнения для '{shell}' нет"), { shell }),
        t("choose bash, zsh or fish", "выберите bash, zsh или fish"),
      );
    }
    const script = completionScript(shell, ctx.commands, ctx.out.lang);
    ctx.out.event(COMPLETIONS_EVENTS.script, { shell, script }, script.trimEnd());
  },
};

/** The kinds of live name the completion scripts ask for. */
export const LIVE_KINDS = ["topics", "groups"] as const;

/**
 * `kafka-lab __complete topics|groups`: the names the completion scripts
 * offer, one a line, read from the cluster within a second; nothing (and exit
 * 0) when the cluster does not answer, so a Tab never prints an error.
 */
export const completeCommand: Command = {
  name: "__complete",
  hidden: true,
  summary: t(
    "Internal: topic or group names for shell completion",
    "Служебная: имена топиков или групп для автодополнения",
  ),
  positionals: [{
    name: "kind",
    required: true,
    description: t("topics or groups", "topics или groups"),
  }],
  async run(ctx, args) {
    const kind = args.positionals[0] as typeof LIVE_KINDS[number];
    if (!LIVE_KINDS.includes(kind)) return 0;
    const names = await liveNames(ctx, kind).catch(() => [] as string[]);
    ctx.out.event(COMPLETIONS_EVENTS.names, { kind, names }, names.join("\n") || undefined);
    return 0;
  },
};

async function liveNames(
  ctx: Context<Command>,
  kind: typeof LIVE_KINDS[number],
): Promise<string[]> {
  const { withTimeout } = await import("../../lib/time.ts");
  const kafka = await ctx.kafka();
  const work = kind === "topics"
    ? kafka.topics().then((ts) => ts.map((tp) => tp.name).filter((n) => !n.startsWith("__")))
    : kafka.withAdmin(async (admin) => (await admin.listGroups()).groups.map((g) => g.groupId));
  return (await withTimeout(work, 1500, () => new Error("no answer within 1.5 s"))).sort();
}
