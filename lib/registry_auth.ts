/**
 * Basic auth for the Schema Registry, as Confluent's clients take it
 * (`SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO=key:secret`): the header every
 * request to the registry carries, for the registry client and for each
 * direct `fetch`.
 *
 * @example
 * ```ts
 * await fetch(`${config.registryUrl}/subjects`, { headers: registryHeaders(config.registryAuth) });
 * ```
 * @module
 */
import { Buffer } from "node:buffer";

/** A registry user and password (Confluent calls them key and secret). */
export interface RegistryAuth {
  readonly username: string;
  readonly password: string;
}

/** The request headers for `auth`: `Authorization: Basic ...`, or none. */
export function registryHeaders(auth: RegistryAuth | undefined): Record<string, string> {
  if (!auth) return {};
  const token = Buffer.from(`${auth.username}:${auth.password}`, "utf8").toString("base64");
  return { Authorization: `Basic ${token}` };
}

/** Whether an HTTP status means the registry refused the credentials (or asked for some). */
export function isAuthStatus(status: number): boolean {
  return status === 401 || status === 403;
}
