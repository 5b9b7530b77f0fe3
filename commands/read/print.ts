/**
 * What `read` prints for one record, made once per run and applied to every
 * record: the line for people (partition, offset, time, key, value, headers),
 * or a kcat-style template (`-f '%k %v\n'`, `--value-only`). Each record's
 * bytes are decoded once; control characters are escaped, so a record cannot
 * move the cursor or break its line in two.
 *
 * @example
 * ```ts
 * const print = templatePrinter("%p:%o %k=%v\\n", "text");
 * print(record); // "0:7 user-1={...}\n"
 * ```
 * @module
 */
import { UsageError } from "../../lib/errors.ts";
import { fillText, type pick, t } from "../../lib/i18n.ts";
import {
  decodeBytes,
  escapeControls,
  type Format,
  showBytes,
  showDecoded,
} from "../../lib/inspect/decode.ts";
import type { INSPECT_TEXT } from "../../lib/inspect/text.ts";
import type { ConsumedRecord } from "../../lib/kafka/consumer_loop.ts";

/** Prints one record as text (with its line end). */
export type Printer = (r: ConsumedRecord) => string;

type Words = ReturnType<typeof pick<typeof INSPECT_TEXT.en>>;

/** A `{name}` template turned into a function once, not parsed again for every record. */
function compile(template: string): (vars: Readonly<Record<string, string>>) => string {
  const parts = template.split(/\{(\w+)\}/);
  return (vars) => {
    let s = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      s += (vars[parts[i]] ?? `{${parts[i]}}`) + parts[i + 1];
    }
    return s;
  };
}

function keyFormatOf(format: Format): Format {
  return format === "registry" ? "auto" : format;
}

function headersText(headers: Readonly<Record<string, string>>, separator = ","): string {
  let s = "";
  for (const k in headers) s += `${s ? separator : ""}${escapeControls(`${k}=${headers[k]}`)}`;
  return s;
}

/**
 * The line template's fields in a fixed order, filled by position: no object
 * per record (`{partition}` .. `{value}` may stand in any order in a translation).
 */
function compileLine(template: string): (values: readonly string[]) => string {
  const names = ["partition", "offset", "time", "key", "value"];
  const parts = template.split(/\{(\w+)\}/);
  const at = parts.map((p, i) => i % 2 === 1 ? names.indexOf(p) : -1);
  return (values) => {
    let s = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      s += (at[i] < 0 ? `{${parts[i]}}` : values[at[i]]) + parts[i + 1];
    }
    return s;
  };
}

/** ISO 8601 of a timestamp, remembering the last one (a batch's records often share it). */
function isoTimes(): (timestamp: string) => string {
  let last = "";
  let iso = "";
  return (timestamp) => {
    if (timestamp !== last) {
      last = timestamp;
      iso = new Date(Number(timestamp)).toISOString();
    }
    return iso;
  };
}

/** The line for people: `partition 0  offset 7  <time>  key k: v`, headers after. */
export function linePrinter(format: Format, tx: Words): Printer {
  const line = compileLine(tx.recordLine);
  const bad = compile(tx.badFormat);
  const withHeaders = compile(tx.recordHeaders);
  const keyFormat = keyFormatOf(format);
  const isoTime = isoTimes();
  const values = ["", "", "", "", ""];
  return (r) => {
    // In auto no format can fail to fit, so the quick path needs no Decoded.
    const value = format === "auto" ? undefined : decodeBytes(r.value, format);
    const key = r.key;
    values[0] = String(r.partition);
    values[1] = r.offset;
    values[2] = isoTime(r.timestamp);
    values[3] = key === null ? tx.noKey : showBytes(key, keyFormat);
    values[4] = value ? showDecoded(value) : showBytes(r.value, format);
    let text = line(values);
    if (value?.problem) text += `  (${bad({ format, problem: value.problem })})`;
    const headers = r.headers;
    for (const _ in headers) {
      text += withHeaders({ headers: headersText(headers, ", ") });
      break;
    }
    return text + "\n";
  };
}

/** What a template token prints; `format` is how to show keys and values. */
type Token = (r: ConsumedRecord, format: Format) => string;

const shown = (bytes: Uint8Array | null, format: Format) =>
  bytes === null ? "" : showBytes(bytes, format);

const TOKENS: Readonly<Record<string, Token>> = {
  k: (r, format) => shown(r.key, keyFormatOf(format)),
  v: (r, format) => shown(r.value, format),
  s: (r, format) => shown(r.value, format),
  p: (r) => String(r.partition),
  o: (r) => r.offset,
  T: (r) => r.timestamp,
  t: (r) => r.topic,
  h: (r) => headersText(r.headers),
  K: (r) => String(r.key?.length ?? -1),
  S: (r) => String(r.value?.length ?? -1),
  "%": () => "%",
};

const ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", "\\": "\\" };

/**
 * A printer for a kcat-style template: `%k` key, `%v` (or `%s`) value, `%p`
 * partition, `%o` offset, `%T` timestamp (ms), `%t` topic, `%h` headers
 * (`k=v,k=v`), `%K`/`%S` key/value length (-1 for none), `%%`; `\n`, `\t`,
 * `\r`, `\\`. A template without `\n` gets one at the end (one record a line).
 */
export function templatePrinter(template: string, format: Format): Printer {
  const parts: Array<string | Token> = [];
  let literal = "";
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    const next = template[i + 1];
    if (c === "\\" && next !== undefined && ESCAPES[next] !== undefined) {
      literal += ESCAPES[next];
      i++;
    } else if (c === "%") {
      const token = next === undefined ? undefined : TOKENS[next];
      if (!token) throw badToken(template, `%${next ?? ""}`);
      if (literal) parts.push(literal);
      literal = "";
      parts.push(token);
      i++;
    } else {
      literal += c;
    }
  }
  if (!template.includes("\\n")) literal += "\n";
  if (literal) parts.push(literal);
  return (r) => {
    let s = "";
    for (const p of parts) s += typeof p === "string" ? p : p(r, format);
    return s;
  };
}

function badToken(template: string, token: string): UsageError {
  return new UsageError(
    fillText(
      t(
        "--template: '{token}' in '{template}' is not a field",
        "--template: '{token}' в '{template}' — не поле записи",
      ),
      { token, template },
    ),
    t(
      "fields: %k key, %v value, %p partition, %o offset, %T timestamp, %t topic, %h headers, %K/%S lengths, %%",
      "поля: %k ключ, %v значение, %p партиция, %o смещение, %T время, %t топик, %h заголовки, %K/%S длины, %%",
    ),
  );
}
