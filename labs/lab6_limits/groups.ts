/**
 * What lab 6's parts share about their groups: a group that still has
 * members cannot be moved, and the run says so instead of reading from where
 * someone else's consumer stands.
 * @module
 */
import { KafkaLabError } from "../../lib/errors.ts";
import { fillText, t } from "../../lib/i18n.ts";

/** The error for a group whose offsets cannot be set because it has members. */
export function busyGroupError(group: string): KafkaLabError {
  return new KafkaLabError(
    fillText(
      t(
        "group {group} has active members, so this part cannot start it where it needs to",
        "в группе {group} есть активные участники, поэтому эта часть не может задать её позицию",
      ),
      { group },
    ),
    {
      hint: t(
        "stop the consumers of that group (or wait for their session to end) and run again",
        "остановите консьюмеры этой группы (или дождитесь конца их сессии) и запустите снова",
      ),
    },
  );
}
