/**
 * Golden-byte tests of the hand-written wire client (`lib/kafka/wire/`):
 * the requests it writes are compared byte for byte with frames it wrote to a
 * real Kafka 4.1.1 broker, and the broker's recorded answers are decoded into
 * the values that broker meant (`fixtures/wire/README.md` says how, when and
 * on which cluster they were recorded).
 *
 * No broker is needed: a loopback listener plays the broker, answering each
 * request with a recorded frame (or a cut or damaged copy of it) and keeping
 * the request frames it read. The client keeps its correlation id (1) and
 * client id (`kafka-lab`) fixed, so its frames are deterministic.
 * @module
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import {
  describeQuorum,
  fetchMetadata,
  QuorumError,
  saslMechanisms,
  WireAuthError,
  type WireSasl,
} from "../../lib/kafka/wire/client.ts";
import { Reader, WireResponseError, Writer } from "../../lib/kafka/wire/codec.ts";
import { leaderlessIn } from "../../lib/kafka/leaderless.ts";
import { FIXTURES, readFully } from "./wire_fixtures.ts";

/** One recorded exchange: whole frames, their 4-byte size prefix included. */
interface Recording {
  readonly request: Uint8Array;
  readonly response: Uint8Array;
}

/** Reads `fixtures/wire/<name>.hex`: `#` comment lines, then `request:` and `response:` hex. */
function recording(name: string): Recording {
  const hex: Record<string, string> = { request: "", response: "" };
  let section = "";
  for (const line of Deno.readTextFileSync(new URL(`${name}.hex`, FIXTURES)).split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    if (line === "request:" || line === "response:") section = line.slice(0, -1);
    else if (section) hex[section] += line.trim();
    else throw new Error(`${name}.hex: hex before a section header`);
  }
  return {
    request: new Uint8Array(Buffer.from(hex.request, "hex")),
    response: new Uint8Array(Buffer.from(hex.response, "hex")),
  };
}

const hexOf = (b: Uint8Array) => Buffer.from(b).toString("hex");

/** What the fake broker sends for the `n`-th request of a connection; undefined closes it. */
type Answer = (request: Uint8Array, n: number) => Uint8Array | undefined;

/**
 * Runs `fn` against a loopback listener that answers like a broker with
 * `answer`, and returns its result (or what it threw) and the request frames
 * the listener read, in order.
 */
async function withFakeBroker<T>(
  answer: Answer,
  fn: (address: string) => Promise<T>,
  options: { hangUpAfterReply?: boolean } = {},
): Promise<{ result?: T; error?: unknown; requests: Uint8Array[] }> {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const address = `127.0.0.1:${(listener.addr as Deno.NetAddr).port}`;
  const requests: Uint8Array[] = [];
  const served: Promise<void>[] = [];
  const accepting = (async () => {
    for await (const conn of listener) {
      served.push(serve(conn, answer, requests, options.hangUpAfterReply));
    }
  })();
  let outcome: { result?: T; error?: unknown };
  try {
    outcome = { result: await fn(address) };
  } catch (error) {
    outcome = { error };
  }
  listener.close();
  await accepting;
  await Promise.all(served);
  return { ...outcome, requests };
}

async function serve(
  conn: Deno.Conn,
  answer: Answer,
  requests: Uint8Array[],
  hangUpAfterReply = false,
): Promise<void> {
  try {
    for (let n = 0;; n++) {
      const size = await readFully(conn, 4);
      if (!size) return;
      const body = await readFully(conn, new DataView(size.buffer).getInt32(0));
      if (!body) return;
      const frame = new Uint8Array(4 + body.length);
      frame.set(size);
      frame.set(body, 4);
      requests.push(frame);
      const reply = answer(frame, n);
      if (!reply) return;
      for (let sent = 0; sent < reply.length;) sent += await conn.write(reply.subarray(sent));
      if (hangUpAfterReply) return;
    }
  } catch {
    // the client hung up first
  } finally {
    try {
      conn.close();
    } catch {
      // already closed
    }
  }
}

/** Answers every request with `frame`. */
const always = (frame: Uint8Array): Answer => () => frame;

