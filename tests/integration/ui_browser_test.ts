/**
 * The web console in a real browser: Debian's headless Chromium driven by
 * puppeteer-core against `kafka-lab ui` on the real cluster. Screenshots go to
 * a temporary folder, or to docs/ when KAFKA_LAB_SCREENSHOTS=1 (README's).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import puppeteer, { type Page } from "puppeteer-core";
import { CliProcess, createTopic, events, ROOT, runCli, unique } from "../helpers.ts";
import { cleanUp, holdGroup, produce, records } from "../inspect_fixtures.ts";

const CHROMIUM = Deno.env.get("KAFKA_LAB_CHROMIUM") ?? "/usr/bin/chromium";
const hasChromium = (() => {
  try {
    return Deno.statSync(CHROMIUM).isFile;
  } catch {
    return false;
  }
})();

const SHOTS = Deno.env.get("KAFKA_LAB_SCREENSHOTS") === "1"
  ? join(ROOT, "docs")
  : Deno.makeTempDirSync({ prefix: "kafka-lab-ui-" });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `ui-${name}.png`) as `${string}.png` });
}

/**
 * A GET of `path` (default /api/topics) with the given Host header, over a
 * plain socket, as any local program could send it; returns the status line
 * and the body.
 */
async function rawGet(
  port: number,
  host: string,
  path = "/api/topics",
): Promise<{ status: string; body: string }> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  try {
    const request = `GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nConnection: close\r\n\r\n`;
    await conn.write(new TextEncoder().encode(request));
    const answer = new TextDecoder().decode(await new Response(conn.readable).arrayBuffer());
    const [head, ...body] = answer.split("\r\n\r\n");
    return { status: head.split("\r\n")[0], body: body.join("\r\n\r\n") };
  } finally {
    try {
      conn.close();
    } catch { /* closed by reading to the end */ }
  }
}

async function startUi(): Promise<{ ui: CliProcess; url: string; port: number }> {
  const ui = new CliProcess(["ui", "--port", "0", "--json"]);
  const e = await ui.waitFor((e) => e.event === "ui.listening", 90_000);
  return { ui, url: String(e.url), port: Number(e.port) };
}

