/**
 * The port's {@linkcode PartitionReader} on the wire client: `read` without
 * kafkajs. It finds each partition's leader (Metadata), asks the leaders for
 * the ranges (ListOffsets v2, read-committed) and fetches from each leader
 * over one kept-open connection (Fetch v11, `fetch.ts`), with one request in
 * flight per broker: as soon as an answer arrives, the next Fetch goes out
 * (its offsets known from the batch headers alone) and the answer is decoded
 * (`record_batches.ts`) and handed on while the broker reads the next one.
 *
 * It reads plaintext and SASL_PLAINTEXT clusters (each connection logs in
 * first: SCRAM or PLAIN, `sasl.ts`), not TLS (`lib/kafka/clients.ts` gives
 * none there), and uncompressed, gzip, snappy or lz4 batches. Anything it does
 * not read throws {@linkcode ReadHandOver} after handing on what came before,
 * and the caller reads on with kafkajs' consumer from there: a batch
 * compressed with zstd, another record format or damage, a partition without a
 * leader, an error code in an answer (a moved leader, an offset out of range,
 * an authorization failure: kafkajs retries or words them), a lost connection.
 * Control batches and aborted transactions are skipped here, as a
 * read-committed consumer does.
 *
 * @example
 * ```ts
 * const reader = wireReader(["localhost:19092"]);
 * const marks = await reader.fetchTopicOffsets("orders");
 * await reader.read({ topic: "orders", positions, ends, partitionMaxBytes: 1 << 20, signal,
 *   onRecords: (p, records, next) => false });
 * ```
 * @module
 */
import {
  type PartitionOffset,
  type PartitionReader,
  type PartitionReadOptions,
  ReadHandOver,
} from "../port.ts";
import type { ConsumedRecord } from "../records.ts";
import { fetchMetadata, type WireSasl } from "./client.ts";
import { WireConnection } from "./connection.ts";
import {
  EARLIEST,
  FETCH_V11,
  type FetchPosition,
  fetchRequest,
  LATEST,
  LIST_OFFSETS_V2,
  listOffsetsRequest,
  readFetch,
  readListOffsets,
} from "./fetch.ts";
import { decodeRecordSet, nextOffsetOf, prepareFor } from "./record_batches.ts";

/** How long a fetch waits at the end of a partition for new records (with `follow`). */
const FETCH_WAIT_MS = 500;
/** How long connecting, and an answer beyond a fetch's own wait, may take. */
const TIMEOUT_MS = 10_000;
/** A fetch's limits besides `partitionMaxBytes` (which the caller chooses). */
const LIMITS = { maxWaitMs: FETCH_WAIT_MS, minBytes: 1, maxBytes: 64 * 1024 * 1024 };

/** The wire client's partition reader on `brokers` (plaintext); see the module docs. */
export function wireReader(brokers: readonly string[], sasl?: WireSasl): PartitionReader {
  return new WireReader(brokers, sasl);
}

/** What `onRecords` threw (printing failed): the caller's error, never a reason to hand over. */
class FromHandler {
  constructor(readonly error: unknown) {}
}

/** Runs `fn`, turning whatever it throws into a {@linkcode ReadHandOver}. */
async function orHandOver<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ReadHandOver) throw err;
    throw new ReadHandOver(`${what}: ${err instanceof Error ? err.message : err}`, { cause: err });
  }
}

class WireReader implements PartitionReader {
  constructor(readonly brokers: readonly string[], readonly sasl?: WireSasl) {}

  /** The leaders of each topic asked about, by address. */
  readonly #layouts = new Map<string, Promise<Map<string, number[]>>>();
  /** One connection per leader, kept from the offsets questions to the fetches. */
  readonly #connections = new Map<string, Promise<WireConnection>>();

  #connection(address: string): Promise<WireConnection> {
    let conn = this.#connections.get(address);
    if (!conn) {
      conn = this.#open(address);
      this.#connections.set(address, conn);
      conn.catch(() => this.#connections.delete(address));
    }
    return conn;
  }

