/**
 * Fetches pinned Maven artifacts into the per-user cache, once: streamed to a
 * temporary file, checked against the pinned size and SHA-256, then renamed
 * into place, so the cache never holds a partial or altered file.
 *
 * @example
 * ```ts
 * const paths = await ensureArtifacts(KAFKA_JARS, { cacheDir, out, signal });
 * ```
 * @module
 */
import { Rate } from "../progress.ts";
import { decimal, fillText, type Lang, localize } from "../i18n.ts";
import { RUNTIME_TEXT as R } from "./runtime_text.ts";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { KafkaLabError } from "../errors.ts";
import type { Output } from "../output.ts";
import { type Artifact, fileName, MAVEN_CENTRAL, repoPath } from "./artifacts.ts";
import { RUNTIME_EVENTS } from "./events.ts";

/** Options of {@linkcode ensureArtifacts}. */
export interface DownloadOptions {
  readonly cacheDir: string;
  readonly out: Output;
  readonly signal?: AbortSignal;
  /** Maven repository base URL; Maven Central by default. */
  readonly repoUrl?: string;
  /** Parallel downloads. */
  readonly concurrency?: number;
}

/** Where an artifact lives in the cache. */
export function cachePath(cacheDir: string, a: Artifact): string {
  return join(cacheDir, "maven", ...repoPath(a).split("/"));
}

function isCached(path: string, a: Artifact): boolean {
  try {
    return Deno.statSync(path).size === a.size;
  } catch {
    return false;
  }
}

function mb(bytes: number, lang: Lang): string {
  return decimal(bytes / 1_000_000, lang);
}

async function downloadOne(
  a: Artifact,
  target: string,
  options: DownloadOptions,
  onBytes: (n: number) => void,
): Promise<void> {
  const base = (options.repoUrl ?? MAVEN_CENTRAL).replace(/\/+$/, "");
  const url = `${base}/${repoPath(a)}`;
  await Deno.mkdir(dirname(target), { recursive: true });
  const part = `${target}.part-${crypto.randomUUID().slice(0, 8)}`;
  let received = 0;
  try {
    const res = await fetch(url, { signal: options.signal });
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      throw new KafkaLabError(`${url} answered HTTP ${res.status}`);
    }
    const hash = createHash("sha256");
    const file = await Deno.open(part, { write: true, create: true, truncate: true });
    try {
      for await (const chunk of res.body) {
        hash.update(chunk);
        let written = 0;
        while (written < chunk.length) written += await file.write(chunk.subarray(written));
        received += chunk.length;
        onBytes(chunk.length);
      }
    } finally {
      file.close();
    }
    const sha256 = hash.digest("hex");
    if (received !== a.size || sha256 !== a.sha256) {
      const vars = {
        file: fileName(a),
        url,
        got: received,
        sha: sha256,
        size: a.size,
        want: a.sha256,
      };
      throw new KafkaLabError(fillText(R.checksum, vars), { hint: R.checksumHint });
    }
    await Deno.rename(part, target);
  } catch (err) {
    onBytes(-received);
    await Deno.remove(part).catch(() => {});
    throw err;
  }
}

/** Downloads one artifact, 3 tries; the last failure names the repository and the fix. */
async function downloadWithRetries(
  a: Artifact,
  target: string,
  options: DownloadOptions,
  onBytes: (n: number) => void,
): Promise<void> {
  for (let attempt = 1;; attempt++) {
    try {
      await downloadOne(a, target, options, onBytes);
      return;
    } catch (err) {
      if (options.signal?.aborted) throw err;
      if (attempt >= 3) {
        // A checksum mismatch already says what happened and what to do.
        if (err instanceof KafkaLabError && err.hint) throw err;
        const base = options.repoUrl ?? MAVEN_CENTRAL;
        const vars = { file: fileName(a), base, why: (err as Error).message };
        throw new KafkaLabError(fillText(R.downloadFailed, vars), {
          hint: R.downloadHint,
          cause: err,
        });
      }
      options.out.debug(`retrying ${fileName(a)} after: ${(err as Error).message}`);
    }
  }
}

/** The files and bytes downloaded so far, shown as progress. */
class DownloadProgress {
  readonly #out: Output;
  readonly #files: number;
  readonly #total: number;
  readonly #rate = new Rate("MB");
  #done = 0;
  #bytes = 0;

  constructor(out: Output, files: number, totalBytes: number) {
    this.#out = out;
    this.#files = files;
    this.#total = totalBytes;
  }

  /** Counts `n` more bytes received (negative: a failed try's bytes taken back). */
  readonly onBytes = (n: number): void => {
    this.#bytes += n;
    const lang = this.#out.lang;
    const rate = this.#rate.text(this.#bytes / 1e6, this.#total / 1e6, lang);
    this.#out.progress(
      "download",
      localize(R.downloading, lang, {
        done: this.#done,
        files: this.#files,
        mb: mb(this.#bytes, lang),
        total: mb(this.#total, lang),
      }) + rate,
      { files: this.#done, bytes: this.#bytes, totalBytes: this.#total },
    );
  };

  /** Counts one more file in the cache. */
  fileDone(): void {
    this.#done++;
  }
}

/**
 * Makes sure every artifact is in the cache, downloading what is missing
 * (3 tries each). Returns the cache path of each artifact, in order.
 */
export async function ensureArtifacts(
  artifacts: readonly Artifact[],
  options: DownloadOptions,
): Promise<string[]> {
  const paths = artifacts.map((a) => cachePath(options.cacheDir, a));
  const missing = artifacts.map((a, i) => ({ a, path: paths[i] }))
    .filter(({ a, path }) => !isCached(path, a));
  if (missing.length === 0) return paths;

  const total = missing.reduce((n, { a }) => n + a.size, 0);
  const base = options.repoUrl ?? MAVEN_CENTRAL;
  options.out.event(
    RUNTIME_EVENTS.downloadStarted,
    { files: missing.length, bytes: total, from: base },
    localize(R.downloadStart, options.out.lang, {
      files: missing.length,
      mb: mb(total, options.out.lang),
      base,
      cache: options.cacheDir,
    }),
  );
  const progress = new DownloadProgress(options.out, missing.length, total);
  const queue = [...missing];
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      await downloadWithRetries(item.a, item.path, options, progress.onBytes);
      progress.fileDone();
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency ?? 4, missing.length) }, worker),
  );
  options.out.progressDone();
  options.out.event(RUNTIME_EVENTS.downloadDone, { files: missing.length, bytes: total });
  return paths;
}
