/**
 * The consumer's own check of a coordinates record (the reader's schema),
 * compiled once with Ajv.
 *
 * @example
 * ```ts
 * readerIssues({ id: 1, longitude: 2, latitude: 3 }); // []
 * ```
 * @module
 */
import { Ajv } from "ajv";
import type { ValidationIssue } from "../../lib/registry.ts";
import { USER_COORDINATES_SCHEMA } from "./model.ts";

const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(USER_COORDINATES_SCHEMA);

/**
 * The consumer's own check (the reader's schema): the problems of `value`
 * as `UserCoordinates`, empty when it is valid.
 */
export function readerIssues(value: unknown): ValidationIssue[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => ({
    path: e.instancePath,
    message: e.message ?? e.keyword,
  }));
}