  /** A new connection, logged in first on a SASL cluster (SCRAM or PLAIN, `sasl.ts`). */
  async #open(address: string): Promise<WireConnection> {
    const conn = await WireConnection.open(address, TIMEOUT_MS);
    if (!this.sasl) return conn;
    try {
      // Loaded only for a SASL cluster: SCRAM needs node:crypto, slow to load for every command.
      const { saslAuthenticate } = await import("./sasl.ts");
      await saslAuthenticate(
        (api, body) => conn.request(api, body, TIMEOUT_MS),
        this.sasl,
        address,
      );
      return conn;
    } catch (err) {
      conn.close();
      throw err;
    }
  }

  close(): void {
    for (const conn of this.#connections.values()) conn.then((c) => c.close(), () => {});
    this.#connections.clear();
  }

  partitions(topic: string): Promise<number[]> {
    return orHandOver(
      "Metadata",
      async () => [...(await this.#leaders(topic)).values()].flat().sort((a, b) => a - b),
    );
  }

  /** Each partition's leader's address, grouped by leader (asked once per topic). */
  #leaders(topic: string): Promise<Map<string, number[]>> {
    const known = this.#layouts.get(topic);
    if (known) return known;
    const asked = this.#askLeaders(topic);
    this.#layouts.set(topic, asked);
    asked.catch(() => this.#layouts.delete(topic));
    return asked;
  }

  async #askLeaders(topic: string): Promise<Map<string, number[]>> {
    const md = await fetchMetadata(this.brokers, [topic], TIMEOUT_MS, this.sasl);
    const t = md.topics.find((x) => x.name === topic);
    if (!t || t.errorCode !== 0 || t.partitions.length === 0) {
      throw new ReadHandOver(`topic ${topic}: Metadata error ${t?.errorCode ?? "(absent)"}`);
    }
    const byLeader = new Map<string, number[]>();
    for (const p of t.partitions) {
      const b = md.brokers.find((x) => x.nodeId === p.leader);
      // A leaderless partition is left out (`read` names it and reads the others).
      if (!b) continue;
      const address = `${b.host}:${b.port}`;
      byLeader.set(address, [...(byLeader.get(address) ?? []), p.partition]);
    }
    return byLeader;
  }

  /**
   * ListOffsets at each of `timestamps` of every partition of `topic`: the
   * leaders asked at once, each over one connection with the requests in flight together.
   */
  async #listed(topic: string, timestamps: readonly number[]): Promise<Array<Map<number, number>>> {
    const found = timestamps.map(() => new Map<number, number>());
    await Promise.all([...await this.#leaders(topic)].map(async ([address, partitions]) => {
      const conn = await this.#connection(address);
      const answers = await Promise.all(
        timestamps.map((ts) =>
          conn.request(LIST_OFFSETS_V2, listOffsetsRequest(topic, partitions, ts), TIMEOUT_MS)
        ),
      );
      answers.forEach((answer, i) => {
        for (const l of readListOffsets(answer)) {
          if (l.errorCode !== 0) {
            throw new ReadHandOver(
              `ListOffsets of ${topic}-${l.partition}: error ${l.errorCode}`,
            );
          }
          found[i].set(l.partition, l.offset);
        }
      });
    }));
    return found;
  }

  fetchTopicOffsets(
    topic: string,
  ): Promise<Array<PartitionOffset & { high: string; low: string }>> {
    return orHandOver("ListOffsets", async () => {
      const [high, low] = await this.#listed(topic, [LATEST, EARLIEST]);
      return [...high].map(([partition, h]) => ({
        partition,
        offset: String(h),
        high: String(h),
        low: String(low.get(partition) ?? h),
      }));
    });
  }

  fetchTopicOffsetsByTimestamp(topic: string, timestamp = Date.now()): Promise<PartitionOffset[]> {
    return orHandOver("ListOffsets", async () => {
      const [high, at] = await this.#listed(topic, [LATEST, timestamp]);
      return [...at].map(([partition, o]) => ({
        partition,
        offset: String(o >= 0 ? o : high.get(partition)),
      }));
    });
  }

  async read(options: PartitionReadOptions): Promise<void> {
    const leaders = await orHandOver("Metadata", () => this.#leaders(options.topic));
    const state = { stopped: false, failure: undefined as unknown };
    const closeAll = () => this.close();
    options.signal.addEventListener("abort", closeAll, { once: true });
    const over = () => state.stopped || options.signal.aborted;
    try {
      await Promise.all([...leaders].map(async ([address, all]) => {
        const partitions = all.filter((p) => options.positions.has(p));
        if (partitions.length === 0) return;
        try {
          const conn = await this.#connection(address);
          if (over()) return;
          if (await fetchLoop(conn, partitions, options, over)) state.stopped = true;
          if (state.stopped) closeAll();
        } catch (err) {
          if (over()) return; // a connection closed on purpose
          state.failure = err;
          state.stopped = true;
          closeAll();
        }
      }));
    } finally {
      options.signal.removeEventListener("abort", closeAll);
      closeAll();
    }
    if (state.failure instanceof FromHandler) throw state.failure.error;
    if (state.failure !== undefined && !options.signal.aborted) {
      await orHandOver("Fetch", () => Promise.reject(state.failure));
    }
  }
}

