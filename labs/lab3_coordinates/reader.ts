/**
 * The consumer's own check of a coordinates record (the reader's schema),
 * compiled once with Ajv.
 *
 * @example
 * ```ts
 * readerIssues({ id: 1, longitude: 2, latitude: 3 }); // []
 * readerIssues({ id: 1, longitude: 2 }, "ru")[0].message; // "должно иметь обязательное поле latitude"
 * ```
 * @module
 */
import { Ajv, type ErrorObject } from "ajv";
import localizeModule from "ajv-i18n/localize/ru/index.js";
import type { Lang } from "../../lib/config.ts";
import type { ValidationIssue } from "../../lib/registry.ts";
import { USER_COORDINATES_SCHEMA } from "./model.ts";

/** ajv-i18n's Russian messages (a CommonJS default export: its types say module, the value is the function). */
const localizeRu = localizeModule as unknown as (errors: ErrorObject[]) => void;

const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(USER_COORDINATES_SCHEMA);

/**
 * The consumer's own check (the reader's schema): the problems of `value`
 * as `UserCoordinates`, empty when it is valid. Messages are Ajv's, in
 * Russian from `ajv-i18n` when `lang` is `ru`.
 */
export function readerIssues(value: unknown, lang: Lang = "en"): ValidationIssue[] {
  if (validate(value)) return [];
  const errors = structuredClone(validate.errors ?? []);
  if (lang === "ru") localizeRu(errors);
  return errors.map((e) => ({
    path: e.instancePath,
    message: e.message ?? e.keyword,
  }));
}