/** A response frame whose body is `body`: the size prefix rewritten to match. */
function framed(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + body.length);
  new DataView(out.buffer).setInt32(0, body.length);
  out.set(body, 4);
  return out;
}

/** The response's body (after the size prefix) with `edit` applied to a copy of it. */
function edited(frame: Uint8Array, edit: (body: Uint8Array) => Uint8Array | void): Uint8Array {
  const body = frame.slice(4);
  return framed(edit(body) ?? body);
}

/** Asserts that `error` is one of the wire client's typed errors, never a bare RangeError. */
function assertTyped(error: unknown, label: string): void {
  const typed = error instanceof WireResponseError || error instanceof QuorumError ||
    error instanceof WireAuthError;
  assert.ok(typed, `${label}: ${error instanceof Error ? error.stack : String(error)}`);
}

// ---------------------------------------------------------------- Metadata v5

const TWO_TOPICS = ["golden.rf3", "golden.solo"];
const BROKERS = [
  { nodeId: 1, host: "localhost", port: 19092 },
  { nodeId: 2, host: "localhost", port: 19093 },
  { nodeId: 3, host: "localhost", port: 19094 },
];
const CLUSTER_ID = "HOIJyoOT8ZlhLLeifkvbGg";
const ok = (partition: number, leader: number, replicas: number[], isr = replicas) => ({
  errorCode: 0,
  partition,
  leader,
  replicas,
  isr,
  offline: [] as number[],
});

Deno.test("fetchMetadata writes the recorded Metadata v5 request for named topics", async () => {
  const rec = recording("metadata_v5_topics");
  const { requests } = await withFakeBroker(
    always(rec.response),
    (a) => fetchMetadata([a], TWO_TOPICS),
  );
  assert.equal(requests.length, 1);
  assert.equal(hexOf(requests[0]), hexOf(rec.request));
});

Deno.test("fetchMetadata writes the recorded Metadata v5 requests for every topic and for none", async () => {
  for (
    const [name, topics] of [["metadata_v5_all_topics", undefined], [
      "metadata_v5_no_topics",
      [],
    ]] as const
  ) {
    const rec = recording(name);
    const { requests } = await withFakeBroker(
      always(rec.response),
      (a) => fetchMetadata([a], topics),
    );
    assert.deepEqual(requests.map(hexOf), [hexOf(rec.request)], name);
  }
});

Deno.test("fetchMetadata decodes the recorded answer for two topics: brokers, controller, leaders, replicas, ISR", async () => {
  const rec = recording("metadata_v5_topics");
  const { result, error } = await withFakeBroker(always(rec.response), async (a) => ({
    address: a,
    md: await fetchMetadata([a], TWO_TOPICS),
  }));
  assert.equal(error, undefined);
  assert.deepEqual(result!.md, {
    answeredBy: result!.address,
    clusterId: CLUSTER_ID,
    controllerId: 2,
    brokers: BROKERS,
    topics: [
      {
        name: "golden.rf3",
        errorCode: 0,
        internal: false,
        // In the broker's order, which is not the partitions' order.
        partitions: [ok(1, 2, [2, 3, 1]), ok(2, 3, [3, 1, 2]), ok(0, 1, [1, 2, 3])],
      },
      { name: "golden.solo", errorCode: 0, internal: false, partitions: [ok(0, 3, [3])] },
    ],
  });
});

Deno.test("fetchMetadata decodes the recorded answer for every topic, the internal one flagged", async () => {
  const rec = recording("metadata_v5_all_topics");
  const { result, error } = await withFakeBroker(always(rec.response), (a) => fetchMetadata([a]));
  assert.equal(error, undefined);
  const md = result!;
  assert.equal(md.clusterId, CLUSTER_ID);
  assert.equal(md.controllerId, 2);
  assert.deepEqual(md.brokers, BROKERS);
  assert.deepEqual(
    md.topics.map((t) => [t.name, t.errorCode, t.internal, t.partitions.length]),
    [
      ["golden.solo", 0, false, 1],
      ["golden.rf3", 0, false, 3],
      ["__consumer_offsets", 0, true, 50],
    ],
  );
  const offsets = md.topics[2].partitions;
  assert.deepEqual(offsets[0], ok(38, 1, [1, 3, 2]));
  assert.deepEqual(offsets.at(-1), ok(21, 2, [2, 3, 1]));
  assert.deepEqual(offsets.map((p) => p.partition).sort((a, b) => a - b), [...Array(50).keys()]);
  for (const p of offsets) {
    assert.deepEqual([...p.replicas].sort(), [1, 2, 3], `partition ${p.partition}`);
    assert.equal(p.leader, p.replicas[0], `partition ${p.partition} leads on its first replica`);
    assert.deepEqual(p.isr, p.replicas);
  }
});

