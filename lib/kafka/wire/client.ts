/**
 * The wire adapter of the Kafka port (`../port.ts`, {@linkcode wireDriver}):
 * Kafka requests spoken directly on the wire (plaintext, or after a SASL
 * SCRAM/PLAIN login), for what kafkajs cannot tell. Which questions it
 * answers, and when kafkajs answers instead, is decided in `../clients.ts`;
 * the local cluster's start-up (`lib/cluster/`) asks it directly, node by
 * node, where there is nothing to choose.
 *
 * - {@linkcode fetchMetadata} (Metadata v5): brokers, cluster id and every
 *   partition's leader, with leaderless partitions reported as such. kafkajs
 *   throws LEADER_NOT_AVAILABLE for the whole response when any partition has
 *   no leader, and retries it for about 25 s, so one stopped broker holding an
 *   unreplicated partition made `status`, `broker list` and `listTopics` fail.
 * - {@linkcode describeQuorum} (DescribeQuorum v1, KIP-595): the KRaft quorum
 *   leader with its epoch, the voters and how far each lags. The Metadata
 *   `controllerId` is a random live broker on KRaft, not the quorum leader.
 * - {@linkcode saslMechanisms} (SaslHandshake v1): whether a listener asks
 *   for a login, which kafkajs only sees as a closed connection.
 * - Reading partitions without a group (`read`): ListOffsets v2 and Fetch v11
 *   in `fetcher.ts`, over kept-open connections (`connection.ts`).
 *
 * A broker that accepts the connection and does not answer in time fails
 * with the port's `NoAnswerError`.
 *
 * @example
 * ```ts
 * const md = await fetchMetadata(["localhost:19092", "localhost:19093"]);
 * const q = await describeQuorum(["localhost:19092"]);
 * q.leaderId; q.leaderEpoch; q.voters.map((v) => v.lag);
 * ```
 * @module
 */
import { Buffer } from "node:buffer";
import { splitHostPort } from "../../net.ts";
import {
  type ClusterMetadata,
  type MetadataDriver,
  NoAnswerError,
  type QuorumInfo,
  type QuorumReplica,
} from "../port.ts";
import {
  Reader,
  readExactly,
  WireAuthError,
  WireResponseError,
  type WireSasl,
  Writer,
} from "./codec.ts";

export { WireAuthError, WireResponseError, type WireSasl } from "./codec.ts";
export { Reader } from "./codec.ts";
export type { ClusterMetadata, PartitionState, QuorumInfo, QuorumReplica } from "../port.ts";

const METADATA = 3;
const DESCRIBE_QUORUM = 55;
const SASL_HANDSHAKE = 17;
const UNSUPPORTED_SASL_MECHANISM = 33;
const CLIENT_ID = "kafka-lab";
/** One request per connection at a time, so one fixed id (it keeps the frames deterministic). */
const CORRELATION_ID = 1;
/** Kafka's default `socket.request.max.bytes`; a larger frame size is damage. */
const MAX_FRAME_BYTES = 100 * 1024 * 1024;

/** One request on an open connection; resolves with the response body (after its header). */
async function exchange(
  conn: Deno.Conn,
  api: WireApi,
  body: Buffer,
): Promise<Reader> {
  const header = new Writer().int16(api.key).int16(api.version).int32(CORRELATION_ID)
    .string(CLIENT_ID);
  if (api.flexible) header.uvarint(0);
  const payload = Buffer.concat([header.bytes(), body]);
  const frame = Buffer.concat([new Writer().int32(payload.length).bytes(), payload]);
  for (let sent = 0; sent < frame.length;) sent += await conn.write(frame.subarray(sent));
  const size = (await readExactly(conn, 4)).readInt32BE(0);
  if (size < 4 || size > MAX_FRAME_BYTES) {
    throw new WireResponseError(`malformed Kafka response: a frame of ${size} bytes`);
  }
  const reader = new Reader(await readExactly(conn, size));
  const correlationId = reader.int32();
  if (correlationId !== CORRELATION_ID) {
    throw new WireResponseError(
      `malformed Kafka response: the answer to request ${correlationId}, not ${CORRELATION_ID}`,
    );
  }
  if (api.flexible) reader.skipTags();
  return reader;
}

/** A request's API key and version, and whether that version is flexible (KIP-482). */
export interface WireApi {
  readonly key: number;
  readonly version: number;
  readonly flexible: boolean;
}

/**
 * Sends one request to `address` and returns the response body (after its
 * header). With `sasl`, the connection first authenticates (SCRAM or PLAIN,
 * `sasl.ts`); a refused login throws {@linkcode WireAuthError}.
 */
export async function request(
  address: string,
  api: WireApi,
  body: Buffer,
  timeoutMs = 5000,
  sasl?: WireSasl,
): Promise<Reader> {
  const { hostname, port } = splitHostPort(address);
  const timer = AbortSignal.timeout(timeoutMs);
  const conn = await Deno.connect({ hostname, port, signal: timer } as Deno.ConnectOptions);
  const abort = () => conn.close();
  timer.addEventListener("abort", abort);
  try {
    if (sasl) {
      // Loaded only for a SASL cluster: SCRAM needs node:crypto, slow to load for every command.
      const { saslAuthenticate } = await import("./sasl.ts");
      await saslAuthenticate((a, b) => exchange(conn, a, b), sasl, address);
    }
    return await exchange(conn, api, body);
  } catch (err) {
    if (timer.aborted) throw new NoAnswerError(address, timeoutMs);
    throw err;
  } finally {
    timer.removeEventListener("abort", abort);
    try {
      conn.close();
    } catch {
      // already closed by the timeout
    }
  }
}

