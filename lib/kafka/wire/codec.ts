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
  uvarint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.buf.readUInt8(this.#advance(1));
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
    }
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
  array<T>(item: () => T): T[] {
    const n = this.int32();
    return Array.from({ length: Math.max(0, n) }, item);
  }
  compactArray<T>(item: () => T): T[] {
    const n = this.uvarint() - 1;
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
    if (at + n > this.buf.length) throw new RangeError("truncated Kafka response");
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
    if (read === null) throw new Error("the broker closed the connection");
    out.set(chunk.subarray(0, read), got);
    got += read;
  }
  return out;
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
