/**
 * `kafka-lab completions bash|zsh|fish`: a completion script made from the
 * command table (the context's command table), so it always matches the program.
 * @module
 */
import type { Command } from "../../lib/cli/command.ts";
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
