/**
 * Snappy decompression for record batches of codec 2, written from the
 * format's description (Google's `format_description.txt`): a varint of the
 * uncompressed length, then literals and back-references (copies with a 1-,
 * 2- or 4-byte offset, which may overlap what they write). librdkafka writes
 * one raw block; the Java client writes xerial's framing (`\x82SNAPPY\0`, a
 * version and compatible version, then blocks each after a 4-byte length),
 * which is read too. kafkajs has no snappy at all.
 *
 * @example
 * ```ts
 * const records = unsnappy(batchBytes); // throws SnappyError on damage
 * ```
 * @module
 */

/** Bytes that are not snappy data. */
export class SnappyError extends Error {
  constructor(message: string) {
    super(`damaged snappy data: ${message}`);
    this.name = "SnappyError";
  }
}

const XERIAL = [0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00];

/** The uncompressed bytes of `data` (one raw block, or xerial-framed blocks). */
export function unsnappy(data: Uint8Array): Uint8Array {
  if (!XERIAL.every((b, i) => data[i] === b)) return block(data, 0, data.length);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const parts: Uint8Array[] = [];
  for (let at = 16; at < data.length;) {
    if (at + 4 > data.length) throw new SnappyError("a cut xerial block length");
    const length = view.getInt32(at);
    if (length < 0 || at + 4 + length > data.length) throw new SnappyError("a cut xerial block");
    parts.push(block(data, at + 4, at + 4 + length));
    at += 4 + length;
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

/** One raw snappy block of `data` from `at` to `end`. */
function block(data: Uint8Array, at: number, end: number): Uint8Array {
  let length = 0;
  for (let shift = 0;; shift += 7) {
    if (at >= end || shift > 28) throw new SnappyError("a bad length preamble");
    const b = data[at++];
    length += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) break;
  }
  const out = new Uint8Array(length);
  let o = 0;
  while (at < end) {
    const tag = data[at++];
    const kind = tag & 3;
    if (kind === 0) {
      let n = tag >> 2;
      if (n >= 60) {
        const bytes = n - 59;
        n = 0;
        for (let i = 0; i < bytes; i++) n += data[at++] * 2 ** (8 * i);
      }
      n += 1;
      if (!(at + n <= end && o + n <= length)) throw new SnappyError("a literal past the end");
      out.set(data.subarray(at, at + n), o);
      at += n;
      o += n;
      continue;
    }
    let n: number;
    let offset: number;
    if (kind === 1) {
      n = 4 + ((tag >> 2) & 7);
      offset = ((tag >> 5) << 8) | data[at++];
    } else {
      n = 1 + (tag >> 2);
      const bytes = kind === 2 ? 2 : 4;
      offset = 0;
      for (let i = 0; i < bytes; i++) offset += data[at++] * 2 ** (8 * i);
    }
    if (!(at <= end && offset > 0 && offset <= o && o + n <= length)) {
      throw new SnappyError("a copy outside what was written");
    }
    for (let i = 0; i < n; i++, o++) out[o] = out[o - offset]; // copies may overlap
  }
  if (o !== length) throw new SnappyError(`${o} of ${length} bytes`);
  return out;
}
