// The console's pages: each loads its data from the API and draws it.
import { api, banner, errorText, h, leaderlessNotice, refresh, T, table } from "./core.js";
import { group, groups } from "./groups.js";
import { topic } from "./topic.js";
import { messages } from "./messages.js";
import { brokerGrid } from "./draw.js";

const enc = encodeURIComponent;
const link = (hash, text, attrs = {}) => h("a", { href: hash, ...attrs }, text);

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
            h(
              "span",
              { class: b.up ? "ok" : "bad" },
              b.up ? T("up") : b.paused ? T("paused") : T("down"),
            ),
            b.inMetadata ? T("yes") : h("span", { class: "bad" }, T("no")),
            [String(b.leads), "num"],
            b.quorumLeader ? h("span", { class: "pill leader" }, T("roleQuorumLeader")) : "",
          ],
        })),
      ),
      h("h2", {}, T("gridTitle")),
      h(
        "div",
        { class: "card scroll" },
        brokerGrid(d.brokers, d.topics.filter((t) => !t.name.startsWith("__"))),
      ),
    ),
};

let showInternal = false;
function createForm() {
  const name = h("input", { type: "text", id: "new-topic-name", placeholder: "my-topic" });
  const partitions = h("input", {
    type: "number",
    id: "new-topic-partitions",
    min: 1,
    value: 3,
    class: "narrow",
  });
  const rf = h("input", {
    type: "number",
    id: "new-topic-rf",
    min: 1,
    value: 1,
    class: "narrow",
  });
  const create = async () => {
    try {
      const done = await api("topics", {
        method: "POST",
        body: {
          name: name.value.trim(),
          partitions: Number(partitions.value),
          replicationFactor: Number(rf.value),
        },
      });
      banner(T("topicCreated", { topic: done.name, partitions: done.partitions }), "info");
      await refresh();
    } catch (err) {
      banner(errorText(err));
    }
  };
  return h(
    "div",
    { class: "card" },
    h("h2", {}, T("createTopicTitle")),
    h(
      "div",
      { class: "row" },
      h("label", {}, `${T("colTopic")} `, name),
      h("label", {}, `${T("colPartitions")} `, partitions),
      h("label", {}, `${T("colReplication")} `, rf),
      h(
        "button",
        { type: "button", class: "primary", id: "new-topic-create", onclick: create },
        T(
          "createTopic",
        ),
      ),
    ),
  );
}

const topics = {
  title: () => T("navTopics"),
  controls: () =>
    h(
      "div",
      {},
      createForm(),
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