/**
 * Fetches `partitions` from one leader until each reaches its end (or for
 * ever without ends) or the read is over; resolves true when `onRecords`
 * said stop.
 */
async function fetchLoop(
  conn: WireConnection,
  partitions: readonly number[],
  options: PartitionReadOptions,
  over: () => boolean,
): Promise<boolean> {
  const at = new Map(partitions.map((p) => [p, Number(options.positions.get(p)!)]));
  let asked = 0;
  const ask = () => {
    const wanted: FetchPosition[] = [];
    for (const [partition, offset] of at) {
      const end = options.ends?.get(partition);
      if (end === undefined || offset < Number(end)) wanted.push({ partition, offset });
    }
    if (wanted.length === 0) return undefined;
    // The broker fills an answer in the order asked: a different partition first each time,
    // so none waits behind the others for the answer's byte limit.
    wanted.push(...wanted.splice(0, asked++ % wanted.length));
    const limits = { ...LIMITS, partitionMaxBytes: options.partitionMaxBytes };
    const body = fetchRequest(options.topic, wanted, limits);
    const answer = conn.request(FETCH_V11, body, FETCH_WAIT_MS + TIMEOUT_MS)
      .then((r) => ({ wanted, answer: readFetch(r, options.topic) }));
    answer.catch(() => {}); // awaited below, unless the read is over first
    return answer;
  };
  for (let inFlight = ask(); inFlight && !over();) {
    const { wanted, answer } = await inFlight;
    if (answer.errorCode !== 0) throw new ReadHandOver(`Fetch: error ${answer.errorCode}`);
    for (const p of answer.partitions) {
      if (p.errorCode !== 0) {
        throw new ReadHandOver(`Fetch of ${options.topic}-${p.partition}: error ${p.errorCode}`);
      }
      at.set(p.partition, nextOffsetOf(p.records, at.get(p.partition)!));
    }
    inFlight = ask(); // the next fetch goes out while this answer is handed on
    for (const p of answer.partitions) {
      const from = wanted.find((w) => w.partition === p.partition)?.offset;
      if (from === undefined || over()) continue;
      const records: ConsumedRecord[] = [];
      const place = { topic: options.topic, partition: p.partition, from, aborted: p.aborted };
      await prepareFor(p.records);
      const set = decodeRecordSet(p.records, place, records);
      let stop: boolean;
      try {
        stop = await options.onRecords(p.partition, records, BigInt(set.next));
      } catch (err) {
        throw new FromHandler(err);
      }
      if (stop) return true;
      if (set.unreadable) {
        throw new ReadHandOver(`${options.topic}-${p.partition}: ${set.unreadable}`);
      }
    }
  }
  return false;
}
