/**
 * The web console with a broker stopped (its own cluster, `deno task
 * test:faults`): a replication-factor-1 topic whose only replica is on the
 * stopped broker is named as leaderless on every page, while a healthy
 * topic stays fully visible (records counted, configs, messages); an error
 * banner stays until dismissed. Headless Debian Chromium via puppeteer-core.
 * Screenshots go to docs/ with KAFKA_LAB_SCREENSHOTS=1 (README's console
 * section). The broker is started again in `finally`, whatever happened.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import puppeteer, { type Page } from "puppeteer-core";
import { localNodes, startBroker, stopBroker } from "../../lib/cluster/mod.ts";
import { readState } from "../../lib/cluster/state.ts";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import { waitFor } from "../../lib/time.ts";
import { ensureTopic } from "../../lib/kafka/topics.ts";
import { captureOutput, CliProcess, clusterConfig, ROOT, unique } from "../helpers.ts";
import { isFaultCluster } from "./fault_cluster.ts";

const config = clusterConfig();
const CHROMIUM = Deno.env.get("KAFKA_LAB_CHROMIUM") ?? "/usr/bin/chromium";
const hasChromium = (() => {
  try {
    return Deno.statSync(CHROMIUM).isFile;
  } catch {
    return false;
  }
})();
/** Only on the cluster `deno task test:faults` started (tests/faults/fault_cluster.ts). */
const ignore = !isFaultCluster(config) || !hasChromium;

const SHOTS = Deno.env.get("KAFKA_LAB_SCREENSHOTS") === "1"
  ? join(ROOT, "docs")
  : Deno.makeTempDirSync({ prefix: "kafka-lab-ui-faults-" });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `ui-${name}.png`) as `${string}.png` });
}

/** The text of `selector`'s cells in the row of `topic` on the topics page. */
function rowCells(page: Page, topic: string): Promise<string[]> {
  return page.$$eval(
    `tr[data-topic="${topic}"] td`,
    (tds) => tds.map((td) => td.textContent ?? ""),
  );
}

Deno.test({
  name:
    "ui with a broker stopped: the leaderless topic is named on every page, a healthy topic stays fully visible, an error banner stays until dismissed",
  ignore,
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const { out } = captureOutput();
    const kafka = new KafkaClients(config, out);
    const sick = unique("ui-sick");
    const healthy = unique("ui-healthy");
    const broker = 2; // not 1: the first bootstrap address stays up
    await kafka.withAdmin(async (admin) => {
      await admin.createTopics({
        waitForLeaders: false,
        topics: [{ topic: sick, replicaAssignment: [{ partition: 0, replicas: [broker] }] }],
      });
      await ensureTopic(admin, { name: healthy, partitions: 3, replicationFactor: 3 });
    });
    const producer = await kafka.connect(kafka.idempotentProducer());
    await producer.send({
      topic: healthy,
      acks: -1,
      messages: [0, 1, 2].map((p) => ({ value: `healthy ${p}`, partition: p })),
    });
    await producer.disconnect();
    const ui = new CliProcess(["ui", "--port", "0", "--json"], {
      env: { KAFKA_LAB_STATE_DIR: config.stateDir },
    });
    const listening = await ui.waitFor((e) => e.event === "ui.listening", 90_000);
    const url = String(listening.url);
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu"],
    });
    try {
      await stopBroker(broker, { config, out });
      const gone = await waitFor(async () => {
        const none = await kafka.leaderless([sick]);
        return none !== undefined && none.length > 0;
      }, { timeoutMs: 60_000, intervalMs: 500 });
      assert.equal(gone, true, `${sick} lost its leader`);

      const page = await browser.newPage();
      await page.setViewport({ width: 1200, height: 800 });
      page.setDefaultTimeout(20_000); // kafkajs' retries of a leaderless topic take ~25 s
      await page.goto(`${url}#/brokers`);
      await page.waitForSelector(`tr[data-broker="${broker}"]`);
      const state = await page.$eval(
        `tr[data-broker="${broker}"] td:nth-child(3)`,
        (td) => td.textContent,
      );
      assert.equal(state, "down");
      assert.match(await page.$eval("#leaderless", (p) => p.textContent ?? ""), new RegExp(sick));
      await page.waitForSelector(`#broker-grid rect[data-cell="${sick}/0/${broker}"]`);
      await shot(page, "leaderless-brokers");

      await page.goto(`${url}#/topics`);
      await page.waitForSelector(`tr[data-topic="${healthy}"]`);
      // 3 partitions, RF 3, 3 records, 3 under-replicated (a replica of each is on the stopped broker).
      assert.deepEqual(await rowCells(page, healthy), [healthy, "3", "3", "3", "3"]);
      assert.deepEqual((await rowCells(page, sick)).slice(0, 4), [sick, "1", "1", "?"]);
      assert.match(await page.$eval("#leaderless", (p) => p.textContent ?? ""), new RegExp(sick));
      await shot(page, "leaderless-topics");

      await page.goto(`${url}#/topic/${encodeURIComponent(healthy)}`);
      await page.waitForSelector('#partitions-table tr[data-partition="2"]');
      const ends = await page.$$eval(
        "#partitions-table tr[data-partition] td:nth-child(6)",
        (tds) => tds.map((td) => td.textContent),
      );
      assert.deepEqual(ends, ["1", "1", "1"]);

      // A page that cannot load: the error banner stays across refreshes until dismissed.
      await page.goto(`${url}#/messages/${encodeURIComponent(sick)}/0`);
      await page.waitForFunction(
        `document.querySelector("#banner")?.textContent.includes(${JSON.stringify(sick)})`,
      );
      await page.goto(`${url}#/messages/${encodeURIComponent(healthy)}/all`);
      await page.waitForSelector('#messages-table tr[data-record="2/0"]', { timeout: 60_000 });
      const first = await page.$eval("#updated", (e) => e.textContent);
      await page.waitForFunction(
        `document.querySelector("#updated").textContent !== ${JSON.stringify(first)}`,
        { timeout: 30_000 },
      );
      assert.match(await page.$eval("#banner", (b) => b.textContent ?? ""), new RegExp(sick));
      await page.click("#banner .dismiss");
      assert.equal(await page.$eval("#banner", (b) => b.children.length), 0);
    } finally {
      await browser.close();
      ui.kill("SIGINT");
      await ui.finish();
      await startBroker(broker, { config, out });
      const nodes = await localNodes(readState(config.stateDir)!);
      assert.ok(nodes.every((n) => n.running), "every broker runs again");
      await kafka.withAdmin((admin) => admin.deleteTopics({ topics: [sick, healthy] }))
        .catch(() => {});
    }
  },
});