Deno.test({
  name:
    "ui in Chromium: topics list a new topic, messages show its records, a reset from the page changes the lag, no token no change and no read, bad %-encoding 400",
  ignore: !hasChromium,
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const topic = await createTopic("hello-kafka", 1, 1);
    const produced = 3;
    await produce(
      topic,
      records(0, produced, "Hello Kafka").map((r, i) => ({
        ...r,
        value: `Hello Kafka ${i + 1}`,
        key: i === 0 ? "user-1" : undefined,
        headers: i === 0 ? { "trace-id": "42" } : undefined,
      })),
    );
    const group = unique("hello-group");
    const held = await holdGroup(group, topic);
    await held.commit(0, produced);
    await held.leave();

    const { ui, url, port } = await startUi();
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu"],
    });
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 1200, height: 640 });
      page.setDefaultTimeout(60_000);
      const base = url.replace(/\/\?/, "/?");

      await page.goto(`${base}#/topics`);
      await page.waitForSelector(`tr[data-topic="${topic}"]`);
      const cells = await page.$$eval(
        `tr[data-topic="${topic}"] td`,
        (tds) => tds.map((td) => td.textContent),
      );
      assert.deepEqual(cells, [topic, "1", "1", String(produced), "0"]);
      await shot(page, "topics");

      await page.goto(`${base}#/brokers`);
      await page.waitForSelector("tr[data-broker]");
      // The broker x partition grid: the new topic's one replica is its leader.
      const cell = await page.waitForSelector(
        `#broker-grid rect[data-cell^="${topic}/0/"][data-kind="leader"]`,
      );
      assert.ok(cell, "the grid shows the topic's leader");
      await shot(page, "brokers");

      await page.goto(`${base}#/messages/${encodeURIComponent(topic)}/0`);
      await page.waitForSelector("#messages-table tr[data-offset]", { timeout: 90_000 });
      const offsets = await page.$$eval(
        "#messages-table tr[data-offset]",
        (trs) => trs.map((tr) => tr.getAttribute("data-offset")),
      );
      assert.deepEqual(offsets, ["2", "1", "0"], "newest first");
      const first = await page.$eval('tr[data-offset="0"]', (tr) => tr.textContent ?? "");
      assert.match(first, /user-1/);
      assert.match(first, /Hello Kafka 1/);
      assert.match(first, /trace-id=42/);
      await shot(page, "messages");

      await page.goto(`${base}#/group/${encodeURIComponent(group)}`);
      await page.waitForSelector(`tr[data-lag="${topic}/0"]`);
      const lagBefore = await page.$eval(
        `tr[data-lag="${topic}/0"] td.lag`,
        (td) => td.textContent,
      );
      assert.equal(lagBefore, "0");
      await page.waitForSelector(`#reset-topic option[value="${topic}"]`);
      await page.select("#reset-to", "earliest");
      await page.click("#reset-preview");
      await page.waitForSelector("#dialog[open] #reset-confirm");
      await shot(page, "group-reset");
      await page.click("#reset-confirm");
      const lagCell = JSON.stringify(`tr[data-lag="${topic}/0"] td.lag`);
      await page.waitForFunction(`document.querySelector(${lagCell})?.textContent === "3"`);
      // The offset strip: after the reset to earliest, the whole partition is lag.
      const strip = await page.$eval(`tr[data-lag="${topic}/0"] svg.strip`, (svg) => ({
        read: Number(svg.querySelector("rect.read")?.getAttribute("width")),
        lag: Number(svg.querySelector("rect.lag")?.getAttribute("width")),
      }));
      assert.equal(strip.read, 0);
      assert.ok(strip.lag > 100, JSON.stringify(strip));
      await page.waitForSelector("#group-members");
      await shot(page, "group");

      const described = await runCli(["groups", "describe", group, "--json"]);
      const row = events(described.stdout).find((e) => e.event === "groups.partition");
      assert.ok(row, `groups describe ${group}: ${described.stdout}\n${described.stderr}`);
      assert.deepEqual([row.committed, row.lag], ["0", produced]);

      const refused = await page.evaluate(
        async (g, t) => {
          const res = await fetch(`/api/groups/${encodeURIComponent(g)}/reset`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ topic: t, to: "latest" }),
          });
          return { status: res.status, body: await res.json() };
        },
        group,
        topic,
      );
      assert.equal(refused.status, 401);
      assert.equal(refused.body.refused, "token");
      // fetch() sets Host itself; a raw request carries the name a rebinding page would send.
      assert.match((await rawGet(port, "attacker.example")).status, /^HTTP\/1\.1 403/);

      // Reads need the token too: the page's own fetch without it, and any local program.
      const messagesPath = `/api/topics/${encodeURIComponent(topic)}/messages?partition=0`;
      const tokenless = await page.evaluate(async (path) => {
        const res = await fetch(path);
        return {
          status: res.status,
          type: res.headers.get("content-type"),
          body: await res.text(),
        };
      }, messagesPath);
      assert.equal(tokenless.status, 401, tokenless.body);
      assert.match(tokenless.type ?? "", /^application\/json/);
      const tokenlessBody = JSON.parse(tokenless.body);
      assert.equal(tokenlessBody.refused, "token");
      assert.match(tokenlessBody.error.en, /token/);
      assert.match(tokenlessBody.error.ru, /токен/);
      assert.ok(!tokenless.body.includes("Hello Kafka"), "no record in the refusal");
      for (const path of [messagesPath, "/api/topics", "/api/groups", "/api/info"]) {
        const raw = await rawGet(port, "127.0.0.1", path);
        assert.match(raw.status, /^HTTP\/1\.1 401/, `${path}: ${raw.status}`);
        assert.ok(!raw.body.includes("Hello Kafka") && !raw.body.includes(topic), raw.body);
      }
      const withToken = await page.evaluate(async (path) => {
        const token = new URLSearchParams(location.search).get("token") ?? "";
        const res = await fetch(path, { headers: { "x-kafka-lab-token": token } });
        return { status: res.status, body: await res.text() };
      }, messagesPath);
      assert.equal(withToken.status, 200, withToken.body);
      assert.match(withToken.body, /Hello Kafka 1/);

      // A bad %-encoding in the path: 400 with a JSON error, no stack trace.
      for (const path of ["/api/topics/%E0%A4/messages", "/api/topics/%zz", "/api/groups/%"]) {
        const bad = await page.evaluate(async (p) => {
          const token = new URLSearchParams(location.search).get("token") ?? "";
          const res = await fetch(p, { headers: { "x-kafka-lab-token": token } });
          return { status: res.status, body: await res.text() };
        }, path);
        assert.equal(bad.status, 400, `${path}: ${bad.body}`);
        const badBody = JSON.parse(bad.body);
        assert.match(badBody.error.en, /%-encoding/);
        assert.match(badBody.error.ru, /%-кодировка/);
        assert.doesNotMatch(bad.body, /URIError|\bat\s|\.ts:\d+/, "no stack trace");
      }
      const after = await runCli(["groups", "describe", group, "--json"]);
      const unchanged = events(after.stdout).find((e) => e.event === "groups.partition");
      assert.ok(unchanged, `groups describe ${group}: ${after.stdout}\n${after.stderr}`);
      assert.deepEqual(
        [unchanged.committed, unchanged.lag],
        ["0", produced],
        "no token, no change",
      );
    } finally {
      await browser.close();
      ui.kill("SIGINT");
      const end = await ui.finish();
      assert.equal(end.code, 130, end.stderr);
      await cleanUp([topic], [group]);
    }
  },
});

