/**
 * Golden-byte tests of the fetch path of the wire client (`read` without
 * kafkajs: `lib/kafka/wire/fetch.ts`, `record_batches.ts`, `connection.ts`):
 * each Fetch v11 and ListOffsets v2 request is compared byte for byte with
 * the frame it wrote to a real Kafka 4.1.1 broker, and the broker's recorded
 * answer is decoded into the records a read-committed reader shows
 * (`fixtures/wire/README.md`, topic `golden.read`: plain records with
 * headers, a null key, a null value, a gzip batch, a committed and an
 * aborted transaction, a record after them, then a snappy batch).
 *
 * A loopback listener plays the broker: it keeps the request frame it reads
 * and answers with the recorded one.
 * @module
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { WireConnection } from "../../lib/kafka/wire/connection.ts";
import {
  EARLIEST,
  FETCH_V11,
  fetchRequest,
  LATEST,
  LIST_OFFSETS_V2,
  listOffsetsRequest,
  readFetch,
  readListOffsets,
} from "../../lib/kafka/wire/fetch.ts";
import { decodeRecordSet, nextOffsetOf, prepareFor } from "../../lib/kafka/wire/record_batches.ts";
import { SnappyError, unsnappy } from "../../lib/kafka/wire/snappy.ts";
import { Lz4Error, unlz4 } from "../../lib/kafka/wire/lz4.ts";
import type { WireApi } from "../../lib/kafka/wire/client.ts";
import type { Reader } from "../../lib/kafka/wire/codec.ts";
import type { ConsumedRecord } from "../../lib/kafka/records.ts";
import { readFully, recording } from "./wire_fixtures.ts";

const TOPIC = "golden.read";
const LIMITS = { maxWaitMs: 500, minBytes: 1, maxBytes: 64 * 1024 * 1024 };
const MiB = 1024 * 1024;

/**
 * Sends `body` as `api` on a new connection to a listener that answers with
 * `name`'s recorded response; returns the frame the listener read and the answer.
 */
async function replay(
  name: string,
  api: WireApi,
  body: Uint8Array,
): Promise<{ seen: string; expected: string; answer: Reader }> {
  const rec = recording(name);
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  let seen = "";
  const serving = (async () => {
    const conn = await listener.accept();
    const size = await readFully(conn, 4);
    const rest = size && await readFully(conn, new DataView(size.buffer).getInt32(0));
    if (size && rest) seen = Buffer.concat([size, rest]).toString("hex");
    await conn.write(rec.response);
    return conn;
  })();
  const conn = await WireConnection.open(`127.0.0.1:${(listener.addr as Deno.NetAddr).port}`, 5000);
  try {
    const answer = await conn.request(api, body, 5000);
    return { seen, expected: rec.request, answer };
  } finally {
    conn.close();
    (await serving).close();
    listener.close();
  }
}

const text = (b: Uint8Array | null) => b === null ? null : new TextDecoder().decode(b);
const shown = (records: ConsumedRecord[]) =>
  records.map((r) => [r.offset, text(r.key), text(r.value), r.timestamp, r.headers]);

/** What a read-committed reader of golden.read shows, offset by offset (kcat -C -e agrees). */
const GOLDEN = [
  ["0", "k1", "plain one", "1796439515989", { h1: "v1", h2: "v2" }],
  ["1", "k2", '{"n":2}', "1796439515989", { h1: "v1", h2: "v2" }],
  ["2", null, "null key", "1796439516002", {}],
  ["3", "nullvalue", null, "1796439516002", {}],
  ["4", "g1", "gzip one", "1796439516013", { enc: "gzip" }],
  ["5", "g2", "gzip two", "1796439516013", { enc: "gzip" }],
  ["6", "g3", "gzip three", "1796439516013", { enc: "gzip" }],
  ["7", "tx-committed-0", "committed 0", "1796439517105", {}],
  ["8", "tx-committed-1", "committed 1", "1796439517105", {}],
  // 9: the commit marker; 10-11: the aborted transaction; 12: its abort marker
  ["13", "after", "after the transactions", "1796439517181", {}],
  ["14", "s1", "snappy one", "1796439519777", {}], // too small to compress: written plain
  // 15-20: one snappy batch (librdkafka's raw block)
  ...[1, 2, 3, 4, 5, 6].map((i) => [
    String(14 + i),
    `s${i}`,
    `${"snappy ".repeat(7)}${i}`,
    "1796439527468",
    {},
  ]),
];