Deno.test("fetchMetadata decodes the recorded answer for no topics: brokers and cluster only", async () => {
  const rec = recording("metadata_v5_no_topics");
  const { result } = await withFakeBroker(always(rec.response), (a) => fetchMetadata([a], []));
  assert.deepEqual(
    { ...result!, answeredBy: "" },
    { answeredBy: "", clusterId: CLUSTER_ID, controllerId: 2, brokers: BROKERS, topics: [] },
  );
});

Deno.test("fetchMetadata decodes UNKNOWN_TOPIC_OR_PARTITION (3) for a topic that does not exist", async () => {
  const rec = recording("metadata_v5_unknown_topic");
  const { result, requests } = await withFakeBroker(
    always(rec.response),
    (a) => fetchMetadata([a], ["golden.missing"]),
  );
  assert.deepEqual(requests.map(hexOf), [hexOf(rec.request)]);
  assert.equal(result!.controllerId, 3);
  assert.deepEqual(result!.topics, [
    { name: "golden.missing", errorCode: 3, internal: false, partitions: [] },
  ]);
});

Deno.test("fetchMetadata decodes a leaderless partition (its broker stopped) as leader -1, LEADER_NOT_AVAILABLE", async () => {
  const rec = recording("metadata_v5_leaderless");
  const { result, requests } = await withFakeBroker(
    always(rec.response),
    (a) => fetchMetadata([a], TWO_TOPICS),
  );
  assert.deepEqual(requests.map(hexOf), [hexOf(rec.request)]);
  const md = result!;
  assert.equal(md.controllerId, 1);
  assert.deepEqual(md.brokers, BROKERS.slice(0, 2), "the stopped broker 3 is not listed");
  const down = (p: number, leader: number, replicas: number[], isr: number[]) => ({
    ...ok(p, leader, replicas, isr),
    offline: [3],
  });
  assert.deepEqual(md.topics, [
    {
      name: "golden.rf3",
      errorCode: 0,
      internal: false,
      partitions: [
        down(0, 1, [1, 2, 3], [1, 2]),
        down(1, 2, [2, 3, 1], [2, 1]),
        down(2, 1, [3, 1, 2], [1, 2]),
      ],
    },
    {
      name: "golden.solo",
      errorCode: 0,
      internal: false,
      partitions: [{
        errorCode: 5,
        partition: 0,
        leader: -1,
        replicas: [3],
        isr: [],
        offline: [3],
      }],
    },
  ]);
});

Deno.test("leaderlessIn names the recorded leaderless partition and nothing else", async () => {
  const rec = recording("metadata_v5_leaderless");
  const { result } = await withFakeBroker(
    always(rec.response),
    async (a) => leaderlessIn(await fetchMetadata([a], TWO_TOPICS), TWO_TOPICS),
  );
  assert.deepEqual(result, [{ topic: "golden.solo", partition: 0, replicas: [3] }]);
});

// ---------------------------------------------------------------- DescribeQuorum v1

Deno.test("describeQuorum writes the recorded DescribeQuorum v1 request", async () => {
  const rec = recording("describe_quorum_v1");
  const { requests } = await withFakeBroker(always(rec.response), (a) => describeQuorum([a]));
  assert.deepEqual(requests.map(hexOf), [hexOf(rec.request)]);
});