/** Types `text` into `selector` after clearing it. */
async function fill(page: Page, selector: string, text: string): Promise<void> {
  await page.$eval(selector, (el) => {
    (el as unknown as { value: string }).value = "";
  });
  await page.type(selector, text);
}

/** The text of the newest banner message. */
async function lastBanner(page: Page): Promise<string> {
  await page.waitForSelector("#banner .msg");
  return await page.$eval("#banner", (el) => el.lastElementChild?.textContent ?? "");
}

Deno.test({
  name:
    "ui in Chromium: create a topic, produce a keyed record with a header to a chosen partition, find it under all partitions with a filter, set and remove a config (its source shown), delete the topic",
  ignore: !hasChromium,
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const topic = unique("ui-made");
    const { ui, url } = await startUi();
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu"],
    });
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 1200, height: 900 });
      page.setDefaultTimeout(60_000);
      await page.goto(`${url}#/topics`);
      await fill(page, "#new-topic-name", topic);
      await fill(page, "#new-topic-partitions", "3");
      await page.click("#new-topic-create");
      await page.waitForSelector(`tr[data-topic="${topic}"]`);
      assert.match(await lastBanner(page), new RegExp(`${topic}.*3`));

      await page.goto(`${url}#/topic/${encodeURIComponent(topic)}`);
      await page.waitForSelector("#partitions-table tr[data-partition='2']");
      await fill(page, "#produce-key", "user-7");
      await fill(page, "#produce-value", "hello from the console");
      await fill(page, "#produce-headers", "trace-id=99");
      await fill(page, "#produce-partition", "2");
      await page.click("#produce-send");
      await page.waitForFunction(
        `document.querySelector("#banner")?.textContent.includes("partition 2 at offset 0")`,
      );
      await shot(page, "produce");

      const read = await runCli(["read", topic, "--from", "beginning", "--json", "-n", "1"]);
      const rec = events(read.stdout).find((e) => e.event === "read.record");
      assert.ok(rec, read.stdout + read.stderr);
      assert.deepEqual([rec.partition, rec.key, rec.value], [
        2,
        "user-7",
        "hello from the console",
      ]);
      assert.deepEqual(rec.headers, { "trace-id": "99" });

      await page.goto(`${url}#/messages/${encodeURIComponent(topic)}/all`);
      await page.waitForSelector('#messages-table tr[data-record="2/0"]', { timeout: 90_000 });
      await page.type("#filter", "no such text");
      await page.waitForFunction(`!document.querySelector('tr[data-record="2/0"]')`);
      await fill(page, "#filter", "trace-id");
      await page.waitForSelector('tr[data-record="2/0"]');

      await page.goto(`${url}#/topic/${encodeURIComponent(topic)}`);
      await fill(page, "#new-config-name", "retention.ms");
      await fill(page, "#new-config-value", "3600000");
      await page.click("#new-config-set");
      await page.waitForSelector('tr[data-config="retention.ms"][data-source="topic"]');
      const described = await runCli(["lab1", "describe", topic, "--json"]);
      assert.match(described.stdout, /retention\.ms/, described.stdout + described.stderr);
      await page.click('tr[data-config="retention.ms"] button');
      await page.waitForSelector("#dialog[open] #config-remove");
      await page.click("#config-remove");
      await page.waitForFunction(
        `!document.querySelector('tr[data-config="retention.ms"][data-source="topic"]')`,
      );

      await page.click("#delete-topic");
      await page.waitForSelector("#dialog[open] #delete-name");
      await page.type("#delete-name", topic);
      await page.click("#delete-confirm");
      await page.waitForFunction(`location.hash === "#/topics"`);
      await page.waitForSelector("#topics-table");
      assert.equal(await page.$(`tr[data-topic="${topic}"]`), null);
    } finally {
      await browser.close();
      ui.kill("SIGINT");
      const end = await ui.finish();
      assert.equal(end.code, 130, end.stderr);
      await cleanUp([topic]);
    }
  },
});
