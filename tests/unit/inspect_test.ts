/** The pure parts of groups, read, write, kafka tools and completions (no broker). */
import assert from "node:assert/strict";
import { COMMANDS } from "../../cli.ts";
import { KAFKA_TOOLS } from "../../commands/kafka/list.ts";
import { UsageError } from "../../lib/errors.ts";
import { placeholders } from "../../lib/i18n.ts";
import { commandNodes, completionScript } from "../../commands/completions/completions.ts";
import { decodeBytes, escapeControls, FORMATS, showDecoded } from "../../lib/inspect/decode.ts";
import { parsePosition, resolveOffset } from "../../lib/inspect/position.ts";
import { parsePartitions, recordLine } from "../../commands/read/read.ts";
import { showRecord } from "../../lib/inspect/show.ts";
import { pick } from "../../lib/i18n.ts";
import { INSPECT_TEXT } from "../../lib/inspect/text.ts";
import { withBootstrap } from "../../commands/kafka/tools.ts";
import { takeLines } from "../../commands/write/write.ts";
import { parseHeaders, splitKey } from "../../commands/write/writer.ts";
import { UI_TEXT } from "../../commands/ui/text.ts";

const bytes = (s: string) => new TextEncoder().encode(s);
const wire = (id: number, json: string) => {
  const b = new Uint8Array(5 + bytes(json).length);
  b[0] = 0;
  new DataView(b.buffer).setInt32(1, id);
  b.set(bytes(json), 5);
  return b;
};

Deno.test("parsePosition reads earliest/beginning, latest/end, offset:N, offset:-N and time:ISO", () => {
  assert.deepEqual(parsePosition("beginning", "from"), { kind: "earliest" });
  assert.deepEqual(parsePosition("EARLIEST", "to"), { kind: "earliest" });
  assert.deepEqual(parsePosition("end", "from"), { kind: "latest" });
  assert.deepEqual(parsePosition("offset:12", "to"), { kind: "offset", offset: 12n });
  assert.deepEqual(parsePosition("offset:-3", "from"), { kind: "offset", offset: -3n });
  const p = parsePosition("time:2026-11-23T09:00:00Z", "to");
  assert.deepEqual(p, {
    kind: "time",
    ms: Date.UTC(2026, 10, 23, 9),
    iso: "2026-11-23T09:00:00.000Z",
  });
});

Deno.test("parsePosition refuses other words, bad offsets and bad times with a usage error", () => {
  for (const raw of ["first", "offset:x", "offset:", "time:yesterday", "time:"]) {
    assert.throws(() => parsePosition(raw, "to"), UsageError, raw);
  }
});

Deno.test("resolveOffset keeps positions inside the partition and counts offset:-N from the end", () => {
  const marks = { low: "10", high: "25" };
  assert.equal(resolveOffset({ kind: "earliest" }, marks), "10");
  assert.equal(resolveOffset({ kind: "latest" }, marks), "25");
  assert.equal(resolveOffset({ kind: "offset", offset: 12n }, marks), "12");
  assert.equal(resolveOffset({ kind: "offset", offset: 3n }, marks), "10");
  assert.equal(resolveOffset({ kind: "offset", offset: 99n }, marks), "25");
  assert.equal(resolveOffset({ kind: "offset", offset: -5n }, marks), "20");
  assert.equal(resolveOffset({ kind: "offset", offset: -50n }, marks), "10");
  const time = { kind: "time", ms: 0, iso: "" } as const;
  assert.equal(resolveOffset(time, marks, "17"), "17");
  assert.equal(resolveOffset(time, marks), "25", "no record after the time: the end");
});

Deno.test("decodeBytes in auto mode tells the registry wire format, JSON, text and binary apart", () => {
  assert.deepEqual(decodeBytes(wire(7, '{"id":1}'), "auto"), {
    format: "registry",
    schemaId: 7,
    value: { id: 1 },
  });
  assert.deepEqual(decodeBytes(bytes('{"a":[1,2]}'), "auto"), {
    format: "json",
    value: { a: [1, 2] },
  });
  assert.deepEqual(decodeBytes(bytes("Hello Kafka 1"), "auto"), {
    format: "text",
    value: "Hello Kafka 1",
  });
  assert.deepEqual(decodeBytes(bytes("42"), "auto"), { format: "text", value: "42" });
  assert.deepEqual(decodeBytes(new Uint8Array([1, 2, 255]), "auto"), {
    format: "hex",
    value: "0102ff",
  });
  assert.deepEqual(decodeBytes(null, "auto"), { format: "null", value: null });
});

