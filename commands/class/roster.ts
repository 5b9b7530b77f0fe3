/**
 * A class roster: one student a line, `name prefix [password]`, separated by
 * spaces, tabs or commas; `#` starts a comment. The name is the student's
 * Kafka user (and the `.env` file's name), the prefix fences in their topics,
 * groups, transactional ids and subjects; a password given here is used as
 * it is (a managed service's API secret), else `class init` makes one.
 *
 * No prefix may begin another (`ann` would own `anna.`'s topics through a
 * prefixed ACL), and names and prefixes are unique.
 *
 * @example
 * ```ts
 * parseClassRoster("anna anna.\nboris boris. S3cret\n", "roster.txt");
 * // [{ name: "anna", prefix: "anna.", line: 1 }, { name: "boris", prefix: "boris.", password: "S3cret", line: 2 }]
 * ```
 * @module
 */
import { parsePrefix } from "../../lib/config_values.ts";
import { UsageError } from "../../lib/errors.ts";
import { fillText, t } from "../../lib/i18n.ts";

/** One student of a roster. */
export interface Student {
  /** The Kafka user name: letters, digits, `.`, `_`, `-`. */
  readonly name: string;
  /** Put before every topic, group, transactional id and subject: `anna.`. */
  readonly prefix: string;
  /** Given in the roster (else made by `class init`). */
  readonly password?: string;
  /** The roster line, from 1. */
  readonly line: number;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const TEXT = {
  fields: t(
    "{file}:{line}: a student line is `name prefix [password]`, not '{raw}'",
    "{file}:{line}: строка студента — `имя префикс [пароль]`, а не '{raw}'",
  ),
  name: t(
    "{file}:{line}: the user name '{name}' may hold only letters, digits, '.', '_' and '-' (at most 64)",
    "{file}:{line}: в имени пользователя '{name}' допустимы только буквы, цифры, '.', '_' и '-' (не больше 64)",
  ),
  emptyPrefix: t(
    "{file}:{line}: {name} needs a prefix: without one the student would own every topic",
    "{file}:{line}: у {name} нет префикса: без него студенту достались бы все топики",
  ),
  duplicate: t(
    "{file}:{line}: {what} '{value}' is already on line {other}",
    "{file}:{line}: {what} '{value}' уже есть в строке {other}",
  ),
  overlap: t(
    "{file}:{line}: the prefix '{prefix}' begins '{other}' (line {otherLine}): {name} would own the other student's topics",
    "{file}:{line}: префикс '{prefix}' — начало префикса '{other}' (строка {otherLine}): {name} получил(а) бы топики другого студента",
  ),
  overlapHint: t(
    "end every prefix with a separator, e.g. anna. and annabel.",
    "заканчивайте каждый префикс точкой или другим знаком, например anna. и annabel.",
  ),
  empty: t("the roster {file} lists no student", "в списке {file} нет ни одного студента"),
  hint: t(
    "one student a line: `anna anna.` or `anna anna. her-password` (# starts a comment)",
    "по студенту в строке: `anna anna.` или `anna anna. её-пароль` (# — комментарий)",
  ),
};

function parseLine(raw: string, line: number, file: string): Student | undefined {
  const text = raw.replace(/(^|\s)#.*$/, "").trim();
  if (text === "") return undefined;
  const fields = text.split(/[\s,]+/).filter((f) => f !== "");
  // A password is never echoed: the line is shown with its first two fields only.
  const vars = {
    file,
    line,
    raw: fields.slice(0, 2).join(" ") + (fields.length > 2 ? " ***" : ""),
  };
  if (fields.length < 2 || fields.length > 3) {
    throw new UsageError(fillText(TEXT.fields, vars), TEXT.hint);
  }
  const [name, prefix, password] = fields;
  if (!NAME.test(name)) throw new UsageError(fillText(TEXT.name, { ...vars, name }), TEXT.hint);
  const checked = parsePrefix(prefix, `${file}:${line}`);
  if (checked === "") throw new UsageError(fillText(TEXT.emptyPrefix, { ...vars, name }));
  return password === undefined ? { name, prefix, line } : { name, prefix, password, line };
}

/** Checks that names and prefixes are unique and no prefix begins another. */
function checkFences(students: readonly Student[], file: string): void {
  for (const [i, s] of students.entries()) {
    for (const o of students.slice(0, i)) {
      const vars = { file, line: s.line, other: o.line };
      if (o.name === s.name) {
        throw new UsageError(
          fillText(TEXT.duplicate, { ...vars, what: t("user", "пользователь"), value: s.name }),
        );
      }
      const [short, long] = s.prefix.length <= o.prefix.length ? [s, o] : [o, s];
      if (long.prefix.startsWith(short.prefix)) {
        throw new UsageError(
          fillText(TEXT.overlap, {
            file,
            line: short.line,
            prefix: short.prefix,
            other: long.prefix,
            otherLine: long.line,
            name: short.name,
          }),
          TEXT.overlapHint,
        );
      }
    }
  }
}

/** Parses a roster's text; `file` names it in errors. Throws {@linkcode UsageError}. */
export function parseClassRoster(text: string, file: string): Student[] {
  const students = text.split(/\r?\n/).flatMap((raw, i) => parseLine(raw, i + 1, file) ?? []);
  if (students.length === 0) throw new UsageError(fillText(TEXT.empty, { file }), TEXT.hint);
  checkFences(students, file);
  return students;
}

/** Reads and parses the roster file `path`. */
export async function readClassRoster(path: string): Promise<Student[]> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (err) {
    throw new UsageError(
      fillText(
        t(
          "cannot read the roster {file}: {reason}",
          "не удаётся прочитать список {file}: {reason}",
        ),
        { file: path, reason: (err as Error).message },
      ),
      TEXT.hint,
    );
  }
  return parseClassRoster(text, path);
}
