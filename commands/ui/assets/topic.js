// A topic's page: partitions (with the leaderless ones named), configs with
// where each value comes from, and the changes a student makes there:
// produce a record, set or remove a config, delete the topic. Every change
// carries the token (core.js api()).
import { api, banner, dialog, errorText, h, leaderlessNotice, refresh, T, table } from "./core.js";
import { brokerGrid, offsetStrip } from "./draw.js";

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
      T("colStrip"),
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
        p.end === null
          ? ""
          : offsetStrip({ start: p.start, committed: undefined, end: p.end }, 160),
        link(`#/messages/${enc(d.name)}/${p.partition}`, T("messages"), {
          class: "messages-link",
        }),
      ],
    })),
    { id: "partitions-table" },
  );
}

async function setConfig(topic, name, value) {
  try {
    await api(`topics/${enc(topic)}/configs`, { method: "POST", body: { name, value } });
    banner(
      value === null ? T("configRemoved", { name }) : T("configSet", { name, value }),
      "info",
    );
    await refresh();
  } catch (err) {
    banner(errorText(err));
  }
}

function editConfig(topic, c) {
  const d = dialog();
  const input = h("input", { type: "text", id: "config-value", value: c.value ?? "", size: 30 });
  d.replaceChildren(
    h("p", {}, T("editConfigQuestion", { name: c.name, topic })),
    h("p", { class: "muted" }, `${T("colSource")}: ${T(SOURCES[c.source])}`),
    h("div", { class: "row" }, input),
    h(
      "div",
      { class: "row" },
      h("button", {
        type: "button",
        class: "primary",
        id: "config-save",
        onclick: () => {
          d.close();
          setConfig(topic, c.name, input.value);
        },
      }, T("save")),
      c.source === "topic"
        ? h("button", {
          type: "button",
          class: "plain",
          id: "config-remove",
          onclick: () => {
            d.close();
            setConfig(topic, c.name, null);
          },
        }, T("removeFromTopic"))
        : "",
      h("button", { type: "button", class: "plain", onclick: () => d.close() }, T("cancel")),
    ),
  );
  d.showModal();
}

function configsTable(d) {
  if (d.configsUnknown) return h("p", { class: "notice" }, T("configsUnknown"));
  return table(
    [T("colConfig"), T("colValue"), T("colSource"), ""],
    d.configs.filter((c) => showDefaults || !c.isDefault).map((c) => ({
      attrs: { "data-config": c.name, "data-source": c.source },
      cells: [
        c.name,
        [c.value ?? "•••", "value"],
        h("span", { class: c.source === "topic" ? "pill leader" : "muted" }, T(SOURCES[c.source])),
        c.readOnly || c.value === null ? "" : h("button", {
          type: "button",
          class: "plain small",
          onclick: () => editConfig(d.name, c),
        }, T("edit")),
      ],
    })),
    { id: "configs-table" },
  );
}

/** Header lines `k=v` as an object. */
function parseHeaders(text) {
  const headers = {};
  for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const i = line.indexOf("=");
    if (i <= 0) throw new Error(T("badHeader", { line }));
    headers[line.slice(0, i)] = line.slice(i + 1);
  }
  return headers;
}

function produceForm(topic) {
  const key = h("input", { type: "text", id: "produce-key", placeholder: T("colKey"), size: 16 });
  const value = h("textarea", {
    id: "produce-value",
    rows: 3,
    cols: 50,
    placeholder: T("colValue"),
  });
  const headers = h("textarea", {
    id: "produce-headers",
    rows: 2,
    cols: 30,
    placeholder: "trace-id=42",
  });
  const partition = h("input", {
    type: "number",
    id: "produce-partition",
    min: 0,
    placeholder: T("anyPartition"),
    class: "narrow",
  });
  const send = async () => {
    try {
      const done = await api(`topics/${enc(topic)}/records`, {
        method: "POST",
        body: {
          key: key.value,
          value: value.value,
          headers: parseHeaders(headers.value),
          partition: partition.value === "" ? null : Number(partition.value),
        },
      });
      banner(T("produced", { partition: done.partition, offset: done.offset }), "info");
      await refresh();
    } catch (err) {
      banner(errorText(err));
    }
  };
  return h(
    "div",
    { class: "card", id: "produce" },
    h("h2", {}, T("produceTitle")),
    h(
      "div",
      { class: "row" },
      h("label", {}, `${T("colKey")} `, key),
      h("label", {}, `${T("colPartition")} `, partition),
    ),
    h("div", { class: "row" }, h("label", { class: "stack" }, T("colValue"), value)),
    h("div", { class: "row" }, h("label", { class: "stack" }, T("headersHelp"), headers)),
    h("button", { type: "button", class: "primary", id: "produce-send", onclick: send }, T("send")),
  );
}

function configForm(topic) {
  const name = h("input", { type: "text", id: "new-config-name", placeholder: "retention.ms" });
  const value = h("input", { type: "text", id: "new-config-value", placeholder: "3600000" });
  return h(
    "div",
    { class: "card" },
    h("h2", {}, T("setConfigTitle")),
    h(
      "div",
      { class: "row" },
      name,
      "=",
      value,
      h("button", {
        type: "button",
        class: "primary",
        id: "new-config-set",
        onclick: () => setConfig(topic, name.value.trim(), value.value.trim()),
      }, T("save")),
    ),
  );
}

function confirmDelete(topic) {
  const d = dialog();
  const typed = h("input", { type: "text", id: "delete-name", placeholder: topic });
  const remove = async () => {
    if (typed.value !== topic) return;
    try {
      await api(`topics/${enc(topic)}`, { method: "DELETE", body: {} });
      d.close();
      banner(T("topicDeleted", { topic }), "info");
      location.hash = "#/topics";
    } catch (err) {
      d.close();
      banner(errorText(err));
    }
  };
  d.replaceChildren(
    h("p", {}, T("deleteQuestion", { topic })),
    h("div", { class: "row" }, typed),
    h(
      "div",
      { class: "row" },
      h(
        "button",
        { type: "button", class: "danger", id: "delete-confirm", onclick: remove },
        T(
          "deleteTopic",
        ),
      ),
      h("button", { type: "button", class: "plain", onclick: () => d.close() }, T("cancel")),
    ),
  );
  d.showModal();
}

/** The registered brokers and those holding the topic's replicas, in the grid's shape. */
function gridBrokers(d) {
  const ids = [...new Set([...d.up, ...d.partitions.flatMap((p) => p.replicas)])]
    .sort((a, b) => a - b);
  return ids.map((id) => ({ id, up: d.up.includes(id) }));
}

export const topic = {
  title: (name) => `${T("colTopic")} ${name}`,
  controlsBelow: true,
  controls: (name) =>
    h(
      "div",
      {},
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
      configForm(name),
      produceForm(name),
      h(
        "div",
        { class: "card" },
        h("button", {
          type: "button",
          class: "danger",
          id: "delete-topic",
          onclick: () => confirmDelete(name),
        }, T("deleteTopic")),
      ),
    ),
  load: (name) => api(`topics/${enc(name)}`),
  view: (d) =>
    h(
      "div",
      {},
      leaderlessNotice(d.leaderless),
      h(
        "div",
        { class: "row" },
        link(`#/messages/${enc(d.name)}/all`, T("allPartitions"), { id: "all-messages" }),
      ),
      partitionsTable(d),
      h("h2", {}, T("gridTitle")),
      h("div", { class: "card scroll" }, brokerGrid(gridBrokers(d), [d])),
      h("h2", {}, T("configs")),
      configsTable(d),
    ),
};