Deno.test("ListOffsets v2: earliest, latest and by time are the bytes Kafka 4.1.1 was sent, and read back", async () => {
  for (
    const [name, timestamp, offset] of [
      ["list_offsets_v2_earliest", EARLIEST, 0],
      ["list_offsets_v2_latest", LATEST, 21],
      ["list_offsets_v2_time", 1796439516013, 4],
    ] as const
  ) {
    const body = listOffsetsRequest(TOPIC, [0], timestamp);
    const { seen, expected, answer } = await replay(name, LIST_OFFSETS_V2, body);
    assert.equal(seen, expected, name);
    assert.deepEqual(readListOffsets(answer), [{ partition: 0, errorCode: 0, offset }], name);
  }
});

Deno.test("Fetch v11 from offset 0 is the frame Kafka 4.1.1 was sent; its answer decodes into what a read-committed reader shows", async () => {
  const body = fetchRequest(TOPIC, [{ partition: 0, offset: 0 }], {
    ...LIMITS,
    partitionMaxBytes: MiB,
  });
  const { seen, expected, answer } = await replay("fetch_v11_from_0", FETCH_V11, body);
  assert.equal(seen, expected);
  const fetched = readFetch(answer, TOPIC);
  assert.equal(fetched.errorCode, 0);
  const [p] = fetched.partitions;
  await prepareFor(p.records);
  assert.deepEqual(
    [p.partition, p.errorCode, p.highWatermark, p.lastStableOffset, p.aborted],
    [0, 0, 21, 21, [{ producerId: 1000, firstOffset: 10 }]],
  );
  const out: ConsumedRecord[] = [];
  const set = decodeRecordSet(p.records, {
    topic: TOPIC,
    partition: 0,
    from: 0,
    aborted: p.aborted,
  }, out);
  assert.deepEqual(shown(out), GOLDEN);
  assert.ok(out.every((r) => r.topic === TOPIC && r.partition === 0));
  assert.deepEqual(set, { next: 21 });
  // The next fetch's offset comes from the batch headers alone.
  assert.equal(nextOffsetOf(p.records, 0), 21);
});

/** Partition 0 of the recorded Fetch from offset 0, its records ready to decode. */
async function fetchedFrom0() {
  const { answer } = await replay(
    "fetch_v11_from_0",
    FETCH_V11,
    fetchRequest(TOPIC, [{ partition: 0, offset: 0 }], { ...LIMITS, partitionMaxBytes: MiB }),
  );
  const [p] = readFetch(answer, TOPIC).partitions;
  await prepareFor(p.records);
  return p;
}

Deno.test("the aborted-transaction list is what hides the aborted records; control batches are never records", async () => {
  const p = await fetchedFrom0();
  const out: ConsumedRecord[] = [];
  decodeRecordSet(p.records, { topic: TOPIC, partition: 0, from: 0, aborted: [] }, out);
  assert.deepEqual(
    shown(out).map((r) => r[0]),
    ["0", "1", "2", "3", "4", "5", "6", "7", "8", "10", "11", "13", "14", "15", "16", "17"]
      .concat(["18", "19", "20"]),
  );
  assert.deepEqual(text(out[9].value), "aborted 0");
});

Deno.test("Fetch v11 from offset 5: the gzip batch comes whole and its records before 5 are not handed on", async () => {
  const body = fetchRequest(TOPIC, [{ partition: 0, offset: 5 }], {
    ...LIMITS,
    partitionMaxBytes: MiB,
  });
  const { seen, expected, answer } = await replay("fetch_v11_from_5", FETCH_V11, body);
  assert.equal(seen, expected);
  const [p] = readFetch(answer, TOPIC).partitions;
  await prepareFor(p.records);
  const out: ConsumedRecord[] = [];
  decodeRecordSet(p.records, { topic: TOPIC, partition: 0, from: 5, aborted: p.aborted }, out);
  assert.deepEqual(shown(out), GOLDEN.slice(5));
});

Deno.test("Fetch v11 of a partition the topic does not have: its error code, the other partition empty at its end", async () => {
  const body = fetchRequest(TOPIC, [{ partition: 0, offset: 21 }, { partition: 7, offset: 0 }], {
    ...LIMITS,
    maxWaitMs: 0,
    partitionMaxBytes: MiB,
  });
  const { seen, expected, answer } = await replay("fetch_v11_unknown_partition", FETCH_V11, body);
  assert.equal(seen, expected);
  const parts = readFetch(answer, TOPIC).partitions;
  assert.deepEqual(parts.map((p) => [p.partition, p.errorCode, p.records.length]), [[0, 0, 0], [
    7,
    3,
    0,
  ]]);
});

Deno.test("a record set cut by the answer's size limit: the whole batches are read, the cut one is fetched again", async () => {
  const p = await fetchedFrom0();
  // The first batch (offsets 0-1) whole, the second (2-3) cut short.
  const firstEnd = 12 + new DataView(p.records.buffer, p.records.byteOffset).getInt32(8);
  const cut = p.records.subarray(0, firstEnd + 20);
  const out: ConsumedRecord[] = [];
  assert.deepEqual(
    decodeRecordSet(cut, { topic: TOPIC, partition: 0, from: 0, aborted: [] }, out),
    {
      next: 2,
    },
  );
  assert.deepEqual(shown(out), GOLDEN.slice(0, 2));
  assert.equal(nextOffsetOf(cut, 0), 2);
});

