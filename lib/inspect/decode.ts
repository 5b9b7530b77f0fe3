/**
 * Turns a record's key or value bytes into something a person can read: the
 * Schema Registry wire format (magic byte 0, 4-byte schema id, then JSON),
 * JSON, UTF-8 text, or hex for anything else. `read` and the web console use
 * the same function, so they always agree.
 *
 * @example
 * ```ts
 * decodeBytes(new TextEncoder().encode('{"id":1}'), "auto"); // { format: "json", value: { id: 1 } }
 * ```
 * @module
 */

/** The formats `--format` can force; `auto` tries registry, JSON, then text. */
export const FORMATS = ["auto", "registry", "json", "text", "hex"] as const;

/** One of {@linkcode FORMATS}. */
export type Format = typeof FORMATS[number];

/** A decoded key or value. */
export interface Decoded {
  /** How the bytes were read; `null` when the record has no bytes there. */
  readonly format: "registry" | "json" | "text" | "hex" | "null";
  /** The JSON value (registry, json), the string (text), hex digits (hex), or null. */
  readonly value: unknown;
  /** The writer's schema id (registry format only). */
  readonly schemaId?: number;
  /** Why a forced format did not fit (the bytes are then shown as hex). */
  readonly problem?: string;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function asText(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Control characters other than tab, newline and carriage return mark binary data. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

function asJson(text: string | undefined): { value: unknown } | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  // Only objects, arrays and strings count as JSON in auto mode: "42" or "true" stay text.
  if (!/^[[{"]/.test(trimmed)) return undefined;
  try {
    return { value: JSON.parse(trimmed) };
  } catch {
    return undefined;
  }
}

/**
 * The wire format's header is read here rather than with `lib/registry.ts`'s
 * `parseWireHeader`, which would load the registry client and Ajv just to look
 * at five bytes.
 */
function asRegistry(bytes: Uint8Array): Decoded | string {
  if (bytes.length < 5 || bytes[0] !== 0) {
    return "not in the Schema Registry wire format (magic byte 0 and a 4-byte schema id)";
  }
  const schemaId = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(1);
  const json = asText(bytes.subarray(5));
  if (json === undefined) return "the bytes after the schema id are not UTF-8";
  try {
    return { format: "registry", schemaId, value: JSON.parse(json) };
  } catch {
    return "the bytes after the schema id are not JSON";
  }
}

function hex(bytes: Uint8Array, problem?: string): Decoded {
  return problem === undefined
    ? { format: "hex", value: toHex(bytes) }
    : { format: "hex", value: toHex(bytes), problem };
}

/** Decodes `bytes` in `format` (see the module docs); never throws. */
export function decodeBytes(bytes: Uint8Array | null, format: Format): Decoded {
  if (bytes === null) return { format: "null", value: null };
  switch (format) {
    case "hex":
      return hex(bytes);
    case "registry": {
      const r = asRegistry(bytes);
      return typeof r === "string" ? hex(bytes, r) : r;
    }
    case "json": {
      const text = asText(bytes);
      if (text === undefined) return hex(bytes, "not UTF-8 text");
      try {
        return { format: "json", value: JSON.parse(text) };
      } catch {
        return hex(bytes, "not JSON");
      }
    }
    case "text": {
      const text = asText(bytes);
      return text === undefined ? hex(bytes, "not UTF-8 text") : { format: "text", value: text };
    }
    case "auto": {
      if (bytes.length >= 5 && bytes[0] === 0) {
        const r = asRegistry(bytes);
        if (typeof r !== "string") return r;
      }
      const text = asText(bytes);
      const json = asJson(text);
      if (json) return { format: "json", value: json.value };
      if (text !== undefined && !hasControlCharacters(text)) {
        return { format: "text", value: text };
      }
      return hex(bytes);
    }
  }
}

/** C0 controls, DEL and C1 controls: what a terminal may act on instead of printing. */
// deno-lint-ignore no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * Text safe to print on a terminal: every control character (ESC, BEL, CR,
 * newline, DEL, C1 such as the one-byte CSI, ...) written as an escape
 * (`\n`, `\r`, `\t`, else `\xHH`), so a record cannot move the cursor,
 * recolour, retitle or clear the screen, nor break its line in two.
 *
 * @example
 * ```ts
 * escapeControls("a\x1b[2Jb"); // "a\\x1b[2Jb"
 * ```
 */
export function escapeControls(text: string): string {
  return text.replace(
    CONTROL,
    (c) => SHORT_ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
}

// deno-lint-ignore no-control-regex
const CONTROL_TEST = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Printable ASCII (0x20-0x7e) as text without a decoder call, or undefined:
 * most keys and values, at a fraction of TextDecoder's cost per call.
 */
function printableAscii(bytes: Uint8Array): string | undefined {
  if (bytes.length > 1024) return undefined;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c < 0x20 || c > 0x7e) return undefined;
  }
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

/**
 * {@linkcode showDecoded} of {@linkcode decodeBytes}, faster for the common
 * case in `auto`: UTF-8 text on one line without control characters (JSON
 * included) is shown as it was written, without parsing it.
 */
export function showBytes(bytes: Uint8Array | null, format: Format): string {
  if (bytes === null) return showDecoded({ format: "null", value: null });
  if ((format === "auto" && (bytes.length < 5 || bytes[0] !== 0)) || format === "text") {
    const ascii = printableAscii(bytes);
    if (ascii !== undefined) return ascii;
  }
  if (format === "auto" && (bytes.length < 5 || bytes[0] !== 0)) {
    const text = asText(bytes);
    if (text !== undefined && !CONTROL_TEST.test(text)) return text;
  }
  return showDecoded(decodeBytes(bytes, format));
}

/**
 * A decoded value on one line for a terminal: JSON compact, text as is, hex
 * prefixed `0x`; control characters escaped (see {@linkcode escapeControls}).
 */
export function showDecoded(d: Decoded): string {
  switch (d.format) {
    case "null":
      return "(null)";
    case "text":
      return escapeControls(String(d.value));
    case "hex":
      return `0x${d.value}`;
    case "registry":
      return escapeControls(`[schema ${d.schemaId}] ${JSON.stringify(d.value)}`);
    case "json":
      return escapeControls(JSON.stringify(d.value));
  }
}
