/**
 * The wire client's partition reader (`lib/kafka/wire/fetcher.ts`) against a
 * loopback broker that answers Metadata with itself as the only broker and
 * ListOffsets and Fetch with the frames recorded from Kafka 4.1.1
 * (`fixtures/wire/README.md`, topic `golden.read`): what it hands on, where
 * it hands over, and that an error while printing is the caller's error.
 * @module
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { Reader, Writer } from "../../lib/kafka/wire/codec.ts";
import { readFetch } from "../../lib/kafka/wire/fetch.ts";
import { wireReader } from "../../lib/kafka/wire/fetcher.ts";
import { ReadHandOver } from "../../lib/kafka/port.ts";
import { FIXTURES, readFully } from "./wire_fixtures.ts";

const TOPIC = "golden.read";

/** The recorded response frame of fixture `name`, without its size and correlation id. */
function recordedBody(name: string): Uint8Array {
  let hex = "";
  let inResponse = false;
  for (const line of Deno.readTextFileSync(new URL(`${name}.hex`, FIXTURES)).split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    if (line === "request:" || line === "response:") inResponse = line === "response:";
    else if (inResponse) hex += line.trim();
  }
  return new Uint8Array(Buffer.from(hex, "hex")).subarray(8);
}

/** Metadata v5: this listener is broker 1 and leads golden.read-0. */
function metadataBody(port: number): Uint8Array {
  return new Writer().int32(0)
    .int32(1).int32(1).string("127.0.0.1").int32(port).int16(-1) // brokers (rack null)
    .string("test-cluster").int32(1)
    .int32(1).int16(0).string(TOPIC).int8(0) // topics
    .int32(1).int16(0).int32(0).int32(1) // partition 0, leader 1
    .int32(1).int32(1).int32(1).int32(1).int32(0) // replicas [1], isr [1], offline []
    .bytes();
}

/** In a Fetch answer body, the batch at offset 15 (the snappy one) marked as zstd. */
function snappyAsZstd(body: Uint8Array): Uint8Array {
  const copy = body.slice();
  const records = readFetch(new Reader(Buffer.from(copy.buffer)), TOPIC).partitions[0].records;
  const view = new DataView(copy.buffer);
  for (let at = records.byteOffset; at < records.byteOffset + records.length;) {
    if (Number(view.getBigInt64(at)) === 15) copy[at + 22] = (copy[at + 22] & ~7) | 4;
    at += 12 + view.getInt32(at + 8);
  }
  return copy;
}

/** A loopback broker answering each request by its API key (and, for ListOffsets, its timestamp). */
function fakeBroker(
  fetchAnswer: string,
  patch: (body: Uint8Array) => Uint8Array = (b) => b,
): { address: string; close: () => void } {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  const serve = async (conn: Deno.Conn) => {
    for (;;) {
      const size = await readFully(conn, 4);
      const frame = size && await readFully(conn, new DataView(size.buffer).getInt32(0));
      if (!frame) return;
      const view = new DataView(frame.buffer);
      const key = view.getInt16(0);
      const body = key === 3 ? metadataBody(port) : key === 2
        ? recordedBody(
          view.getInt8(frame.length - 1) === -2
            ? "list_offsets_v2_earliest"
            : "list_offsets_v2_latest",
        )
        : patch(recordedBody(fetchAnswer));
      const answer = new Writer().int32(body.length + 4).int32(view.getInt32(4)).bytes();
      await conn.write(Buffer.concat([answer, body]));
    }
  };
  (async () => {
    for await (const conn of listener) serve(conn).catch(() => {}).finally(() => conn.close());
  })().catch(() => {});
  return { address: `127.0.0.1:${port}`, close: () => listener.close() };
}

Deno.test("the wire reader plans from ListOffsets, hands on a fetch's records, and hands over at a batch it does not read (zstd)", async () => {
  const broker = fakeBroker("fetch_v11_from_0", snappyAsZstd);
  const reader = wireReader([broker.address]);
  try {
    assert.deepEqual(await reader.partitions(TOPIC), [0]);
    assert.deepEqual(await reader.fetchTopicOffsets(TOPIC), [
      { partition: 0, offset: "21", high: "21", low: "0" },
    ]);
    const seen: string[] = [];
    let covered = -1n;
    const reading = reader.read({
      topic: TOPIC,
      positions: new Map([[0, 0n]]),
      ends: new Map([[0, 21n]]),
      partitionMaxBytes: 1024 * 1024,
      signal: new AbortController().signal,
      onRecords: (_p, records, next) => {
        seen.push(...records.map((r) => r.offset));
        covered = next;
        return false;
      },
    });
    await assert.rejects(reading, (err) => {
      assert.ok(err instanceof ReadHandOver);
      assert.match(err.message, /zstd in the batch at offset 15/);
      return true;
    });
    assert.deepEqual(seen, ["0", "1", "2", "3", "4", "5", "6", "7", "8", "13", "14"]);
    assert.equal(covered, 15n, "a consumer takes over at the zstd batch");
  } finally {
    reader.close();
    broker.close();
  }
});

Deno.test("the wire reader: an error while printing is thrown as it is, never a hand-over", async () => {
  const broker = fakeBroker("fetch_v11_from_0");
  const reader = wireReader([broker.address]);
  const printing = new Error("stdout closed");
  try {
    await assert.rejects(
      reader.read({
        topic: TOPIC,
        positions: new Map([[0, 0n]]),
        partitionMaxBytes: 1024 * 1024,
        signal: new AbortController().signal,
        onRecords: () => {
          throw printing;
        },
      }),
      (err) => err === printing,
    );
  } finally {
    reader.close();
    broker.close();
  }
});

Deno.test("the wire reader hands over on a partition's error code in a Fetch answer", async () => {
  const broker = fakeBroker("fetch_v11_unknown_partition");
  const reader = wireReader([broker.address]);
  try {
    await assert.rejects(
      reader.read({
        topic: TOPIC,
        positions: new Map([[0, 21n]]),
        partitionMaxBytes: 1024 * 1024,
        signal: new AbortController().signal,
        onRecords: () => false,
      }),
      (err) => err instanceof ReadHandOver && /golden\.read-7: error 3/.test(err.message),
    );
  } finally {
    reader.close();
    broker.close();
  }
});

Deno.test("the wire reader reads a whole partition to its end, the snappy batch included, and resolves", async () => {
  const broker = fakeBroker("fetch_v11_from_0");
  const reader = wireReader([broker.address]);
  try {
    const seen: string[] = [];
    await reader.read({
      topic: TOPIC,
      positions: new Map([[0, 0n]]),
      ends: new Map([[0, 21n]]),
      partitionMaxBytes: 1024 * 1024,
      signal: new AbortController().signal,
      onRecords: (_p, records) => {
        seen.push(...records.map((r) => r.offset));
        return false;
      },
    });
    assert.deepEqual(seen.slice(9), ["13", "14", "15", "16", "17", "18", "19", "20"]);
  } finally {
    reader.close();
    broker.close();
  }
});
