/**
 * Waiting that stops early on abort: sleeps, deadlines and "wait until".
 *
 * @example
 * ```ts
 * const completed = await sleep(1000, shutdown.signal); // false when aborted first
 * ```
 * @module
 */

/** Sleeps `ms`; resolves `true` when the time ran out, `false` when aborted first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Options of {@linkcode waitFor}. */
export interface WaitOptions {
  /** Give up after this long. */
  readonly timeoutMs: number;
  /** Pause between checks. */
  readonly intervalMs?: number;
  readonly signal?: AbortSignal;
}

/**
 * Calls `check` until it returns a value other than `undefined`/`false`, the
 * deadline passes (returns `undefined`) or the signal aborts (also `undefined`).
 * Errors thrown by `check` count as "not yet".
 */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  options: WaitOptions,
): Promise<T | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  const interval = options.intervalMs ?? 250;
  while (!options.signal?.aborted) {
    try {
      const result = await check();
      if (result !== undefined && result !== false) return result;
    } catch {
      // not ready yet
    }
    if (Date.now() >= deadline) return undefined;
    await sleep(Math.min(interval, Math.max(0, deadline - Date.now())), options.signal);
  }
  return undefined;
}

/** Runs `work` with a time limit; rejects with `onTimeout()` when it is exceeded. */
export async function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  onTimeout: () => Error,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(onTimeout()), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Calls `fn(1)`, `fn(2)`, ... with `intervalMs` between the starts of calls,
 * `count` times (0: until aborted). Stops early on abort, after the call in
 * progress. Returns how many calls ran.
 */
export async function paced(
  count: number,
  intervalMs: number,
  signal: AbortSignal,
  fn: (n: number) => Promise<void>,
): Promise<number> {
  let n = 0;
  while ((count === 0 || n < count) && !signal.aborted) {
    const started = Date.now();
    n++;
    await fn(n);
    if (count !== 0 && n >= count) break;
    if (!await sleep(intervalMs - (Date.now() - started), signal)) break;
  }
  return n;
}