Deno.test("decodeBytes with a forced format says why the bytes do not fit and shows hex", () => {
  const text = decodeBytes(bytes("plain"), "registry");
  assert.equal(text.format, "hex");
  assert.match(text.problem!, /wire format/);
  assert.equal(decodeBytes(bytes("{oops"), "json").problem, "not JSON");
  assert.deepEqual(decodeBytes(bytes('{"a":1}'), "text"), { format: "text", value: '{"a":1}' });
  assert.deepEqual(decodeBytes(bytes("AB"), "hex"), { format: "hex", value: "4142" });
  assert.equal(showDecoded(decodeBytes(wire(3, "[1]"), "auto")), "[schema 3] [1]");
});

Deno.test("write's helpers: key=value headers, kcat -K key splitting, complete lines only", () => {
  assert.deepEqual(parseHeaders(["trace-id=42", "expr=a=b"]), { "trace-id": "42", expr: "a=b" });
  assert.throws(() => parseHeaders(["novalue"]), UsageError);
  assert.throws(() => parseHeaders(["=x"]), UsageError);
  assert.deepEqual(splitKey('user-1:{"x":1}', ":"), { key: "user-1", value: '{"x":1}' });
  assert.deepEqual(splitKey("no separator", ":"), { value: "no separator" });
  assert.deepEqual(splitKey("a:b", undefined), { value: "a:b" });
  assert.deepEqual(takeLines("a\r\nb\nc"), { lines: ["a", "b"], rest: "c" });
  assert.deepEqual(parsePartitions(["0", "2,3"]), [0, 2, 3]);
  assert.throws(() => parsePartitions(["x"]), UsageError);
});

Deno.test("kafka tools get --bootstrap-server only when the user gave no address", () => {
  const topics = KAFKA_TOOLS.find((t) => t.name === "kafka-topics")!;
  const brokers = ["localhost:19092", "localhost:19093"];
  assert.deepEqual(withBootstrap(topics, ["--list"], brokers), [
    "--bootstrap-server",
    "localhost:19092,localhost:19093",
    "--list",
  ]);
  assert.deepEqual(withBootstrap(topics, ["--bootstrap-server", "x:1", "--list"], brokers), [
    "--bootstrap-server",
    "x:1",
    "--list",
  ]);
  assert.deepEqual(withBootstrap(topics, ["--help"], brokers), ["--help"]);
  const quorum = KAFKA_TOOLS.find((t) => t.name === "kafka-metadata-quorum")!;
  assert.deepEqual(withBootstrap(quorum, ["--bootstrap-controller", "c:1", "describe"], brokers), [
    "--bootstrap-controller",
    "c:1",
    "describe",
  ]);
  const perf = KAFKA_TOOLS.find((t) => t.name === "kafka-producer-perf-test")!;
  assert.deepEqual(withBootstrap(perf, ["--topic", "t"], ["b:1"]), [
    "--topic",
    "t",
    "--producer-props",
    "bootstrap.servers=b:1",
  ]);
  assert.deepEqual(withBootstrap(perf, ["--producer-props", "acks=all", "--topic", "t"], ["b:1"]), [
    "--producer-props",
    "bootstrap.servers=b:1",
    "acks=all",
    "--topic",
    "t",
  ]);
});

Deno.test("the kafka command offers the seven tools the manual uses", () => {
  const kafka = COMMANDS.find((c) => c.name === "kafka")!;
  const names = kafka.subcommands!.map((c) => c.name);
  for (
    const tool of [
      "kafka-topics",
      "kafka-consumer-groups",
      "kafka-console-consumer",
      "kafka-console-producer",
      "kafka-configs",
      "kafka-metadata-quorum",
      "kafka-producer-perf-test",
    ]
  ) assert.ok(names.includes(tool), tool);
  assert.ok(kafka.subcommands!.every((c) => c.passthrough === true));
});