Deno.test("a damaged record is said, not read past; a batch of another magic is not read", async () => {
  const p = await fetchedFrom0();
  const damaged = p.records.slice();
  damaged[61] = 0x7e; // the first record's length, far past its batch
  const out: ConsumedRecord[] = [];
  const set = decodeRecordSet(damaged, { topic: TOPIC, partition: 0, from: 0, aborted: [] }, out);
  assert.deepEqual([set.next, set.unreadable, out.length], [
    0,
    "a damaged record in the batch at offset 0",
    0,
  ]);
  const oldMagic = p.records.slice();
  oldMagic[16] = 1;
  assert.deepEqual(
    decodeRecordSet(oldMagic, { topic: TOPIC, partition: 0, from: 0, aborted: [] }, []),
    { next: 0, unreadable: "a batch of magic 1 at offset 0" },
  );
});

/** The batch at `base` in `set` (its first byte), and its byte length. */
function batchAt(set: Uint8Array, base: number): { at: number; length: number } {
  const view = new DataView(set.buffer, set.byteOffset, set.byteLength);
  for (let at = 0; at < set.length; at += 12 + view.getInt32(at + 8)) {
    if (Number(view.getBigInt64(at)) === base) return { at, length: 12 + view.getInt32(at + 8) };
  }
  throw new Error(`no batch at ${base}`);
}

Deno.test("a batch of a codec not read here (zstd) is said, with the records before it handed on", async () => {
  const p = await fetchedFrom0();
  const zstd = p.records.slice();
  zstd[batchAt(zstd, 15).at + 22] = (zstd[batchAt(zstd, 15).at + 22] & ~7) | 4;
  const out: ConsumedRecord[] = [];
  const set = decodeRecordSet(
    zstd,
    { topic: TOPIC, partition: 0, from: 0, aborted: p.aborted },
    out,
  );
  assert.deepEqual(set, {
    next: 15,
    unreadable: "records compressed with zstd in the batch at offset 15",
  });
  assert.deepEqual(shown(out), GOLDEN.slice(0, 11));
});

Deno.test("unsnappy reads librdkafka's raw block and the Java client's xerial framing alike; damage throws", async () => {
  const { answer } = await replay(
    "fetch_v11_from_0",
    FETCH_V11,
    fetchRequest(TOPIC, [{ partition: 0, offset: 0 }], { ...LIMITS, partitionMaxBytes: MiB }),
  );
  const [p] = readFetch(answer, TOPIC).partitions;
  const { at, length } = batchAt(p.records, 15);
  const raw = p.records.subarray(at + 61, at + length);
  const plain = unsnappy(raw);
  assert.equal(plain.length, 354); // the block's own preamble
  const framed = new Uint8Array(16 + 4 + raw.length);
  framed.set([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1]);
  new DataView(framed.buffer).setInt32(16, raw.length);
  framed.set(raw, 20);
  assert.deepEqual(unsnappy(framed), plain);
  assert.throws(() => unsnappy(raw.subarray(0, raw.length - 3)), SnappyError);
  assert.throws(() => unsnappy(framed.subarray(0, framed.length - 1)), SnappyError);
});

Deno.test("Fetch v11 of an lz4 batch (kcat -z lz4, an LZ4 frame) decodes into its records; damage is said", async () => {
  const body = fetchRequest("golden.lz4", [{ partition: 0, offset: 0 }], {
    ...LIMITS,
    partitionMaxBytes: MiB,
  });
  const { seen, expected, answer } = await replay("fetch_v11_lz4", FETCH_V11, body);
  assert.equal(seen, expected);
  const [p] = readFetch(answer, "golden.lz4").partitions;
  const out: ConsumedRecord[] = [];
  const place = { topic: "golden.lz4", partition: 0, from: 0, aborted: [] };
  assert.deepEqual(decodeRecordSet(p.records, place, out), { next: 3 });
  assert.deepEqual(
    out.map((r) => [r.offset, text(r.key), text(r.value), r.headers]),
    ["one", "two", "three"].map((n, i) => [
      String(i),
      `l${i + 1}`,
      `${"lz4 ".repeat(8)}${n}`,
      { codec: "lz4" },
    ]),
  );
  const { at, length } = batchAt(p.records, 0);
  const frame = p.records.subarray(at + 61, at + length);
  assert.throws(() => unlz4(frame.subarray(0, frame.length - 9)), Lz4Error);
  assert.throws(() => unlz4(frame.subarray(4)), Lz4Error);
});
