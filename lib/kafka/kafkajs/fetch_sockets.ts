/**
 * The sockets of one kafkajs client, made by a `socketFactory` that behaves
 * like kafkajs' own (TCP or TLS, keep-alive) but remembers each socket and
 * which of them carry fetch requests, so a consumer that is done can end its
 * long poll at once instead of waiting for the broker's answer.
 *
 * @example
 * ```ts
 * const sockets = new FetchSockets();
 * const kafka = new Kafka({ brokers, socketFactory: sockets.factory });
 * // ... later, right after telling the consumer to stop:
 * sockets.endFetches();
 * ```
 * @module
 */
import net from "node:net";
import tls from "node:tls";
import type { ISocketFactory } from "kafkajs";

/** The Kafka protocol's API key of Fetch requests. */
const FETCH_API_KEY = 1;
const KEEP_ALIVE_MS = 60_000;

/**
 * Whether a buffer written to a Kafka connection starts a Fetch request
 * (a request starts with its int32 size, then its int16 API key).
 */
export function isFetchRequest(chunk: unknown): boolean {
  if (!(chunk instanceof Uint8Array) || chunk.length < 6) return false;
  return new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength).getInt16(4) ===
    FETCH_API_KEY;
}

/** The sockets of one client; see the module docs. */
export class FetchSockets {
  readonly #open = new Set<net.Socket>();
  readonly #fetching = new WeakSet<net.Socket>();

  /** The `socketFactory` to give kafkajs. */
  readonly factory: ISocketFactory = ({ host, port, ssl, onConnect }) => {
    const socket = ssl
      ? tls.connect({
        host,
        port,
        ...(net.isIP(host) ? {} : { servername: host }),
        ...(typeof ssl === "object" ? ssl : {}),
      }, onConnect)
      : net.connect({ host, port }, onConnect);
    socket.setKeepAlive(true, KEEP_ALIVE_MS);
    this.#open.add(socket);
    socket.once("close", () => this.#open.delete(socket));
    const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
    (socket as { write: (...args: unknown[]) => boolean }).write = (...args: unknown[]) => {
      if (isFetchRequest(args[0])) this.#fetching.add(socket);
      return write(...args);
    };
    return socket;
  };

  /** Sockets open now. */
  get open(): number {
    return this.#open.size;
  }

  /**
   * Half-closes every connection that carries fetches: the broker closes its
   * side, and kafkajs ends the fetch in flight as if the broker had gone.
   */
  endFetches(): void {
    for (const socket of this.#open) if (this.#fetching.has(socket)) socket.end();
  }

  /** Closes whatever the client left open. */
  destroyAll(): void {
    for (const socket of this.#open) socket.destroy();
    this.#open.clear();
  }
}
