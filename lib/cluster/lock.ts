/**
 * One `up`, `down` or `broker stop|start` at a time on a state folder.
 *
 * The lock is the operating system's exclusive lock (`flock`) on
 * `<stateDir>/cluster.lock`, taken with `Deno.FsFile.tryLock`. The kernel
 * drops it when the holder's file closes, and so when the holder dies in any
 * way (SIGKILL included): a crashed holder never leaves a stale lock behind,
 * and no pid check is needed to tell a stale lock from a live one. The file
 * also holds the holder's pid, command and start time, only to name the
 * holder in the waiting message.
 *
 * A second command waits (bounded, with progress) rather than refusing at
 * once: two `up` at the same moment are the common case, and the second one
 * then finds the cluster the first one started and says "already running".
 * @module
 */
import { join } from "node:path";
import { KafkaLabError } from "../errors.ts";
import { fillText, localize, t } from "../i18n.ts";
import type { Output } from "../output.ts";

/** Who holds the lock, as the holder wrote it (absent while it is being written). */
export interface LockHolder {
  readonly pid: number;
  readonly command: string;
  readonly since: string;
}

/** A held lock; `release()` is idempotent. */
export interface ClusterLock {
  release(): void;
}

/** Options of {@linkcode acquireClusterLock}. */
export interface LockOptions {
  /** The command that takes it (`up`, `down`, `broker start 2`), shown to a waiter. */
  readonly command: string;
  /** How long to wait for another holder; default 180 s. */
  readonly waitMs?: number;
  /** Polling interval; default 200 ms. */
  readonly pollMs?: number;
  /** Where waiting is reported (omitted in unit tests). */
  readonly out?: Output;
}

/** The lock file's path. */
export function lockPath(stateDir: string): string {
  return join(stateDir, "cluster.lock");
}

/** The holder recorded in the lock file, if it is readable. */
export function readLockHolder(stateDir: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(Deno.readTextFileSync(lockPath(stateDir)));
    return typeof parsed?.pid === "number" ? parsed as LockHolder : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock, waiting up to `waitMs` while another process holds it.
 * Throws a {@linkcode KafkaLabError} (exit 1) naming the holder when the wait
 * runs out.
 */
export async function acquireClusterLock(
  stateDir: string,
  options: LockOptions,
): Promise<ClusterLock> {
  Deno.mkdirSync(stateDir, { recursive: true });
  const file = await Deno.open(lockPath(stateDir), { read: true, write: true, create: true });
  const waitMs = options.waitMs ?? 180_000;
  const pollMs = options.pollMs ?? 200;
  const started = Date.now();
  try {
    while (!(await file.tryLock(true))) {
      const holder = readLockHolder(stateDir);
      const waited = Date.now() - started;
      if (waited >= waitMs) {
        throw new KafkaLabError(fillText(LOCK_TEXT.busy, holderVars(holder, waitMs)), {
          hint: LOCK_TEXT.busyHint,
        });
      }
      if (options.out) {
        options.out.progress(
          "cluster.lock",
          localize(
            fillText(LOCK_TEXT.waiting, {
              ...holderVars(holder, waitMs),
              waited: String(Math.round(waited / 1000)),
            }),
            options.out.lang,
          ),
          { holderPid: holder?.pid ?? null, holderCommand: holder?.command ?? null },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  } catch (err) {
    file.close();
    throw err;
  }
  options.out?.progressDone();
  const holder: LockHolder = {
    pid: Deno.pid,
    command: options.command,
    since: new Date().toISOString(),
  };
  await file.truncate(0);
  await file.write(new TextEncoder().encode(JSON.stringify(holder) + "\n"));
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      try {
        file.truncateSync(0);
        file.unlockSync();
      } finally {
        file.close();
      }
    },
  };
}

/** Runs `work` holding the lock, and releases it after (also on errors). */
export async function withClusterLock<T>(
  stateDir: string,
  options: LockOptions,
  work: () => Promise<T>,
): Promise<T> {
  const lock = await acquireClusterLock(stateDir, options);
  try {
    return await work();
  } finally {
    lock.release();
  }
}

function holderVars(holder: LockHolder | undefined, waitMs: number) {
  return {
    pid: holder ? String(holder.pid) : "?",
    command: holder ? holder.command : "?",
    seconds: String(Math.round(waitMs / 1000)),
  };
}

const LOCK_TEXT = {
  waiting: t(
    "`kafka-lab {command}` (pid {pid}) is changing the local cluster; waiting for it to finish ({waited} s)…",
    "`kafka-lab {command}` (pid {pid}) меняет локальный кластер; ждём, пока он закончит ({waited} с)…",
  ),
  busy: t(
    "`kafka-lab {command}` (pid {pid}) is still changing the local cluster after {seconds} s of waiting",
    "`kafka-lab {command}` (pid {pid}) всё ещё меняет локальный кластер после {seconds} с ожидания",
  ),
  busyHint: t(
    "only one `up`, `down` or `broker stop|start` runs at a time; wait for it to end, or stop that process, then try again",
    "одновременно работает только одна команда `up`, `down` или `broker stop|start`; дождитесь её конца или остановите тот процесс и повторите",
  ),
};
