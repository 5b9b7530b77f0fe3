// A topic's page: partitions (with the leaderless ones named), and configs
// with where each value comes from.
import { api, h, leaderlessNotice, refresh, T, table } from "./core.js";

const enc = encodeURIComponent;
const link = (hash, text, attrs = {}) => h("a", { href: hash, ...attrs }, text);

/** The words for a config source (DescribeConfigs' config_source). */
const SOURCES = {
  topic: "sourceTopic",
  broker: "sourceBroker",
  "broker-default": "sourceBrokerDefault",
  static: "sourceStatic",
  default: "sourceDefault",
  other: "sourceOther",
};

let showDefaults = false;

function offsetCell(value) {
  return value === null
    ? [h("span", { class: "bad", title: T("unknownOffsets") }, T("unknown")), "num"]
    : [value, "num"];
}

function partitionsTable(d) {
  return table(
    [
      [T("colPartition"), "num"],
      [T("colLeader"), "num"],
      T("colReplicas"),
      T("colIsr"),
      [T("colStart"), "num"],
      [T("colEnd"), "num"],
      "",
    ],
    d.partitions.map((p) => ({
      attrs: { "data-partition": p.partition },
      cells: [
        [String(p.partition), "num"],
        [p.leader < 0 ? h("span", { class: "bad" }, "—") : String(p.leader), "num"],
        p.replicas.join(", "),
        h("span", { class: p.isr.length < p.replicas.length ? "bad" : "" }, p.isr.join(", ")),
        offsetCell(p.start),
        offsetCell(p.end),
        link(`#/messages/${enc(d.name)}/${p.partition}`, T("messages"), {
          class: "messages-link",
        }),
      ],
    })),
    { id: "partitions-table" },
  );
}

function configsTable(d) {
  if (d.configsUnknown) return h("p", { class: "notice" }, T("configsUnknown"));
  return table(
    [T("colConfig"), T("colValue"), T("colSource")],
    d.configs.filter((c) => showDefaults || !c.isDefault).map((c) => ({
      attrs: { "data-config": c.name, "data-source": c.source },
      cells: [
        c.name,
        [c.value ?? "•••", "value"],
        h("span", { class: c.source === "topic" ? "pill leader" : "muted" }, T(SOURCES[c.source])),
      ],
    })),
    { id: "configs-table" },
  );
}

export const topic = {
  title: (name) => `${T("colTopic")} ${name}`,
  controls: () =>
    h(
      "label",
      { class: "row" },
      h("input", {
        type: "checkbox",
        checked: showDefaults,
        onchange: (e) => {
          showDefaults = e.target.checked;
          refresh();
        },
      }),
      T("showDefaults"),
    ),
  load: (name) => api(`topics/${enc(name)}`),
  view: (d) =>
    h(
      "div",
      {},
      leaderlessNotice(d.leaderless),
      partitionsTable(d),
      h("h2", {}, T("configs")),
      configsTable(d),
    ),
};
