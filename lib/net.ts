/**
 * Small network checks: split `host:port`, and probe a TCP port with a deadline.
 *
 * @example
 * ```ts
 * const r = await probeTcp("localhost:19092", 3000);
 * if (!r.ok) console.log(r.reason);
 * ```
 * @module
 */
import { networkFailure } from "./errors.ts";

/** A host and port. */
export interface HostPort {
  readonly hostname: string;
  readonly port: number;
}

/** Splits `host:port` (IPv6 in brackets: `[::1]:9092`). */
export function splitHostPort(address: string): HostPort {
  const m = /^\[?([^\[\]]+?)\]?:(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`'${address}' is not host:port`);
  return { hostname: m[1], port: Number(m[2]) };
}

/** The outcome of a TCP probe. */
export type ProbeResult = { ok: true } | { ok: false; reason: string };

/** Connects to `address` and closes again; says why when that fails or takes over `timeoutMs`. */
export async function probeTcp(address: string, timeoutMs: number): Promise<ProbeResult> {
  let target: HostPort;
  try {
    target = splitHostPort(address);
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
  const attempt = Deno.connect({ hostname: target.hostname, port: target.port });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const winner = await Promise.race([attempt, timeout]);
    if (winner === "timeout") {
      attempt.then((conn) => conn.close(), () => {});
      return { ok: false, reason: `timed out after ${timeoutMs} ms` };
    }
    winner.close();
    return { ok: true };
  } catch (err) {
    const known = networkFailure(err) ?? await lookupFailure(target.hostname);
    return { ok: false, reason: known ?? (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Why a host name does not resolve, asked of the system resolver: Deno's
 * connect error for an unknown host carries no class or code, while
 * `node:dns` `lookup` (getaddrinfo, as connect uses) rejects with `ENOTFOUND`.
 */
async function lookupFailure(hostname: string): Promise<string | undefined> {
  // Loaded here, on this error path only: node:dns costs every start a few milliseconds.
  const { lookup } = await import("node:dns/promises");
  try {
    await lookup(hostname);
    return undefined;
  } catch (err) {
    return networkFailure(err);
  }
}

/** Says whether a TCP port on the loopback interface is free to listen on. */
export function portIsFree(port: number, hostname = "127.0.0.1"): boolean {
  try {
    const listener = Deno.listen({ hostname, port });
    listener.close();
    return true;
  } catch (err) {
    if (err instanceof Deno.errors.AddrInUse) return false;
    throw err;
  }
}
