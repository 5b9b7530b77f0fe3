/**
 * `kafka-lab config`: prints every resolved setting and where it came from.
 * @module
 */
import type { Command } from "../../lib/cli/command.ts";
import { PREFIX_OPTION } from "../../lib/cli/lab_options.ts";
import type { Context } from "../../lib/context.ts";
import { localize, t } from "../../lib/i18n.ts";
import { table } from "../../lib/output.ts";
import { CONFIG_EVENTS } from "./events.ts";

/** The `config` command. */
export const configCommand: Command = {
  name: "config",
  summary: t(
    "Show the resolved settings and where each came from",
    "Показать итоговые настройки и откуда взята каждая",
  ),
  description: t(
    `
Settings are resolved in this order: command-line flag, environment variable,
.env file in the current folder, the running local cluster, built-in default.
Secrets are masked. The prefix is the one every lab, check and report uses.`,
    `
Порядок поиска настроек: флаг командной строки, переменная окружения, файл
.env в текущей папке, работающий локальный кластер, встроенное значение.
Секреты скрыты. Приставка — та, что берут все лабораторные, проверка и отчёт.`,
  ),
  // --prefix here shows what a lab given the same flag would use.
  options: [PREFIX_OPTION],
  examples: [
    "kafka-lab config",
    "KAFKA_BROKERS=broker:9092 kafka-lab config --json",
    "KAFKA_LAB_PREFIX=anna. kafka-lab config",
  ],
  run(ctx: Context): Promise<number> {
    const rows = Object.values(ctx.config.sources).map((s) => {
      const shown = s.value === undefined ? "" : s.secret ? "********" : s.value;
      return { key: s.key, value: shown, source: s.value === undefined ? "unset" : s.source, s };
    });
    for (const r of rows) {
      ctx.out.event(CONFIG_EVENTS.setting, {
        key: r.key,
        value: r.value === "" ? null : r.value,
        source: r.source,
        env: r.s.env,
        flag: r.s.flag ? `--${r.s.flag}` : null,
      });
    }
    if (!ctx.out.json) {
      const lang = ctx.config.lang;
      const lines = table(
        CONFIG_HEADERS.map((h) => localize(h, lang)),
        rows.map((r) => [
          r.key,
          r.value,
          localize(SOURCE_NAMES[r.source] ?? r.source, lang),
          [r.s.flag ? `--${r.s.flag}` : "", r.s.env].filter((x) => x).join(" / "),
        ]),
      );
      for (const l of lines) ctx.out.line(l);
    }
    return Promise.resolve(0);
  },
};

const CONFIG_HEADERS = [
  t("setting", "настройка"),
  t("value", "значение"),
  t("source", "источник"),
  t("set with", "как задать"),
];

/** The config's source names, as each language says them. */
const SOURCE_NAMES: Record<string, ReturnType<typeof t>> = {
  default: t("default", "по умолчанию"),
  unset: t("unset", "не задано"),
  flag: t("flag", "флаг"),
  env: t("env", "окружение"),
  ".env": t(".env", ".env"),
  "local cluster": t("local cluster", "локальный кластер"),
};