Deno.test("describeQuorum decodes the recorded answer: leader, epoch, high watermark, three voters", async () => {
  const rec = recording("describe_quorum_v1");
  const { result, error } = await withFakeBroker(always(rec.response), async (a) => ({
    address: a,
    q: await describeQuorum([a]),
  }));
  assert.equal(error, undefined);
  const voter = (id: number, lastFetchMs: number) => ({
    id,
    logEndOffset: 166,
    lastFetchMs,
    lastCaughtUpMs: lastFetchMs,
    lag: 0,
  });
  assert.deepEqual(result!.q, {
    leaderId: 2,
    leaderEpoch: 1,
    highWatermark: 166,
    voters: [voter(1, 1796416245661), voter(2, 1796416245731), voter(3, 1796416245658)],
    observers: [],
    answeredBy: result!.address,
  });
});

Deno.test("describeQuorum decodes a voter that fell behind (its broker stopped) with its lag", async () => {
  const rec = recording("describe_quorum_v1_voter_behind");
  const { result, requests } = await withFakeBroker(
    always(rec.response),
    (a) => describeQuorum([a]),
  );
  assert.deepEqual(requests.map(hexOf), [hexOf(rec.request)]);
  assert.deepEqual(
    { ...result!, answeredBy: "" },
    {
      leaderId: 2,
      leaderEpoch: 1,
      highWatermark: 309,
      voters: [
        {
          id: 1,
          logEndOffset: 309,
          lastFetchMs: 1796416261667,
          lastCaughtUpMs: 1796416261667,
          lag: 0,
        },
        {
          id: 2,
          logEndOffset: 309,
          lastFetchMs: 1796416261937,
          lastCaughtUpMs: 1796416261937,
          lag: 0,
        },
        {
          id: 3,
          logEndOffset: 302,
          lastFetchMs: 1796416258660,
          lastCaughtUpMs: 1796416258166,
          lag: 7,
        },
      ],
      observers: [],
      answeredBy: "",
    },
  );
});

Deno.test("describeQuorum turns a top-level error code into QuorumError with that code", async () => {
  const rec = recording("describe_quorum_v1");
  // Body: correlation id (4), header tags (1), then the top-level error code.
  const refused = edited(rec.response, (b) => void new DataView(b.buffer).setInt16(5, 29));
  const { error } = await withFakeBroker(always(refused), (a) => describeQuorum([a]));
  assert.ok(error instanceof QuorumError, String(error));
  assert.equal(error.errorCode, 29);
});

// ---------------------------------------------------------------- SaslHandshake v1

const SCRAM: WireSasl = { mechanism: "scram-sha-256", username: "kafka-lab", password: "unused" };
const PLAIN: WireSasl = { ...SCRAM, mechanism: "plain" };

Deno.test("saslMechanisms writes the recorded SaslHandshake v1 request (PLAIN)", async () => {
  for (
    const name of ["sasl_handshake_v1_plaintext_listener", "sasl_handshake_v1_mechanism_refused"]
  ) {
    const rec = recording(name);
    const { requests } = await withFakeBroker(always(rec.response), (a) => saslMechanisms(a));
    assert.deepEqual(requests.map(hexOf), [hexOf(rec.request)], name);
  }
});

Deno.test("saslMechanisms reads SCRAM-SHA-256 from a SASL listener's recorded refusal of PLAIN", async () => {
  const rec = recording("sasl_handshake_v1_mechanism_refused");
  const { result } = await withFakeBroker(always(rec.response), (a) => saslMechanisms(a));
  assert.deepEqual(result, ["SCRAM-SHA-256"]);
});

Deno.test("saslMechanisms reads no login from a PLAINTEXT listener's recorded ILLEGAL_SASL_STATE", async () => {
  const rec = recording("sasl_handshake_v1_plaintext_listener");
  const body = new Reader(Buffer.from(rec.response.subarray(8)));
  assert.equal(body.int16(), 34, "the broker answered ILLEGAL_SASL_STATE");
  const { result, requests } = await withFakeBroker(always(rec.response), (a) => saslMechanisms(a));
  assert.equal(requests.length, 1);
  assert.equal(result, undefined);
});