/** Tries each address in turn; the first answer wins. */
async function first<T>(addresses: readonly string[], fn: (a: string) => Promise<T>): Promise<T> {
  let last: unknown;
  for (const a of addresses) {
    try {
      return await fn(a);
    } catch (err) {
      if (err instanceof WireAuthError) throw err;
      last = err;
    }
  }
  throw last ?? new Error("no address to ask");
}

/** Metadata v5 of `topics` (every topic when omitted), from the first address that answers. */
export async function fetchMetadata(
  addresses: readonly string[],
  topics?: readonly string[],
  timeoutMs = 5000,
  sasl?: WireSasl,
): Promise<ClusterMetadata> {
  const body = new Writer();
  if (topics) {
    body.int32(topics.length);
    for (const t of topics) body.string(t);
  } else {
    body.int32(-1);
  }
  body.int8(0); // allow_auto_topic_creation
  return await first(addresses, async (address) => {
    const r = await request(
      address,
      { key: METADATA, version: 5, flexible: false },
      body.bytes(),
      timeoutMs,
      sasl,
    );
    r.int32(); // throttle
    const brokers = r.array(() => {
      const nodeId = r.int32();
      const host = r.nullableString() ?? "";
      const port = r.int32();
      r.nullableString(); // rack
      return { nodeId, host, port };
    });
    const clusterId = r.nullableString();
    const controllerId = r.int32();
    const ints = () => r.array(() => r.int32());
    const parsed = r.array(() => {
      const errorCode = r.int16();
      const name = r.nullableString() ?? "";
      const internal = r.int8() !== 0;
      const partitions = r.array(() => ({
        errorCode: r.int16(),
        partition: r.int32(),
        leader: r.int32(),
        replicas: ints(),
        isr: ints(),
        offline: ints(),
      }));
      return { name, errorCode, internal, partitions };
    });
    r.end();
    return { answeredBy: address, clusterId, controllerId, brokers, topics: parsed };
  });
}

/**
 * The SASL mechanisms the listener at `address` asks for, or undefined when it
 * does not ask for a login (or does not answer). A SaslHandshake is allowed
 * before logging in; a plaintext listener answers it with ILLEGAL_SASL_STATE
 * and no mechanism, a SASL listener with the mechanisms it offers.
 */
export async function saslMechanisms(
  address: string,
  timeoutMs = 2000,
): Promise<string[] | undefined> {
  try {
    const r = await request(
      address,
      { key: SASL_HANDSHAKE, version: 1, flexible: false },
      new Writer().string("PLAIN").bytes(),
      timeoutMs,
    );
    const errorCode = r.int16();
    const offered = r.array(() => r.nullableString() ?? "").filter((m) => m.length > 0);
    r.end();
    return (errorCode === 0 || errorCode === UNSUPPORTED_SASL_MECHANISM) && offered.length > 0
      ? offered
      : undefined;
  } catch {
    return undefined;
  }
}

/** Kafka error code of a DescribeQuorum answer that is not 0. */
export class QuorumError extends Error {
  constructor(readonly errorCode: number, where: string) {
    super(`DescribeQuorum failed at ${where} with Kafka error code ${errorCode}`);
    this.name = "QuorumError";
  }
}

/** DescribeQuorum v1 of `__cluster_metadata-0`, from the first address that answers. */
export async function describeQuorum(
  addresses: readonly string[],
  timeoutMs = 5000,
  sasl?: WireSasl,
): Promise<QuorumInfo> {
  const body = new Writer()
    .uvarint(2).compactString("__cluster_metadata")
    .uvarint(2).int32(0).uvarint(0) // partition 0, no tags
    .uvarint(0) // topic tags
    .uvarint(0) // request tags
    .bytes();
  return await first(addresses, async (address) => {
    const r = await request(
      address,
      { key: DESCRIBE_QUORUM, version: 1, flexible: true },
      body,
      timeoutMs,
      sasl,
    );
    const top = r.int16();
    if (top !== 0) throw new QuorumError(top, address);
    const [topic] = r.compactArray(() => {
      r.compactNullableString();
      const partitions = r.compactArray(() => {
        const index = r.int32();
        const p = {
          index,
          errorCode: r.int16(),
          leaderId: r.int32(),
          leaderEpoch: r.int32(),
          highWatermark: r.int64(),
          voters: replicas(r),
          observers: replicas(r),
        };
        r.skipTags();
        return p;
      });
      r.skipTags();
      return partitions;
    });
    r.skipTags();
    r.end();
    const p = topic?.[0];
    if (!p) throw new QuorumError(-1, address);
    if (p.errorCode !== 0) throw new QuorumError(p.errorCode, address);
    const leaderEnd = p.voters.find((v) => v.id === p.leaderId)?.logEndOffset ?? p.highWatermark;
    const withLag = (v: Omit<QuorumReplica, "lag">) => ({
      ...v,
      lag: v.logEndOffset < 0 ? null : Math.max(0, leaderEnd - v.logEndOffset),
    });
    return {
      leaderId: p.leaderId,
      leaderEpoch: p.leaderEpoch,
      highWatermark: p.highWatermark,
      voters: p.voters.map(withLag),
      observers: p.observers.map(withLag),
      answeredBy: address,
    };
  });
}

function replicas(r: Reader): Array<Omit<QuorumReplica, "lag">> {
  return r.compactArray(() => {
    const v = {
      id: r.int32(),
      logEndOffset: r.int64(),
      lastFetchMs: r.int64(),
      lastCaughtUpMs: r.int64(),
    };
    r.skipTags();
    return v;
  });
}

/** The wire requests as the port's {@linkcode MetadataDriver}. */
export const wireDriver: MetadataDriver = {
  metadata: fetchMetadata,
  describeQuorum,
  saslMechanisms,
};
