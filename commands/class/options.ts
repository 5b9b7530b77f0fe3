/**
 * The options of `class`'s verbs, declared once: `mod.ts` builds the commands
 * from them and each verb file types its arguments with them.
 * @module
 */
import type { OptionSpec } from "../../lib/cli/args.ts";
import { CHECK_OPTIONS } from "../../lib/grading/check_options.ts";
import { t } from "../../lib/i18n.ts";

const ROSTER = {
  name: "roster",
  type: "string",
  required: true,
  valueName: "FILE",
  description: t(
    "The class: one student a line, `name prefix [password]` (# starts a comment)",
    "Группа: по студенту в строке, `имя префикс [пароль]` (# — комментарий)",
  ),
} as const satisfies OptionSpec;

const SKIP_USERS = {
  name: "skip-users",
  type: "boolean",
  description: t(
    "Leave users alone: the cluster manages them (a managed service's API keys; the roster gives each password)",
    "Не трогать пользователей: ими управляет кластер (API-ключи облачного сервиса; пароли — в списке)",
  ),
} as const satisfies OptionSpec;

const SKIP_ACLS = {
  name: "skip-acls",
  type: "boolean",
  description: t(
    "Leave ACLs alone (made elsewhere: Strimzi KafkaUser resources, a provider's console)",
    "Не трогать ACL (они заданы в другом месте: ресурсы KafkaUser в Strimzi, консоль провайдера)",
  ),
} as const satisfies OptionSpec;

const OUT = {
  name: "out",
  type: "string",
  valueName: "DIR",
  description: t(
    "The folder of the students' .env files (one per student, owner-only)",
    "Папка для файлов .env студентов (по файлу на студента, доступ только владельцу)",
  ),
} as const satisfies OptionSpec;

/** The options of `class init`. */
export const INIT_OPTIONS = [
  ROSTER,
  { ...OUT, default: "class-env" },
  {
    name: "mechanism",
    type: "string",
    choices: ["scram-sha-256", "scram-sha-512", "plain"],
    description: t(
      "The students' SASL mechanism (default: the admin login's SCRAM, else scram-sha-256; plain only with --skip-users, e.g. Confluent Cloud API keys)",
      "Механизм SASL студентов (по умолчанию — SCRAM администратора, иначе scram-sha-256; plain — только с --skip-users, например API-ключи Confluent Cloud)",
    ),
  },
  SKIP_USERS,
  SKIP_ACLS,
] as const satisfies readonly OptionSpec[];

/** The options of `class remove`. */
export const REMOVE_OPTIONS = [
  ROSTER,
  OUT,
  SKIP_USERS,
  SKIP_ACLS,
] as const satisfies readonly OptionSpec[];

/** The options of `class list`. */
export const LIST_OPTIONS = [
  { ...ROSTER, required: false },
] as const satisfies readonly OptionSpec[];

/**
 * The options of `class grade`: `check`'s, the class roster in place of its
 * list of prefixes, and no `--prefix` (the roster names them).
 */
export const GRADE_OPTIONS = [
  ROSTER,
  ...CHECK_OPTIONS.filter(
    (o): o is Exclude<typeof CHECK_OPTIONS[number], { name: "prefix" | "roster" }> =>
      o.name !== "prefix" && o.name !== "roster",
  ),
] as const satisfies readonly OptionSpec[];
