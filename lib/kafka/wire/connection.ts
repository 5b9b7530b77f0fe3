/**
 * One kept-open plaintext connection to a broker on which several requests
 * may be in flight: Kafka answers a connection's requests in the order they
 * were sent, so each answer goes to the oldest request waiting (its
 * correlation id checked). The fetch path (`fetcher.ts`) sends its next Fetch
 * here while the previous answer is still being printed.
 *
 * Each answer is read straight into one buffer of its frame's size (the
 * one-shot `request()` of `client.ts` allocates per read, which is fine for a
 * Metadata answer and slow for 16 MiB of records).
 *
 * @example
 * ```ts
 * const conn = await WireConnection.open("localhost:19092", 5000);
 * const answer = await conn.request({ key: 1, version: 11, flexible: false }, body, 10_000);
 * conn.close();
 * ```
 * @module
 */
import { Buffer } from "node:buffer";
import { splitHostPort } from "../../net.ts";
import { NoAnswerError } from "../port.ts";
import { Reader, WireResponseError, Writer } from "./codec.ts";
import type { WireApi } from "./client.ts";

const CLIENT_ID = "kafka-lab";
/** Kafka's default `socket.request.max.bytes` is 100 MiB; an answer's frame is no larger. */
const MAX_FRAME_BYTES = 128 * 1024 * 1024;

interface Waiting {
  readonly correlationId: number;
  readonly answer: PromiseWithResolvers<Reader>;
  readonly timer: ReturnType<typeof setTimeout>;
}

/** A connection with requests in flight; see the module docs. */
export class WireConnection {
  readonly #conn: Deno.Conn;
  readonly #waiting: Waiting[] = [];
  #nextId = 1;
  #failure: Error | undefined;

  private constructor(conn: Deno.Conn, readonly address: string) {
    this.#conn = conn;
    this.#readAnswers().catch((err) => this.#fail(err));
  }

  /** Connects to `address` within `timeoutMs`. */
  static async open(address: string, timeoutMs: number): Promise<WireConnection> {
    const { hostname, port } = splitHostPort(address);
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      return new WireConnection(
        await Deno.connect({ hostname, port, signal } as Deno.ConnectOptions),
        address,
      );
    } catch (err) {
      throw signal.aborted ? new NoAnswerError(address, timeoutMs) : err;
    }
  }

  /** Sends a request; resolves with its answer's body (after the header). */
  async request(api: WireApi, body: Uint8Array, timeoutMs: number): Promise<Reader> {
    if (this.#failure) throw this.#failure;
    const correlationId = this.#nextId++;
    const header = new Writer().int16(api.key).int16(api.version).int32(correlationId)
      .string(CLIENT_ID).bytes();
    const frame = Buffer.concat([
      new Writer().int32(header.length + body.length).bytes(),
      header,
      body,
    ]);
    const answer = Promise.withResolvers<Reader>();
    answer.promise.catch(() => {}); // a failed write rejects it too, and throws below
    const timer = setTimeout(
      () => this.#fail(new NoAnswerError(this.address, timeoutMs)),
      timeoutMs,
    );
    this.#waiting.push({ correlationId, answer, timer });
    for (let sent = 0; sent < frame.length;) sent += await this.#conn.write(frame.subarray(sent));
    return await answer.promise;
  }

  /** Closes the connection; requests still waiting fail. */
  close(): void {
    this.#fail(new WireResponseError(`the connection to ${this.address} was closed`));
  }

  #fail(err: Error): void {
    if (this.#failure) return;
    this.#failure = err;
    try {
      this.#conn.close();
    } catch {
      // already closed
    }
    for (const w of this.#waiting.splice(0)) {
      clearTimeout(w.timer);
      w.answer.reject(err);
    }
  }

  async #readAnswers(): Promise<void> {
    const size = new Uint8Array(4);
    while (!this.#failure) {
      if (!(await this.#readInto(size))) return;
      const length = new DataView(size.buffer).getInt32(0);
      if (length < 4 || length > MAX_FRAME_BYTES) {
        throw new WireResponseError(`malformed Kafka response: a frame of ${length} bytes`);
      }
      const frame = Buffer.alloc(length);
      if (!(await this.#readInto(frame))) return;
      const reader = new Reader(frame);
      const correlationId = reader.int32();
      const w = this.#waiting.shift();
      if (!w || w.correlationId !== correlationId) {
        throw new WireResponseError(
          `malformed Kafka response: the answer to request ${correlationId}, not ${w?.correlationId}`,
        );
      }
      clearTimeout(w.timer);
      w.answer.resolve(reader);
    }
  }

  /** Fills `into`; false when the connection closed (and the failure is recorded). */
  async #readInto(into: Uint8Array): Promise<boolean> {
    for (let got = 0; got < into.length;) {
      const n = await this.#conn.read(into.subarray(got)).catch((err) => {
        if (this.#failure) return null;
        throw err;
      });
      if (n === null) {
        this.#fail(
          new WireResponseError(`${this.address} closed the connection in the middle of an answer`),
        );
        return false;
      }
      got += n;
    }
    return true;
  }
}
