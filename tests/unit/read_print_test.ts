import assert from "node:assert/strict";
import { linePrinter, templatePrinter } from "../../commands/read/print.ts";
import { UsageError } from "../../lib/errors.ts";
import { pick } from "../../lib/i18n.ts";
import { INSPECT_TEXT } from "../../lib/inspect/text.ts";

const bytes = (s: string) => new TextEncoder().encode(s);
const record = {
  topic: "orders",
  partition: 2,
  offset: "41",
  key: bytes("user-7"),
  value: bytes('{"n": 1}'),
  timestamp: "1733350000000",
  headers: { trace: "abc", "x\x1b": "y" },
};

Deno.test("templatePrinter prints kcat's fields, escapes, and one record a line", () => {
  const print = templatePrinter("%t/%p@%o %k=%v %T [%h] %K/%S %%", "auto");
  assert.equal(
    print(record),
    'orders/2@41 user-7={"n": 1} 1733350000000 [trace=abc,x\\x1b=y] 6/8 %\n',
  );
  assert.equal(templatePrinter("%v\\t%k\\n", "auto")(record), '{"n": 1}\tuser-7\n');
  assert.equal(templatePrinter("%k|%v", "auto")({ ...record, key: null, value: null }), "|\n");
  assert.equal(templatePrinter("%v", "hex")(record), "0x7b226e223a20317d\n");
  assert.throws(() => templatePrinter("%q", "auto"), UsageError);
});

Deno.test("templatePrinter keeps a record on one line: control characters are escaped", () => {
  const hostile = { ...record, value: bytes("a\nb\x1b[2J") };
  assert.equal(templatePrinter("%v", "text")(hostile), "a\\nb\\x1b[2J\n");
  assert.equal(templatePrinter("%v", "auto")(hostile), "0x610a621b5b324a\n", "auto: binary as hex");
});

Deno.test("linePrinter shows partition, offset, time, key, value and headers in both languages", () => {
  const en = linePrinter("auto", pick(INSPECT_TEXT, "en"))(record);
  assert.equal(
    en,
    'partition 2  offset 41  2024-12-04T22:06:40.000Z  key user-7: {"n": 1}  headers trace=abc, x\\x1b=y\n',
  );
  const ru = linePrinter("json", pick(INSPECT_TEXT, "ru"))({ ...record, key: null, headers: {} });
  assert.equal(ru, 'партиция 2  смещение 41  2024-12-04T22:06:40.000Z  ключ (нет): {"n":1}\n');
});
