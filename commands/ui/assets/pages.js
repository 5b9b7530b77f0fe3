// The console's pages: each loads its data from the API and draws it.
import { api, h, leaderlessNotice, refresh, T, table } from "./core.js";
import { group, groups } from "./groups.js";
import { topic } from "./topic.js";

const enc = encodeURIComponent;
const link = (hash, text, attrs = {}) => h("a", { href: hash, ...attrs }, text);

function showValue(format, value, schemaId) {
  if (format === "null") return h("span", { class: "muted" }, "null");
  const text = format === "json" || format === "registry"
    ? JSON.stringify(value, null, 1)
    : format === "hex"
    ? `0x${value}`
    : String(value);
  return format === "registry"
    ? [h("span", { class: "pill" }, T("schemaId", { id: schemaId })), " ", text]
    : text;
}

const brokers = {
  title: () => T("navBrokers"),
  load: () => api("brokers"),
  view: (d) =>
    h(
      "div",
      {},
      h(
        "div",
        { class: "card kv" },
        h("span", { class: "muted" }, T("clusterId")),
        h("span", {}, d.clusterId),
        h("span", { class: "muted" }, T("quorumLeader")),
        h(
          "span",
          { id: "quorum-leader" },
          d.quorumLeader === null ? T("quorumUnknown") : String(d.quorumLeader),
        ),
      ),
      leaderlessNotice(d.leaderless),
      table(
        [T("colBroker"), T("colAddress"), T("colStatus"), T("colInMetadata"), [
          T("colLeads"),
          "num",
        ], T("colRole")],
        d.brokers.map((b) => ({
          attrs: { "data-broker": b.id },
          cells: [
            String(b.id),
            b.address,
            h("span", { class: b.up ? "ok" : "bad" }, b.up ? T("up") : T("down")),
            b.inMetadata ? T("yes") : h("span", { class: "bad" }, T("no")),
            [String(b.leads), "num"],
            b.quorumLeader ? h("span", { class: "pill leader" }, T("roleQuorumLeader")) : "",
          ],
        })),
      ),
    ),
};

let showInternal = false;
const topics = {
  title: () => T("navTopics"),
  controls: () =>
    h(
      "label",
      { class: "row" },
      h("input", {
        type: "checkbox",
        id: "show-internal",
        checked: showInternal,
        onchange: (e) => {
          showInternal = e.target.checked;
          refresh();
        },
      }),
      T("showInternal"),
    ),
  load: () => api("topics"),
  view: (list) => {
    const shown = list.filter((t) => showInternal || !t.internal);
    if (shown.length === 0) return h("p", { class: "muted" }, T("noTopics"));
    const broken = list.flatMap((t) =>
      t.leaderless.map((p) => ({ topic: t.name, partition: p, replicas: [] }))
    );
    return h(
      "div",
      {},
      broken.length > 0
        ? h(
          "p",
          { class: "notice", id: "leaderless" },
          T("leaderlessNotice", {
            list: broken.map((p) => `${p.topic}[${p.partition}]`).join(", "),
          }),
        )
        : "",
      table(
        [
          T("colTopic"),
          [T("colPartitions"), "num"],
          [T("colReplication"), "num"],
          [T("colRecords"), "num"],
          [T("colUnderReplicated"), "num"],
        ],
        shown.map((t) => ({
          attrs: { "data-topic": t.name },
          cells: [
            link(`#/topic/${enc(t.name)}`, t.name),
            [String(t.partitions), "num"],
            [String(t.replicationFactor), "num"],
            [
              t.records === null
                ? h("span", { class: "bad", title: T("unknownOffsets") }, T("unknown"))
                : String(t.records),
              "num",
            ],
            [
              h(
                "span",
                { class: t.underReplicated > 0 ? "bad" : "muted" },
                String(t.underReplicated),
              ),
              "num",
            ],
          ],
        })),
        { id: "topics-table" },
      ),
    );
  },
};

let messageLimit = 50;
const messages = {
  title: (name, p) => T("messagesOf", { topic: name, partition: p }),
  every: 5000,
  controls: (name) =>
    h(
      "div",
      { class: "row" },
      link(`#/topic/${enc(name)}`, `← ${T("back")}`),
      h("span", { class: "muted" }, T("newestFirst")),
      h(
        "label",
        {},
        `${T("limit")} `,
        h(
          "select",
          {
            id: "limit",
            onchange: (e) => {
              messageLimit = Number(e.target.value);
              refresh();
            },
          },
          [20, 50, 100, 200].map((n) =>
            h("option", { value: n, selected: n === messageLimit }, String(n))
          ),
        ),
      ),
    ),
  load: (name, p) => api(`topics/${enc(name)}/messages?partition=${enc(p)}&limit=${messageLimit}`),
  view: (d) => {
    if (d.records.length === 0) return h("p", { class: "muted" }, T("noMessages"));
    return table(
      [[T("colOffset"), "num"], T("colTime"), T("colKey"), T("colValue"), T("colHeaders")],
      d.records.map((r) => ({
        attrs: { "data-offset": r.offset },
        cells: [
          [r.offset, "num"],
          r.time.replace("T", " ").replace("Z", ""),
          [showValue(r.keyFormat, r.key), "value"],
          [showValue(r.valueFormat, r.value, r.schemaId), "value"],
          [Object.entries(r.headers).map(([k, v]) => `${k}=${v}`).join("\n"), "value"],
        ],
      })),
      { id: "messages-table" },
    );
  },
};

const schemas = {
  title: () => T("navSchemas"),
  load: () => api("schemas"),
  view: (list) => {
    if (list.length === 0) return h("p", { class: "muted" }, T("noSubjects"));
    return table(
      [T("colSubject"), T("colVersions")],
      list.map((s) => ({
        attrs: { "data-subject": s.subject },
        cells: [
          s.subject,
          s.versions.map((v) => [link(`#/schema/${enc(s.subject)}/${v}`, String(v)), " "]),
        ],
      })),
    );
  },
};

const schema = {
  title: (subject, v) => `${subject} · ${T("colVersion")} ${v}`,
  every: 15000,
  load: (subject, v) => api(`schemas/${enc(subject)}/${enc(v)}`),
  view: (s) => {
    let pretty = s.schema;
    try {
      pretty = JSON.stringify(JSON.parse(s.schema), null, 2);
    } catch {
      // not JSON (e.g. protobuf): shown as stored
    }
    return h(
      "div",
      {},
      h(
        "div",
        { class: "card kv" },
        h("span", { class: "muted" }, T("colId")),
        h("span", {}, String(s.id)),
        h("span", { class: "muted" }, T("colType")),
        h("span", {}, s.schemaType),
      ),
      h("pre", { class: "card value", id: "schema-text" }, pretty),
    );
  },
};

/** Every page by the first word of its address (#/topics, #/group/g1...). */
export const PAGES = { brokers, topics, topic, messages, groups, group, schemas, schema };
