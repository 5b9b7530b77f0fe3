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

/** A GET /api/topics with the given Host header, over a plain socket; returns the status line. */
async function rawGet(port: number, host: string): Promise<string> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  try {
    const request =
      `GET /api/topics HTTP/1.1\r\nHost: ${host}:${port}\r\nConnection: close\r\n\r\n`;
    await conn.write(new TextEncoder().encode(request));
    const buf = new Uint8Array(256);
    const n = await conn.read(buf);
    return new TextDecoder().decode(buf.subarray(0, n ?? 0)).split("\r\n")[0];
  } finally {
    conn.close();
  }
}

async function startUi(): Promise<{ ui: CliProcess; url: string; port: number }> {
  const ui = new CliProcess(["ui", "--port", "0", "--json"]);
  const e = await ui.waitFor((e) => e.event === "ui.listening", 90_000);
  return { ui, url: String(e.url), port: Number(e.port) };
}

Deno.test({
  name:
    "ui in Chromium: topics list a new topic, messages show its records, a reset from the page changes the lag, no token no change",
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
      assert.equal(refused.status, 403);
      assert.equal(refused.body.refused, "token");
      // fetch() sets Host itself; a raw request carries the name a rebinding page would send.
      assert.match(await rawGet(port, "attacker.example"), /^HTTP\/1\.1 403/);
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
