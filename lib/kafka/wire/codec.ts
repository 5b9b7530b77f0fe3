/**
 * Kafka's wire primitives: a writer for request bodies and a reader for
 * responses (big-endian integers, strings, arrays, varints, tagged fields).
 * @module
 */
import { Buffer } from "node:buffer";

/** Writes Kafka's big-endian primitives of a request body. */
export class Writer {
  readonly #parts: Buffer[] = [];
  int8(v: number): this {
    const b = Buffer.alloc(1);
    b.writeInt8(v);
    return this.#push(b);
  }
  int16(v: number): this {
    const b = Buffer.alloc(2);
    b.writeInt16BE(v);
    return this.#push(b);
  }
  int32(v: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v);
    return this.#push(b);
  }
  /** An int64 from a number (exact within ±2^53: offsets and timestamps). */
  int64(v: number | bigint): this {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(BigInt(v));
    return this.#push(b);
  }
  uvarint(v: number): this {
    const bytes: number[] = [];
    while (v >= 0x80) {
      bytes.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    bytes.push(v);
    return this.#push(Buffer.from(bytes));
  }
  string(s: string): this {
    const b = Buffer.from(s, "utf8");
    return this.int16(b.length).#push(b);
  }
  /** `BYTES`: an int32 length, then the bytes. */
  sizedBytes(b: Uint8Array): this {
    return this.int32(b.length).#push(Buffer.from(b));
  }
  compactString(s: string): this {
    const b = Buffer.from(s, "utf8");
    return this.uvarint(b.length + 1).#push(b);
  }
  /** `COMPACT_NULLABLE_STRING`: null is a length of 0. */
  compactNullableString(s: string | null): this {
    return s === null ? this.uvarint(0) : this.compactString(s);
  }
  /** `COMPACT_BYTES`: a varint of length + 1, then the bytes. */
  compactBytes(b: Uint8Array): this {
    return this.uvarint(b.length + 1).#push(Buffer.from(b));
  }
  /** `COMPACT_ARRAY`: a varint of count + 1, then each item written by `item`. */
  compactArray<T>(items: readonly T[], item: (w: this, value: T) => void): this {
    this.uvarint(items.length + 1);
    for (const v of items) item(this, v);
    return this;
  }
  #push(b: Buffer): this {
    this.#parts.push(b);
    return this;
  }
  bytes(): Buffer {
    return Buffer.concat(this.#parts);
  }
}

/** Reads Kafka's big-endian primitives from a response body. */
export class Reader {
  #pos = 0;
  constructor(readonly buf: Buffer) {}
  int8(): number {
    return this.buf.readInt8(this.#advance(1));
  }
  int16(): number {
    return this.buf.readInt16BE(this.#advance(2));
  }
  int32(): number {
    return this.buf.readInt32BE(this.#advance(4));
  }
  int64(): number {
    return Number(this.buf.readBigInt64BE(this.#advance(8)));
  }
  /** An unsigned varint of at most five bytes (Kafka's lengths and counts are 32-bit). */
  uvarint(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.buf.readUInt8(this.#advance(1));
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
    }
    throw new WireResponseError(
      `malformed Kafka response: a varint longer than 5 bytes ends at offset ${this.#pos}`,
    );
  }
  nullableString(): string | null {
    const len = this.int16();
    if (len < 0) return null;
    return this.buf.toString("utf8", this.#advance(len), this.#pos);
  }
  /** `BYTES`: an int32 length (-1: null), then the bytes. */
  sizedBytes(): Buffer {
    const len = this.int32();
    if (len < 0) return Buffer.alloc(0);
    return this.buf.subarray(this.#advance(len), this.#pos);
  }
  compactNullableString(): string | null {
    const len = this.uvarint() - 1;
    if (len < 0) return null;
    return this.buf.toString("utf8", this.#advance(len), this.#pos);
  }
  /** `COMPACT_STRING`; a null one reads as "". */
  compactString(): string {
    return this.compactNullableString() ?? "";
  }
  array<T>(item: () => T): T[] {
    return this.#items(this.int32(), item);
  }
  compactArray<T>(item: () => T): T[] {
    return this.#items(this.uvarint() - 1, item);
  }
  /** Throws unless every byte of the response was read. */
  end(): void {
    const left = this.buf.length - this.#pos;
    if (left > 0) {
      throw new WireResponseError(`malformed Kafka response: ${left} byte(s) left over at its end`);
    }
  }
  #items<T>(n: number, item: () => T): T[] {
    // Every item takes at least one byte: a larger count is damage, not a reason to allocate.
    const left = this.buf.length - this.#pos;
    if (n > left) {
      throw new WireResponseError(
        `malformed Kafka response: ${n} items at offset ${this.#pos}, ${left} byte(s) left`,
      );
    }
    return Array.from({ length: Math.max(0, n) }, item);
  }
  skipTags(): void {
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      this.uvarint();
      this.#advance(this.uvarint());
    }
  }
  #advance(n: number): number {
    const at = this.#pos;
    const left = this.buf.length - at;
    if (n < 0 || n > left) {
      throw new WireResponseError(
        `Kafka response cut short: ${n} byte(s) needed at offset ${at}, ${left} left`,
      );
    }
    this.#pos += n;
    return at;
  }
}

/** Reads exactly `n` bytes from a connection. */
export async function readExactly(conn: Deno.Conn, n: number): Promise<Buffer> {
  const out = Buffer.alloc(n);
  let got = 0;
  while (got < n) {
    const chunk = new Uint8Array(n - got);
    const read = await conn.read(chunk);
    if (read === null) {
      throw new WireResponseError(
        `the broker closed the connection after ${got} of ${n} bytes of its answer`,
      );
    }
    out.set(chunk.subarray(0, read), got);
    got += read;
  }
  return out;
}

/**
 * A response kafka-lab cannot read: cut short (by its frame or a closed
 * connection), a length or count that runs past its end, bytes left over, or
 * an answer to another request. Thrown in place of Node's bare `RangeError`,
 * so that callers and users see what went wrong and where.
 */
export class WireResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WireResponseError";
  }
}

/** Credentials for a wire login; the shape of the config's `sasl`. */
export interface WireSasl {
  readonly mechanism: "plain" | "scram-sha-256" | "scram-sha-512";
  readonly username: string;
  readonly password: string;
}

/** The broker refused the login (wrong user or password, or mechanism not offered). */
export class WireAuthError extends Error {
  /** Kafka's error code (58 SASL_AUTHENTICATION_FAILED, 33 UNSUPPORTED_SASL_MECHANISM). */
  readonly errorCode: number;
  constructor(errorCode: number, address: string, detail: string) {
    super(`SASL login at ${address} failed (Kafka error code ${errorCode}): ${detail}`);
    this.name = "WireAuthError";
    this.errorCode = errorCode;
  }
}