Deno.test("a SCRAM login writes the recorded SaslHandshake v1 and goes on to SaslAuthenticate on success", async () => {
  const rec = recording("sasl_handshake_v1_scram");
  // The fake answers the handshake, then hangs up on the first SaslAuthenticate.
  const { error, requests } = await withFakeBroker(
    (_, n) => n === 0 ? rec.response : undefined,
    (a) => fetchMetadata([a], [], 1000, SCRAM),
  );
  assert.equal(hexOf(requests[0]), hexOf(rec.request));
  assert.equal(requests.length, 2);
  const next = new Reader(Buffer.from(requests[1].subarray(4)));
  assert.deepEqual([next.int16(), next.int16()], [36, 1], "SaslAuthenticate v1 follows");
  assertTyped(error, "a hang-up after the handshake");
});

Deno.test("a PLAIN login on the recorded SCRAM-only listener fails with WireAuthError 33 naming SCRAM-SHA-256", async () => {
  const rec = recording("sasl_handshake_v1_mechanism_refused");
  const { error, requests } = await withFakeBroker(
    always(rec.response),
    (a) => fetchMetadata([a], [], 1000, PLAIN),
  );
  assert.deepEqual(requests.map(hexOf), [hexOf(rec.request)], "one handshake, nothing after it");
  assert.ok(error instanceof WireAuthError, String(error));
  assert.equal(error.errorCode, 33);
  assert.match(error.message, /SCRAM-SHA-256/);
});

// ---------------------------------------------------------------- cut and damaged answers

/** Every recorded answer the client decodes, with the call that decodes it. */
const DECODERS: ReadonlyArray<[string, (address: string) => Promise<unknown>]> = [
  ["metadata_v5_topics", (a) => fetchMetadata([a], TWO_TOPICS, 1000)],
  ["metadata_v5_all_topics", (a) => fetchMetadata([a], undefined, 1000)],
  ["metadata_v5_no_topics", (a) => fetchMetadata([a], [], 1000)],
  ["metadata_v5_leaderless", (a) => fetchMetadata([a], TWO_TOPICS, 1000)],
  ["metadata_v5_unknown_topic", (a) => fetchMetadata([a], ["golden.missing"], 1000)],
  ["describe_quorum_v1", (a) => describeQuorum([a], 1000)],
  ["describe_quorum_v1_voter_behind", (a) => describeQuorum([a], 1000)],
  // A login reads the handshake (saslMechanisms would swallow the error into "no login").
  ["sasl_handshake_v1_plaintext_listener", (a) => fetchMetadata([a], [], 1000, PLAIN)],
  ["sasl_handshake_v1_mechanism_refused", (a) => fetchMetadata([a], [], 1000, PLAIN)],
  ["sasl_handshake_v1_scram", (a) => fetchMetadata([a], [], 1000, SCRAM)],
];

Deno.test("every recorded answer cut short at any byte fails with WireResponseError", async () => {
  for (const [name, call] of DECODERS) {
    const { response } = recording(name);
    // A well-framed body that stops early: every cut from the bare correlation id to one byte short.
    for (let keep = 4; keep < response.length - 4; keep++) {
      const cut = edited(response, (b) => b.subarray(0, keep));
      const { error, result } = await withFakeBroker(always(cut), call);
      assert.ok(
        error instanceof WireResponseError,
        `${name} cut to ${keep}: ${String(error ?? JSON.stringify(result))}`,
      );
    }
  }
});

Deno.test("a connection closed in the middle of an answer fails with WireResponseError", async () => {
  const { response } = recording("metadata_v5_topics");
  for (const keep of [0, 2, 4, 30, response.length - 1]) {
    const { error } = await withFakeBroker(
      always(response.subarray(0, keep)),
      (a) => fetchMetadata([a], TWO_TOPICS, 1000),
      { hangUpAfterReply: true },
    );
    assert.ok(error instanceof WireResponseError, `closed after ${keep} bytes: ${String(error)}`);
  }
});

Deno.test("an answer with bytes left over after it fails with WireResponseError", async () => {
  for (const [name, call] of DECODERS) {
    const { response } = recording(name);
    const longer = edited(response, (b) => new Uint8Array([...b, 0]));
    const { error } = await withFakeBroker(always(longer), call);
    assert.ok(error instanceof WireResponseError, `${name}: ${String(error)}`);
  }
});