Deno.test("completion scripts list every command, subcommand and option of the command table", () => {
  const nodes = commandNodes(COMMANDS);
  const paths = nodes.map((n) => n.path.join(" "));
  for (const p of ["groups reset", "read", "write", "ui", "kafka kafka-topics", "lab2"]) {
    assert.ok(paths.includes(p), p);
  }
  const bash = completionScript("bash", COMMANDS, "en");
  assert.match(bash, /'groups reset'\) echo '--topic -t --to --dry-run/);
  assert.match(bash, /'read\|--format'\) echo 'auto registry json text hex'/);
  const fish = completionScript("fish", COMMANDS, "ru");
  assert.match(fish, /-a groups -d 'Группы консьюмеров/);
  assert.ok(!paths.includes("lab5 worker"), "internal commands are not completed");
  assert.ok(!paths.includes("__complete"));
  assert.doesNotMatch(bash, /--records/, "old spellings are not offered");
  const zsh = completionScript("zsh", COMMANDS, "en");
  assert.match(zsh, /^#compdef kafka-lab/);
  // Autoloaded from fpath, the file's body runs at the first Tab: it must complete then.
  assert.match(zsh, /funcstack\[1\]\}" == _kafka-lab \]\]; then\n {2}_kafka_lab "\$@"/);
});

Deno.test("the bash completion completes subcommands and option values in a real bash", async () => {
  const script = completionScript("bash", COMMANDS, "en");
  const probe = (words: string[]) =>
    `COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${
      words.length - 1
    }; _kafka_lab; echo "\${COMPREPLY[*]}"`;
  const run = async (words: string[]) => {
    const out = await new Deno.Command("bash", {
      args: ["-c", `${script}\n${probe(words)}`],
      stdout: "piped",
    }).output();
    return new TextDecoder().decode(out.stdout).trim();
  };
  assert.equal(await run(["kafka-lab", "groups", "re"]), "reset");
  assert.equal(await run(["kafka-lab", "--json", "-b", "h", "groups", "re"]), "reset");
  assert.equal(await run(["kafka-lab", "groups", "reset", "g", "--dry"]), "--dry-run");
  assert.equal(await run(["kafka-lab", "read", "t", "--format", "j"]), "json");
  assert.equal(await run(["kafka-lab", "read", "t", "--from", "b"]), "beginning");
  assert.equal(
    await run(["kafka-lab", "kafka", "kafka-con"]),
    [
      "kafka-consumer-groups",
      "kafka-console-consumer",
      "kafka-console-producer",
      "kafka-configs",
    ].join(" "),
  );
});

for (const [name, table] of Object.entries({ inspect: INSPECT_TEXT, ui: UI_TEXT })) {
  Deno.test(`${name} texts have the same keys and placeholders in English and Russian`, () => {
    const en = table.en as Record<string, string>;
    const ru = table.ru as Record<string, string>;
    assert.deepEqual(Object.keys(ru).sort(), Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      assert.ok(ru[key].trim().length > 0, `${name}.${key} is empty in Russian`);
      assert.deepEqual(placeholders(ru[key]), placeholders(en[key]), `${name}.${key}`);
    }
  });
}

const has = (program: string) => {
  try {
    return new Deno.Command(program, { args: ["--version"], stdout: "null", stderr: "null" })
      .outputSync().success;
  } catch {
    return false;
  }
};

Deno.test({
  name: "the fish completion completes subcommands and option values in a real fish",
  ignore: !has("fish"),
  fn: async () => {
    const file = await Deno.makeTempFile({ suffix: ".fish" });
    await Deno.writeTextFile(file, completionScript("fish", COMMANDS, "en"));
    const out = await new Deno.Command("fish", {
      args: [
        "-c",
        `source ${file}; complete -C "kafka-lab groups re"; complete -C "kafka-lab read t --format j"`,
      ],
      stdout: "piped",
    }).output();
    await Deno.remove(file);
    const lines = new TextDecoder().decode(out.stdout).trim().split("\n");
    assert.deepEqual(lines.map((l) => l.split("\t")[0]), ["reset", "json"]);
  },
});

Deno.test({
  name: "the zsh completion is valid zsh",
  ignore: !has("zsh"),
  fn: async () => {
    const file = await Deno.makeTempFile({ suffix: ".zsh" });
    await Deno.writeTextFile(file, completionScript("zsh", COMMANDS, "en"));
    const out = await new Deno.Command("zsh", { args: ["-n", file], stderr: "piped" }).output();
    await Deno.remove(file);
    assert.ok(out.success, new TextDecoder().decode(out.stderr));
  },
});

/** A record holding ESC, BEL, CR and a CSI sequence (7-bit and the one-byte C1 form). */
const HOSTILE = "a\x1b]0;owned\x07b\rc\x1b[2J\x1b[31md\u009b1;1He\x7f";

/** No control character (C0, DEL, C1) left in `text`. */
function assertNoControls(text: string, what: string): void {
  // deno-lint-ignore no-control-regex
  assert.doesNotMatch(text, /[\u0000-\u001f\u007f-\u009f]/, `${what}: ${JSON.stringify(text)}`);
}

Deno.test("escapeControls writes ESC, BEL, CR, CSI, DEL and newline as escapes, the rest as is", () => {
  assert.equal(
    escapeControls(HOSTILE),
    "a\\x1b]0;owned\\x07b\\rc\\x1b[2J\\x1b[31md\\x9b1;1He\\x7f",
  );
  assert.equal(escapeControls("line\none\ttab"), "line\\none\\ttab");
  assert.equal(escapeControls('Привет, {"x": 1} ✓'), 'Привет, {"x": 1} ✓');
});

Deno.test("read's line for people escapes control characters in key, value and headers, in every format", () => {
  const record = {
    topic: "t",
    partition: 0,
    offset: "7",
    key: bytes(`k${HOSTILE}`),
    value: bytes(HOSTILE),
    timestamp: "0",
    headers: { [`h${HOSTILE}`]: HOSTILE },
  };
  const jsonRecord = { ...record, value: bytes(JSON.stringify({ v: HOSTILE })) };
  for (const lang of ["en", "ru"] as const) {
    const tx = pick(INSPECT_TEXT, lang);
    for (const format of FORMATS) {
      for (const r of [record, jsonRecord]) {
        const line = recordLine(showRecord(r, format), r, format, tx);
        assertNoControls(line, `${lang} ${format}`);
      }
    }
    const text = recordLine(showRecord(record, "text"), record, "text", tx);
    assert.ok(text.includes("\\x1b[2J"), text);
    assert.ok(text.includes("\\x07"), text);
    assert.ok(text.includes("\\r"), text);
  }
  // --json stays valid JSON: the record event carries the text itself, escaped by JSON.
  const shown = showRecord(record, "text");
  assert.equal(JSON.parse(JSON.stringify(shown)).value, HOSTILE);
});

Deno.test("the bash completion offers live topic and group names from `kafka-lab __complete`", async () => {
  const dir = await Deno.makeTempDir();
  try {
    // A stand-in kafka-lab on PATH: the script's wiring is under test, not the cluster.
    await Deno.writeTextFile(
      `${dir}/kafka-lab`,
      '#!/bin/sh\n[ "$1" = __complete ] && [ "$2" = topics ] && printf "orders\\nhello-kafka\\n"\n' +
        '[ "$1" = __complete ] && [ "$2" = groups ] && printf "hello-group\\n"\nexit 0\n',
    );
    await Deno.chmod(`${dir}/kafka-lab`, 0o755);
    const script = completionScript("bash", COMMANDS, "en");
    const run = async (words: string[]) => {
      const probe = `COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${
        words.length - 1
      }; _kafka_lab; echo "\${COMPREPLY[*]}"`;
      const out = await new Deno.Command("bash", {
        args: ["-c", `${script}\n${probe}`],
        env: { PATH: `${dir}:${Deno.env.get("PATH")}` },
        stdout: "piped",
      }).output();
      return new TextDecoder().decode(out.stdout).trim();
    };
    assert.equal(await run(["kafka-lab", "read", "or"]), "orders");
    assert.equal(await run(["kafka-lab", "topic", "describe", "he"]), "hello-kafka");
    assert.equal(await run(["kafka-lab", "lab2", "consume", "--topic", "o"]), "orders");
    assert.equal(await run(["kafka-lab", "groups", "describe", "hello-"]), "hello-group");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
