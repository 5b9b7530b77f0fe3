/**
 * LZ4 decompression for record batches of codec 3, written from the LZ4 frame
 * and block format descriptions: a frame (magic `04 22 4D 18`, a descriptor,
 * blocks each after a 4-byte little-endian size whose top bit marks a stored
 * block, an end mark, optional checksums, which are skipped, not verified),
 * each block a run of sequences of literals and a back-reference that may
 * overlap what it writes and, with dependent blocks, reach into earlier ones.
 * librdkafka and the Java client (KIP-57) both write such frames; kafkajs has
 * no LZ4 at all.
 *
 * @example
 * ```ts
 * const records = unlz4(batchBytes); // throws Lz4Error on damage
 * ```
 * @module
 */

/** Bytes that are not an LZ4 frame. */
export class Lz4Error extends Error {
  constructor(message: string) {
    super(`damaged lz4 data: ${message}`);
    this.name = "Lz4Error";
  }
}

const MAGIC = 0x184d2204;

/** Output that grows as blocks are decoded into it (they may refer back to earlier ones). */
class Out {
  bytes = new Uint8Array(64 * 1024);
  length = 0;
  room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}

/** The uncompressed bytes of the LZ4 frame `data`. */
export function unlz4(data: Uint8Array): Uint8Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length < 7 || view.getUint32(0, true) !== MAGIC) throw new Lz4Error("no frame magic");
  const flags = data[4];
  if ((flags >> 6) !== 1) throw new Lz4Error(`frame version ${flags >> 6}`);
  const blockChecksums = (flags & 0x10) !== 0;
  let at = 6 + ((flags & 0x08) !== 0 ? 8 : 0) + ((flags & 0x01) !== 0 ? 4 : 0) + 1;
  const out = new Out();
  for (;;) {
    if (at + 4 > data.length) throw new Lz4Error("a cut block size");
    const word = view.getUint32(at, true);
    at += 4;
    if (word === 0) break; // the end mark (a content checksum may follow)
    const size = word & 0x7fffffff;
    if (at + size > data.length) throw new Lz4Error("a cut block");
    if ((word & 0x80000000) !== 0) {
      out.room(size);
      out.bytes.set(data.subarray(at, at + size), out.length);
      out.length += size;
    } else {
      block(data, at, at + size, out);
    }
    at += size + (blockChecksums ? 4 : 0);
  }
  return out.bytes.subarray(0, out.length);
}

/** Reads an LZ4 length: `n`, and while it is saturated (15, then 255s), the bytes after it. */
function more(data: Uint8Array, n: number, at: { i: number }, end: number): number {
  if (n !== 15) return n;
  for (let b = 255; b === 255;) {
    if (at.i >= end) throw new Lz4Error("a cut length");
    b = data[at.i++];
    n += b;
  }
  return n;
}

/** One compressed block of `data` from `from` to `end`, appended to `out`. */
function block(data: Uint8Array, from: number, end: number, out: Out): void {
  const at = { i: from };
  while (at.i < end) {
    const token = data[at.i++];
    const literals = more(data, token >> 4, at, end);
    if (at.i + literals > end) throw new Lz4Error("literals past the block");
    out.room(literals);
    out.bytes.set(data.subarray(at.i, at.i + literals), out.length);
    out.length += literals;
    at.i += literals;
    if (at.i === end) return; // the last sequence has literals only
    if (at.i + 2 > end) throw new Lz4Error("a cut match offset");
    const offset = data[at.i] | (data[at.i + 1] << 8);
    at.i += 2;
    const length = more(data, token & 15, at, end) + 4;
    if (offset === 0 || offset > out.length) throw new Lz4Error("a match before the start");
    out.room(length);
    const bytes = out.bytes;
    for (let i = 0, o = out.length; i < length; i++, o++) bytes[o] = bytes[o - offset];
    out.length += length;
  }
}