Deno.test("an answer to another correlation id fails with WireResponseError", async () => {
  for (const [name, call] of DECODERS) {
    const { response } = recording(name);
    const other = edited(response, (b) => void new DataView(b.buffer).setInt32(0, 2));
    const { error } = await withFakeBroker(always(other), call);
    assert.ok(error instanceof WireResponseError, `${name}: ${String(error)}`);
  }
});

Deno.test("a frame size that is negative or past Kafka's limit fails with WireResponseError at once", async () => {
  const { response } = recording("metadata_v5_topics");
  for (const size of [-1, 0, 3, 0x7fffffff]) {
    const frame = response.slice();
    new DataView(frame.buffer).setInt32(0, size);
    const started = performance.now();
    const { error } = await withFakeBroker(
      always(frame),
      (a) => fetchMetadata([a], TWO_TOPICS, 1000),
    );
    assert.ok(error instanceof WireResponseError, `size ${size}: ${String(error)}`);
    assert.ok(performance.now() - started < 900, `size ${size} waited for the timeout`);
  }
});

Deno.test("array counts and string lengths that run past the answer fail with WireResponseError", async () => {
  const { response } = recording("metadata_v5_topics");
  // Body offsets: correlation id 0, throttle 4, broker count 8, first broker's id 12, its host's length 16.
  const cases: Array<[string, (v: DataView) => void]> = [
    ["broker count 2^31-1", (v) => v.setInt32(8, 0x7fffffff)],
    ["broker count 4", (v) => v.setInt32(8, 4)],
    ["host length 0x7fff", (v) => v.setInt16(16, 0x7fff)],
  ];
  for (const [label, edit] of cases) {
    const damaged = edited(response, (b) => void edit(new DataView(b.buffer)));
    const { error } = await withFakeBroker(
      always(damaged),
      (a) => fetchMetadata([a], TWO_TOPICS, 1000),
    );
    assert.ok(error instanceof WireResponseError, `${label}: ${String(error)}`);
  }
  const quorum = recording("describe_quorum_v1").response;
  // Body offset 7 is the topics' compact array length: a 5-byte varint of 2^33-2 items,
  // more than a JavaScript array can hold.
  const huge = edited(
    quorum,
    (b) => new Uint8Array([...b.subarray(0, 7), 0xff, 0xff, 0xff, 0xff, 0x1f, ...b.subarray(8)]),
  );
  const { error } = await withFakeBroker(always(huge), (a) => describeQuorum([a], 1000));
  assert.ok(error instanceof WireResponseError, `compact array of 2^33-2: ${String(error)}`);
});

Deno.test("any one damaged byte of a recorded answer decodes or fails with a typed error, never a RangeError", async () => {
  for (const [name, call] of DECODERS) {
    const { response } = recording(name);
    for (let at = 0; at < response.length - 4; at++) {
      for (const mask of [0xff, 0x80]) {
        const damaged = edited(response, (b) => void (b[at] ^= mask));
        const { error } = await withFakeBroker(always(damaged), call);
        if (error !== undefined) assertTyped(error, `${name}, byte ${at} ^ ${mask}`);
      }
    }
  }
});

// ---------------------------------------------------------------- primitives

Deno.test("Writer and Reader agree on multi-byte unsigned varints", () => {
  const bytes = new Writer().uvarint(0).uvarint(127).uvarint(128).uvarint(300).uvarint(2 ** 31)
    .bytes();
  assert.equal(bytes.toString("hex"), "007f8001ac028080808008");
  const r = new Reader(bytes);
  assert.deepEqual([r.uvarint(), r.uvarint(), r.uvarint(), r.uvarint(), r.uvarint()], [
    0,
    127,
    128,
    300,
    2 ** 31,
  ]);
  assert.throws(() => r.int8(), WireResponseError);
});

Deno.test("Reader refuses a varint longer than five bytes", () => {
  const r = new Reader(Buffer.from("ffffffffff01", "hex"));
  assert.throws(() => r.uvarint(), WireResponseError);
});
