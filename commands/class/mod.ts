/**
 * `kafka-lab class init|remove|list|grade`: one shared cluster for a whole
 * class, each student fenced in by their own SCRAM user and prefixed ACLs,
 * and one gradebook. The work lives in one file per verb, loaded only when
 * that verb runs.
 * @module
 */
import { type Command, defineCommand } from "../../lib/cli/command.ts";
import { t } from "../../lib/i18n.ts";
import { GRADE_OPTIONS, INIT_OPTIONS, LIST_OPTIONS, REMOVE_OPTIONS } from "./options.ts";

/** The `class` command. */
export const classCommand: Command = {
  name: "class",
  summary: t(
    "A class on one shared cluster: a user, ACLs and a .env per student; one gradebook",
    "Группа на общем кластере: пользователь, ACL и .env на студента; один журнал оценок",
  ),
  description: t(
    `Run with an admin login (after \`kafka-lab up --auth scram --acl\` the local
cluster's own user; else KAFKA_LAB_SASL_* in the environment or .env). A roster
has one student a line: \`name prefix [password]\`. Each student may then use
only topics, consumer groups and transactional ids that start with their prefix;
everything else is refused (exit 4) and hidden from their listings. Students run
kafka-lab with their file: \`kafka-lab --env-file anna.env lab2\`.`,
    `Запускайте под администратором (после \`kafka-lab up --auth scram --acl\` —
пользователь локального кластера; иначе KAFKA_LAB_SASL_* в окружении или .env).
В списке группы — по студенту в строке: \`имя префикс [пароль]\`. Каждому студенту
доступны только топики, группы консьюмеров и транзакционные id с его префиксом;
остальное запрещено (код 4) и не видно в списках. Студенты запускают kafka-lab
со своим файлом: \`kafka-lab --env-file anna.env lab2\`.`,
  ),
  examples: [
    "kafka-lab up --runtime java --auth scram --acl",
    "kafka-lab class init --roster roster.txt --out class-env",
    "kafka-lab class list",
    "kafka-lab class grade --roster roster.txt --csv > grades.csv",
    "kafka-lab class remove --roster roster.txt --out class-env",
  ],
  subcommands: [
    defineCommand({
      name: "init",
      summary: t(
        "Make each student's user, prefixed ACLs and .env (again: only what is missing)",
        "Создать пользователя, ACL по префиксу и .env каждого студента (повторно — только недостающее)",
      ),
      options: INIT_OPTIONS,
      examples: [
        "kafka-lab class init --roster roster.txt",
        "kafka-lab class init --roster keys.txt --skip-users --skip-acls --out class-env",
      ],
      run: async (ctx, args) => (await import("./init.ts")).runInit(ctx, args),
    }),
    defineCommand({
      name: "remove",
      summary: t(
        "Take back the students' users, ACLs and .env files (their topics stay)",
        "Забрать у студентов пользователей, ACL и файлы .env (топики остаются)",
      ),
      options: REMOVE_OPTIONS,
      examples: ["kafka-lab class remove --roster roster.txt --out class-env"],
      run: async (ctx, args) => (await import("./remove.ts")).runRemove(ctx, args),
    }),
    defineCommand({
      name: "list",
      summary: t(
        "The cluster's users with their prefixes and ACLs",
        "Пользователи кластера с их префиксами и ACL",
      ),
      options: LIST_OPTIONS,
      examples: ["kafka-lab class list", "kafka-lab class list --roster roster.txt --json"],
      run: async (ctx, args) => (await import("./list.ts")).runList(ctx, args),
    }),
    defineCommand({
      name: "grade",
      summary: t(
        "The class's gradebook: `check --roster` over the roster's prefixes",
        "Журнал оценок группы: `check --roster` по префиксам из списка",
      ),
      positionals: [{
        name: "lab",
        description: t("lab1 .. lab4 (default: all)", "lab1 .. lab4 (по умолчанию все)"),
      }],
      options: GRADE_OPTIONS,
      examples: [
        "kafka-lab class grade --roster roster.txt",
        "kafka-lab class grade lab2 --roster roster.txt --csv > lab2.csv",
      ],
      run: async (ctx, args) => (await import("./grade.ts")).runGrade(ctx, args),
    }),
  ],
};
