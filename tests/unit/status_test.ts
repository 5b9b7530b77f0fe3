import assert from "node:assert/strict";
import {
  type BrokerRow,
  statusEvent,
  statusHealthy,
  statusLines,
  type StatusReport,
} from "../../commands/cluster/status_run.ts";
import { t } from "../../lib/i18n.ts";
import type { Output } from "../../lib/output.ts";

const plain = (lang: "en" | "ru"): Pick<Output, "lang" | "style"> => ({
  lang,
  style: (_style, text) => text,
});

const broker = (id: number, over: Partial<BrokerRow> = {}): BrokerRow => ({
  id,
  address: `localhost:1909${id + 1}`,
  reachable: true,
  notResponding: false,
  registered: true,
  controller: id === 1,
  quorumRole: id === 1 ? "leader" : "voter",
  lag: 0,
  ...over,
});

const replica = (id: number, lag: number | null) => ({
  id,
  logEndOffset: 10,
  lag,
  lastFetchMs: 1,
  lastCaughtUpMs: 1,
});

const quorum = {
  known: true,
  leaderId: 1,
  leaderEpoch: 4,
  highWatermark: 10,
  voters: [replica(1, 0), replica(2, 0)],
  observers: [],
  answeredBy: "localhost:19092",
} as const;
const leaderless = { ...quorum, leaderId: -1 };

const healthy: StatusReport = {
  clusterId: "abc",
  quorum,
  brokers: [broker(1), broker(2)],
  leaderless: [],
  registry: { url: "http://localhost:8081", ok: true, detail: "up" },
  local: null,
};

Deno.test("statusLines renders the quorum leader and a table of brokers", () => {
  assert.deepEqual(statusLines(healthy, plain("en")), [
    "cluster id     abc",
    "quorum leader  node 1, epoch 4 (the active controller, from DescribeQuorum)",
    "",
    "  broker  address          reachable  in metadata  quorum  lag",
    "  1       localhost:19092  yes        yes          leader  0",
    "  2       localhost:19093  yes        yes          voter   0",
    "",
    "registry       http://localhost:8081: up",
  ]);
});

Deno.test("statusLines says a broker that takes connections but answers nothing is not responding", () => {
  const report: StatusReport = {
    ...healthy,
    brokers: [broker(1), broker(2, { reachable: false, notResponding: true })],
  };
  const en = statusLines(report, plain("en"));
  assert.match(en.find((l) => l.startsWith("  2 "))!, /not responding/);
  assert.match(statusLines(report, plain("ru")).find((l) => l.startsWith("  2 "))!, /не отвечает/);
  assert.equal(statusHealthy(report), false);
});

Deno.test("statusLines shows a stopped broker, leaderless partitions, the registry's error and local processes", () => {
  const report: StatusReport = {
    ...healthy,
    clusterId: null,
    quorum: { known: false, reason: t("no answer", "нет ответа") },
    brokers: [broker(1, { quorumRole: null, lag: null }), {
      ...broker(3),
      reachable: false,
      registered: false,
      controller: false,
      quorumRole: null,
      lag: null,
    }],
    leaderless: ["t[0]", "t[2]"],
    registry: { url: "http://r", ok: false, detail: "connection refused" },
    local: {
      runtime: "java",
      processes: [
        { name: "broker 1", pid: 11, running: true, log: "/l/1.log" },
        { name: "broker 3", pid: 13, running: false, log: "/l/3.log" },
      ],
    },
  };
  assert.deepEqual(statusLines(report, plain("ru")), [
    "id кластера    ?",
    "лидер кворума  нет ответа",
    "",
    "  брокер  адрес            доступен  в метаданных  кворум  отставание",
    "  1       localhost:19092  да        да",
    "  3       localhost:19094  нет       нет",
    "",
    "партиции без лидера: t[0], t[2]",
    "  их реплики на остановленных брокерах; `kafka-lab broker start N` вернёт их",
    "",
    "реестр схем    http://r: connection refused",
    "локально       среда java, запущено kafka-lab up",
    "  broker 1   pid 11       работает     /l/1.log",
    "  broker 3   pid 13       не работает  /l/3.log",
  ]);
});

Deno.test("statusLines marks an unknown lag of a quorum member with '?' and a quorum without leader", () => {
  const report: StatusReport = {
    ...healthy,
    quorum: leaderless,
    brokers: [broker(2, { lag: null })],
  };
  const lines = statusLines(report, plain("en"));
  assert.equal(lines[1], "quorum leader  none elected");
  assert.equal(lines[4], "  2       localhost:19093  yes        yes          voter   ?");
});

Deno.test("statusEvent names the controller only when the quorum has a leader, and localizes the reason", () => {
  const e = statusEvent(healthy, "en");
  assert.equal(e.controller, 1);
  assert.deepEqual(e.quorum, healthy.quorum);
  assert.deepEqual(e.brokers, healthy.brokers);
  const unknown = statusEvent(
    { ...healthy, quorum: { known: false, reason: t("no answer", "нет ответа") } },
    "ru",
  );
  assert.equal(unknown.controller, null);
  assert.deepEqual(unknown.quorum, { known: false, reason: "нет ответа" });
  assert.equal(
    statusEvent({ ...healthy, quorum: leaderless }, "en").controller,
    null,
  );
});

Deno.test("statusHealthy fails on a stopped or unregistered broker, a down registry, a leaderless partition", () => {
  assert.equal(statusHealthy(healthy), true);
  assert.equal(statusHealthy({ ...healthy, brokers: [broker(1, { reachable: false })] }), false);
  assert.equal(statusHealthy({ ...healthy, brokers: [broker(1, { registered: false })] }), false);
  assert.equal(
    statusHealthy({ ...healthy, registry: { ...healthy.registry, ok: false, detail: "x" } }),
    false,
  );
  assert.equal(statusHealthy({ ...healthy, leaderless: ["t[0]"] }), false);
});
