// The console's pages: each loads its data from the API and draws it.
import { api, banner, dialog, errorText, h, refresh, T, table } from "./app.js";

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
    return table(
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
          [String(t.records), "num"],
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
    );
  },
};

let showDefaults = false;
const topic = {
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
      table(
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
            [String(p.leader), "num"],
            p.replicas.join(", "),
            h("span", { class: p.isr.length < p.replicas.length ? "bad" : "" }, p.isr.join(", ")),
            [p.start, "num"],
            [p.end, "num"],
            link(`#/messages/${enc(d.name)}/${p.partition}`, T("messages"), {
              class: "messages-link",
            }),
          ],
        })),
      ),
      h("h2", {}, T("configs")),
      table(
        [T("colConfig"), T("colValue")],
        d.configs.filter((c) => showDefaults || !c.isDefault).map((c) => ({
          cells: [c.name, [
            [
              c.value ?? "•••",
              c.isDefault ? h("span", { class: "muted" }, ` (${T("defaultValue")})`) : "",
            ],
            "value",
          ]],
        })),
      ),
    ),
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

const groups = {
  title: () => T("navGroups"),
  load: () => api("groups"),
  view: (list) => {
    if (list.length === 0) return h("p", { class: "muted" }, T("noGroups"));
    return table(
      [T("colGroup"), T("colState"), [T("colMembers"), "num"], T("colTopics")],
      list.map((g) => ({
        attrs: { "data-group": g.group },
        cells: [
          link(`#/group/${enc(g.group)}`, g.group),
          g.state,
          [String(g.members), "num"],
          g.topics.join(", "),
        ],
      })),
    );
  },
};

function resetForm(group) {
  const to = h(
    "select",
    { id: "reset-to" },
    h("option", { value: "earliest" }, T("toEarliest")),
    h("option", { value: "latest" }, T("toLatest")),
    h("option", { value: "offset" }, T("toOffset")),
    h("option", { value: "time" }, T("toTime")),
  );
  const arg = h("input", {
    type: "text",
    id: "reset-arg",
    placeholder: "0 | 2026-11-23T09:00:00Z",
    size: 24,
  });
  const topicSelect = h("select", { id: "reset-topic" });
  api(`groups/${enc(group)}`).then((d) => {
    const names = [...new Set(d.partitions.map((p) => p.topic))];
    topicSelect.replaceChildren(...names.map((n) => h("option", { value: n }, n)));
  }).catch(() => {});
  const position = () =>
    to.value === "offset"
      ? `offset:${arg.value.trim()}`
      : to.value === "time"
      ? `time:${arg.value.trim()}`
      : to.value;
  const preview = async () => {
    try {
      const plan = await api(`groups/${enc(group)}/reset`, {
        method: "POST",
        body: { topic: topicSelect.value, to: position(), dryRun: true },
      });
      confirmReset(group, plan);
    } catch (err) {
      banner(errorText(err));
    }
  };
  return h(
    "div",
    { class: "card" },
    h("h2", {}, T("resetTitle")),
    h(
      "div",
      { class: "row" },
      h("label", {}, `${T("colTopic")} `, topicSelect),
      h("label", {}, `${T("resetTo")} `, to),
      arg,
      h(
        "button",
        { type: "button", class: "primary", id: "reset-preview", onclick: preview },
        T("preview"),
      ),
    ),
  );
}

function confirmReset(group, plan) {
  const d = dialog();
  const apply = async () => {
    try {
      const done = await api(`groups/${enc(group)}/reset`, {
        method: "POST",
        body: { topic: plan.topic, to: plan.to, dryRun: false },
      });
      d.close();
      banner(T("resetDone", { group, topic: done.topic, to: done.to }), "info");
      await refresh();
    } catch (err) {
      d.close();
      banner(errorText(err));
    }
  };
  d.replaceChildren(
    h("p", {}, T("confirmQuestion", { group, topic: plan.topic, to: plan.to })),
    table(
      [[T("colPartition"), "num"], [T("colCurrent"), "num"], [T("colNew"), "num"], [
        T("colLagAfter"),
        "num",
      ]],
      plan.rows.map((r) => ({
        cells: [[String(r.partition), "num"], [r.current ?? "-", "num"], [r.target, "num"], [
          String(r.lagAfter),
          "num",
        ]],
      })),
    ),
    h(
      "div",
      { class: "row" },
      h(
        "button",
        { type: "button", class: "danger", id: "reset-confirm", onclick: apply },
        T("resetButton"),
      ),
      h("button", { type: "button", class: "plain", onclick: () => d.close() }, T("cancel")),
    ),
  );
  d.showModal();
}

const group = {
  title: (id) => `${T("colGroup")} ${id}`,
  controls: (id) => resetForm(id),
  controlsBelow: true,
  load: (id) => api(`groups/${enc(id)}`),
  view: (d) =>
    h(
      "div",
      {},
      h(
        "div",
        { class: "card kv" },
        h("span", { class: "muted" }, T("colState")),
        h("span", { id: "group-state" }, d.state),
        h("span", { class: "muted" }, T("colLag")),
        h("span", { id: "total-lag" }, T("totalLag", { lag: d.totalLag })),
      ),
      h("h2", {}, T("membersTitle")),
      d.members.length === 0 ? h("p", { class: "muted" }, T("noMembers")) : table(
        [T("colClient"), T("colHost"), T("colAssignment")],
        d.members.map((m) => ({
          cells: [
            m.clientId,
            m.host,
            Object.entries(m.assignment).map(([t, ps]) => `${t}[${ps.join(",")}]`).join(" "),
          ],
        })),
      ),
      d.members.length > 0 ? h("p", { class: "warn" }, T("groupActive")) : "",
      h("h2", {}, T("colPartitions")),
      table(
        [T("colTopic"), [T("colPartition"), "num"], [T("colCommitted"), "num"], [
          T("colEnd"),
          "num",
        ], [
          T("colLag"),
          "num",
        ], T("colMember")],
        d.partitions.map((p) => ({
          attrs: { "data-lag": `${p.topic}/${p.partition}` },
          cells: [
            link(`#/topic/${enc(p.topic)}`, p.topic),
            [String(p.partition), "num"],
            [p.committed ?? "-", "num"],
            [p.end, "num"],
            [p.lag === null ? "-" : String(p.lag), "num lag"],
            p.member ?? "-",
          ],
        })),
        { id: "lag-table" },
      ),
    ),
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
