/**
 * Lab 5's tasks, as far as the cluster can show them. Each part runs on
 * topics and groups of its own (`<prefix>lab5.<part>-<random>`) and deletes
 * them at the end (unless `--keep-topics`), so a finished run leaves nothing
 * at a name grading could look up. What outlives it is kafka-lab's journal
 * (`<prefix>kafka-lab-journal`): a part counts once the journal holds a
 * `lab5.<part>` entry of this student. The lab also leaves every broker
 * running, which the snapshot shows (an extra task).
 *
 * The snapshot reads the journal (lib/grading/journal.ts).
 * @module
 */
import { fail, pass, prefixFlag } from "../../lib/grading/facts.ts";
import type { CheckResult, LabTasks, Snapshot, Task } from "../../lib/grading/types.ts";
import { fillText, t } from "../../lib/i18n.ts";
import { PART_NAMES, type PartName } from "./options.ts";
import { LAB5_TEXT } from "./text.ts";

/** A journal entry as lab 5's checks read it. */
export interface Lab5JournalEntry {
  /** `lab5.acks`, `lab5.min-isr`, … */
  readonly what: string;
  /** ISO 8601 time of the run. */
  readonly at: string;
}

/** The brokers lab 5 needs and leaves running. */
export const LAB5_BROKERS = 3;

/** The journal entries of the snapshot, when the snapshot reads the journal. */
function journalOf(s: Snapshot): readonly Lab5JournalEntry[] {
  return s.journal ?? [];
}

const PART_TITLES: Readonly<
  Record<PartName, "part1" | "part2" | "part3" | "part4" | "part5" | "part6">
> = {
  acks: "part1",
  "min-isr": "part2",
  idempotence: "part3",
  semantics: "part4",
  "exactly-once": "part5",
  retry: "part6",
};

/** Whether a part ran: its latest journal entry, or a fail with the command that runs it. */
export function partRan(s: Snapshot, part: PartName): CheckResult {
  const runs = journalOf(s).filter((e) => e.what === `lab5.${part}`);
  const vars = {
    part,
    cmd: `kafka-lab lab5 ${part}${prefixFlag(s)}`,
    lab: `kafka-lab lab5${prefixFlag(s)}`,
  };
  if (runs.length === 0) {
    return fail(
      fillText(
        t("no run of part {part} in the journal", "в журнале нет запуска части {part}"),
        vars,
      ),
      fillText(
        t(
          "run `{lab}` (all six parts) or `{cmd}` on the local 3-broker cluster; the run leaves a journal entry",
          "запустите `{lab}` (все шесть частей) или `{cmd}` на локальном кластере из 3 брокеров; запуск оставит запись в журнале",
        ),
        vars,
      ),
    );
  }
  const last = runs.map((e) => e.at).sort().at(-1)!;
  return pass(
    fillText(
      t(
        "part {part} ran {n} time(s), last at {at}",
        "часть {part} запускалась {n} раз(а), последний — {at}",
      ),
      { ...vars, n: runs.length, at: last },
    ),
  );
}

/** The extra: every broker answers again after the lab stopped and killed some. */
export function brokersBack(s: Snapshot): CheckResult {
  const vars = { n: s.brokers.length, want: LAB5_BROKERS, ids: s.brokers.join(", ") || "-" };
  if (s.brokers.length >= LAB5_BROKERS) {
    return pass(fillText(t("{n} brokers answer: {ids}", "брокеров отвечает {n}: {ids}"), vars));
  }
  return fail(
    fillText(
      t(
        "only {n} of {want} brokers answer ({ids})",
        "отвечает только {n} брокеров из {want} ({ids})",
      ),
      vars,
    ),
    t(
      "start the stopped ones (`kafka-lab status`, `kafka-lab broker start <id>`): lab 5 must leave the cluster whole",
      "запустите остановленные (`kafka-lab status`, `kafka-lab broker start <id>`): после лабораторной 5 кластер должен быть целым",
    ),
  );
}

function partTask(part: PartName): Task {
  const key = PART_TITLES[part];
  return {
    id: `part-${part}`,
    required: true,
    title: { en: LAB5_TEXT.en[key], ru: LAB5_TEXT.ru[key] },
    check: (s) => partRan(s, part),
  };
}

/** Lab 5's tasks. */
export const LAB5_TASKS: LabTasks = {
  lab: "lab5",
  title: { en: LAB5_TEXT.en.title, ru: LAB5_TEXT.ru.title },
  goal: t(
    "See on a real cluster what each delivery guarantee costs and what breaks it: acks under a leader kill, min.insync.replicas, idempotent retries, commit before or after processing, transactions, retry and dead letter topics.",
    "Увидеть на настоящем кластере, чего стоит каждая гарантия доставки и что её нарушает: acks при гибели лидера, min.insync.replicas, идемпотентные повторы, фиксация до или после обработки, транзакции, топики повторов и ошибочных записей.",
  ),
  needs: { topics: [], groups: [], subjects: [] },
  tasks: [
    ...PART_NAMES.map(partTask),
    {
      id: "brokers-back",
      required: false,
      title: t(
        "every broker runs again after the lab",
        "после лабораторной снова работают все брокеры",
      ),
      check: brokersBack,
    },
  ],
};
