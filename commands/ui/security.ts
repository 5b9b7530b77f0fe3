/**
 * The web console's guards. It listens on 127.0.0.1 only, and still a page on
 * another site could reach it through the user's browser:
 *
 * - DNS rebinding: a hostile name that resolves to 127.0.0.1 sends requests
 *   with its own name in `Host`; only `localhost`, `127.0.0.1` and `[::1]`
 *   (with the console's port) are served.
 * - Cross-site requests (CSRF): a form or `fetch` from another page carries
 *   that page's `Origin`; any request with a foreign `Origin` is refused, and
 *   no CORS header is ever sent.
 * - Every API call, reads included, must carry the per-run token (printed in
 *   the console's URL, never stored in a cookie) in the `X-Kafka-Lab-Token`
 *   header: the console reads records with the user's credentials, so another
 *   local user without the token (or the cluster's password) reads nothing
 *   through it. A cross-site page can neither read the token nor send that
 *   header without a CORS preflight we refuse. Changes also need a JSON body.
 *   The page itself (HTML, scripts, styles) is served without the token: it
 *   holds no data, and takes the token from its own URL.
 *
 * @example
 * ```ts
 * refusal(request, { port: 8080, token }); // undefined when allowed
 * ```
 * @module
 */

/** The header that carries the token. */
export const TOKEN_HEADER = "x-kafka-lab-token";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** A fresh unguessable token (128 random bits, URL-safe). */
export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Whether a `Host` header names this machine's console (`localhost:8080`). */
export function isLocalHost(host: string | null, port: number): boolean {
  if (!host) return false;
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.trim().toLowerCase());
  if (!m) return false;
  return LOCAL_HOSTS.has(m[1]) && Number(m[2] ?? "80") === port;
}

/** Whether an `Origin` header is this console itself (absent counts as same-origin). */
export function isLocalOrigin(origin: string | null, port: number): boolean {
  if (origin === null) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === "http:" && isLocalHost(url.host, port);
}

/** Compares two strings in time independent of where they differ. */
export function sameToken(a: string | null, b: string): boolean {
  if (a === null || a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < b.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Why a request is refused. */
export type Refusal = "host" | "origin" | "token" | "content-type";

/** Whether an HTTP method changes something. */
export function isMutating(method: string): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
}

/** Whether a path is the JSON API (`/api/...`), which always needs the token. */
export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

/** The HTTP status of a refusal: 401 without the right token, else 403. */
export function refusalStatus(refused: Refusal): 401 | 403 {
  return refused === "token" ? 401 : 403;
}

/** The reason to refuse `request`, or undefined to serve it. */
export function refusal(
  request: Request,
  guard: { readonly port: number; readonly token: string },
): Refusal | undefined {
  if (!isLocalHost(request.headers.get("host"), guard.port)) return "host";
  if (!isLocalOrigin(request.headers.get("origin"), guard.port)) return "origin";
  const api = isApiPath(new URL(request.url).pathname);
  if (!api && !isMutating(request.method)) return undefined;
  if (!sameToken(request.headers.get(TOKEN_HEADER), guard.token)) return "token";
  if (!isMutating(request.method)) return undefined;
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) return "content-type";
  return undefined;
}

/** Headers on every answer: no framing, scripts and data from this origin only, no referrer. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy":
    "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};
