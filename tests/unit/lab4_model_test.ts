/**
 * Lab 4's pure parts: the MessageModel bytes, every way bytes can fail to be
 * a model, random messages from an injected source, the figures of the
 * comparison, and the parsing of `lab4 consume`'s options.
 */
import assert from "node:assert/strict";
import { parseOptions } from "../../lib/cli/args.ts";
import { UsageError } from "../../lib/errors.ts";
import { fill, pick, placeholders } from "../../lib/i18n.ts";
import { lab4 } from "../../labs/lab4_batch/mod.ts";
import { CONSUME_OPTIONS, DEFAULT_BATCH_SIZE } from "../../labs/lab4_batch/options.ts";
import { consumerSettings } from "../../labs/lab4_batch/consume.ts";
import {
  compareFigures,
  formatNumber,
  offsetSpan,
  perSecond,
  producerSequence,
  ratio,
} from "../../labs/lab4_batch/figures.ts";
import {
  deserialize,
  InvalidMessageError,
  type InvalidReason,
  randomMessage,
  randomUuid,
  reasonText,
  serialize,
} from "../../labs/lab4_batch/model.ts";
import { LAB4_TEXT } from "../../labs/lab4_batch/text.ts";

const encode = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

/** A deterministic random source (a small linear congruential generator). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function errorOf(bytes: Uint8Array | null): InvalidMessageError {
  try {
    deserialize(bytes);
  } catch (err) {
    assert.ok(err instanceof InvalidMessageError, `an InvalidMessageError, not ${err}`);
    return err;
  }
  assert.fail("deserialize accepted invalid bytes");
}

function reasonOf(bytes: Uint8Array | null): InvalidReason {
  return errorOf(bytes).reason;
}

Deno.test("serialize writes the seed's JSON bytes, message_id first", () => {
  const bytes = serialize({
    message_id: "6f1c0e3a-1b2c-4d5e-8f90-123456789abc",
    content: "Test message 2886",
  });
  assert.equal(
    decode(bytes),
    '{"message_id":"6f1c0e3a-1b2c-4d5e-8f90-123456789abc","content":"Test message 2886"}',
  );
});

Deno.test("deserialize reads back what serialize wrote, including non-ASCII text", () => {
  const model = { message_id: "id-1", content: "Привет, Kafka ✓" };
  assert.deepEqual(deserialize(serialize(model)), model);
});

Deno.test("deserialize keeps only message_id and content, ignoring other fields", () => {
  const bytes = encode('{"content":"c","extra":1,"message_id":"m"}');
  assert.deepEqual(deserialize(bytes), { message_id: "m", content: "c" });
});

Deno.test("deserialize names the reason for each kind of invalid bytes", () => {
  const cases: Array<[Uint8Array | null, InvalidReason]> = [
    [null, "empty"],
    [new Uint8Array(), "empty"],
    [new Uint8Array([0xff, 0xfe, 0x7b]), "not-utf8"],
    [encode("Test message 1"), "not-json"],
    [encode('{"message_id":"m",'), "not-json"],
    [encode("[1,2]"), "not-object"],
    [encode("null"), "not-object"],
    [encode('"text"'), "not-object"],
    [encode('{"content":"c"}'), "message-id-missing"],
    [encode('{"message_id":42,"content":"c"}'), "message-id-invalid"],
    [encode('{"message_id":"","content":"c"}'), "message-id-invalid"],
    [encode('{"message_id":null,"content":"c"}'), "message-id-invalid"],
    [encode('{"message_id":"m"}'), "content-missing"],
    [encode('{"message_id":"m","content":7}'), "content-invalid"],
    [encode('{"message_id":"m","content":null}'), "content-invalid"],
  ];
  for (const [bytes, reason] of cases) {
    assert.equal(reasonOf(bytes), reason, `${bytes === null ? "null" : decode(bytes)}`);
  }
});

Deno.test("deserialize errors show the offending value and stay short", () => {
  const nested = errorOf(encode('{"message_id":"m","content":{"a":1}}'));
  assert.equal(nested.found, '{"a":1}');
  assert.match(nested.message, /content is not a string: \{"a":1\}/);
  const long = errorOf(encode(`[${"1,".repeat(50)}1]`));
  assert.equal(long.reason, "not-object");
  assert.ok(long.found!.length <= 40, long.found!);
  assert.ok(long.found!.endsWith("…"));
  assert.equal(errorOf(encode('{"content":"c"}')).found, undefined);
});

Deno.test("serialize refuses a model with an empty message_id", () => {
  assert.throws(
    () => serialize({ message_id: "", content: "c" }),
    (e: unknown) => e instanceof InvalidMessageError && e.reason === "message-id-invalid",
  );
});

Deno.test("randomMessage is deterministic for a seeded source and has a v4 UUID", () => {
  const a = randomMessage(seeded(7));
  const b = randomMessage(seeded(7));
  assert.deepEqual(a, b);
  assert.notDeepEqual(randomMessage(seeded(8)), a);
  assert.match(
    a.message_id,
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  assert.match(a.content, /^Test message ([1-9]\d{0,3})$/);
});

Deno.test("randomMessage content stays within 1..9999 at the edges of the source", () => {
  assert.equal(randomMessage(() => 0).content, "Test message 1");
  assert.equal(randomMessage(() => 0.9999999999).content, "Test message 9999");
  assert.match(randomUuid(() => 0), /^00000000-0000-4000-8000-000000000000$/);
});

Deno.test("randomMessage without a source gives distinct ids", () => {
  const ids = new Set(Array.from({ length: 1000 }, () => randomMessage().message_id));
  assert.equal(ids.size, 1000);
});

Deno.test("offsetSpan gives first, last and the next offset to commit, beyond 2^53", () => {
  assert.deepEqual(
    offsetSpan([{ partition: 2, offset: "10" }, { partition: 2, offset: "11" }, {
      partition: 2,
      offset: "19",
    }]),
    { partition: 2, first: "10", last: "19", next: "20" },
  );
  assert.equal(offsetSpan([{ partition: 0, offset: "9007199254740993" }]).next, "9007199254740994");
  assert.throws(() => offsetSpan([]), RangeError);
  assert.throws(
    () => offsetSpan([{ partition: 0, offset: "1" }, { partition: 1, offset: "2" }]),
    /one partition/,
  );
});

Deno.test("compareFigures divides commits and speeds, and has no ratio without a denominator", () => {
  const batch = { records: 200, commits: 20, activeMs: 500 };
  const single = { records: 200, commits: 200, activeMs: 2000 };
  assert.deepEqual(compareFigures(batch, single), {
    commitsSingleToBatch: 10,
    speedBatchToSingle: 4,
  });
  assert.deepEqual(compareFigures({ ...batch, commits: 0, activeMs: 0 }, single), {
    commitsSingleToBatch: undefined,
    speedBatchToSingle: undefined,
  });
  assert.equal(perSecond(100, 0), undefined);
  assert.equal(perSecond(100, 500), 200);
  assert.equal(ratio(1, 0), undefined);
  assert.equal(formatNumber(undefined), "-");
  assert.equal(formatNumber(3.14159), "3.14");
  assert.equal(formatNumber(851.06), "851.1");
});

Deno.test("producerSequence lists producers in offset order", () => {
  assert.equal(
    producerSequence([
      { producer: 2, offset: "11" },
      { producer: 1, offset: "10" },
      { producer: 1, offset: "12" },
    ]),
    "1 2 1",
  );
});

Deno.test("lab4 consume options default to batch mode, batch-group and batches of 10", () => {
  const t = pick(LAB4_TEXT, "en");
  const s = consumerSettings(parseOptions([], CONSUME_OPTIONS), t);
  assert.equal(s.mode, "batch");
  assert.equal(s.group, "batch-group");
  assert.equal(s.batchSize, DEFAULT_BATCH_SIZE);
  assert.equal(s.batchSize, 10);
  assert.equal(s.topic, "final-1-topic");
  assert.equal(s.processMs, 0);
  assert.equal(s.maxMessages, undefined);
  assert.equal(s.idleTimeoutMs, undefined);
});

Deno.test("lab4 consume options pick single-group for --mode single and let --group override", () => {
  const t = pick(LAB4_TEXT, "en");
  const single = consumerSettings(
    parseOptions(["--mode", "single", "--idle-timeout", "2.5", "-m", "7"], CONSUME_OPTIONS),
    t,
  );
  assert.equal(single.group, "single-group");
  assert.equal(single.idleTimeoutMs, 2500);
  assert.equal(single.maxMessages, 7);
  const custom = consumerSettings(
    parseOptions(["--mode", "single", "-g", "mine", "--process-ms", "40"], CONSUME_OPTIONS),
    t,
  );
  assert.equal(custom.group, "mine");
  assert.equal(custom.processMs, 40);
});

Deno.test("lab4 consume options refuse bad values with a UsageError", () => {
  const t = pick(LAB4_TEXT, "en");
  const parse = (argv: string[]) => consumerSettings(parseOptions(argv, CONSUME_OPTIONS), t);
  assert.throws(() => parse(["--mode", "bulk"]), /--mode must be one of batch, single/);
  assert.throws(() => parse(["--batch-size", "0"]), /--batch-size must be at least 1/);
  assert.throws(() => parse(["--process-ms", "-5"]), UsageError);
  assert.throws(() => parse(["--process-ms", "1.5"]), /whole number/);
  assert.throws(
    () => parse(["--mode", "single", "--batch-size", "5"]),
    (e: unknown) => e instanceof UsageError && /--mode batch only/.test(e.message),
  );
});

Deno.test("lab4 produce, compare and the guided run have the documented defaults and ranges", () => {
  const sub = (name: string) => lab4.subcommands!.find((c) => c.name === name)!;
  assert.equal(parseOptions([], sub("produce").options!).values.count, 10);
  assert.equal(parseOptions([], sub("produce").options!).values.interval, 1.5);
  assert.equal(parseOptions(["--count", "0"], sub("produce").options!).values.count, 0);
  assert.throws(() => parseOptions(["--instances", "5"], sub("produce").options!), /at most 4/);
  assert.equal(parseOptions([], sub("compare").options!).values.count, 200);
  assert.throws(() => parseOptions(["--count", "0"], sub("compare").options!), /at least 1/);
  assert.throws(() => parseOptions(["--count", "0"], lab4.options!), /at least 1/);
  assert.equal(parseOptions([], lab4.options!).values.count, 5);
});

Deno.test("lab4 texts have the same placeholders in English and Russian", () => {
  const { en, ru } = LAB4_TEXT;
  for (const key of Object.keys(en) as Array<keyof typeof en>) {
    const e = en[key];
    const r = ru[key];
    if (typeof e === "string") {
      assert.deepEqual(placeholders(r as string), placeholders(e), `ru.${key}`);
    } else {
      assert.equal((r as readonly string[]).length, e.length, `ru.${key} has as many entries`);
    }
  }
  assert.ok(en.questions.length >= 6);
});

Deno.test("lab4 reasonText puts the offending value into the user's language", () => {
  const err = new InvalidMessageError("content-invalid", "content is not a string", "7");
  assert.equal(reasonText(pick(LAB4_TEXT, "en"), err), "content is not a string: 7");
  assert.equal(reasonText(pick(LAB4_TEXT, "ru"), err), "content не является строкой: 7");
  assert.equal(
    fill(pick(LAB4_TEXT, "ru").reasonEmpty),
    "у записи нет значения",
  );
});
