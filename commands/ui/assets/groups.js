// The consumer group pages: the list, one group's lag, and the offset reset
// (a preview, then a confirmation dialog; the change carries the token).
import {
  api,
  banner,
  dialog,
  errorText,
  h,
  leaderlessNotice,
  refresh,
  state,
  T,
  table,
} from "./core.js";
import { assignmentChange, assignmentOf, groupMembers, offsetStrip, swatch } from "./draw.js";

const enc = encodeURIComponent;
const link = (hash, text, attrs = {}) => h("a", { href: hash, ...attrs }, text);

export const groups = {
  title: () => T("navGroups"),
  load: () => api("groups"),
  view: ({ groups: list, leaderless }) => {
    if (list.length === 0) return h("p", { class: "muted" }, T("noGroups"));
    return h(
      "div",
      {},
      leaderlessNotice(leaderless),
      table(
        [
          T("colGroup"),
          T("colState"),
          [T("colMembers"), "num"],
          [T("colLag"), "num"],
          T(
            "colTopics",
          ),
        ],
        list.map((g) => ({
          attrs: { "data-group": g.group },
          cells: [
            link(`#/group/${enc(g.group)}`, g.group),
            g.state,
            [String(g.members), "num"],
            [g.totalLag === null ? T("unknown") : String(g.totalLag), "num lag"],
            g.topics.join(", "),
          ],
        })),
        { id: "groups-table" },
      ),
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
  // The form is drawn once and stays while the page refreshes: a failed load (a topic deleted
  // meanwhile, a broker that did not answer) is tried again, or the list would stay empty.
  const fill = (attempt) =>
    api(`groups/${enc(group)}`).then((d) => {
      const names = [...new Set(d.partitions.map((p) => p.topic))];
      topicSelect.replaceChildren(...names.map((n) => h("option", { value: n }, n)));
    }).catch(() => {
      if (attempt < 10 && topicSelect.isConnected) setTimeout(() => fill(attempt + 1), 1000);
    });
  fill(1);
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

/** The last assignment seen per group, and the last change: the rebalance note. */
const seenAssignment = new Map();
const lastChange = new Map();

function rebalanceNote(d) {
  const now = assignmentOf(d);
  const before = seenAssignment.get(d.group);
  seenAssignment.set(d.group, now);
  if (before) {
    const lines = assignmentChange(before, now);
    if (lines.length > 0) {
      const time = new Date().toLocaleTimeString(state.lang === "ru" ? "ru-RU" : "en-GB");
      lastChange.set(d.group, { time, lines });
    }
  }
  const change = lastChange.get(d.group);
  if (!change) return "";
  return h(
    "div",
    { class: "notice", id: "rebalance" },
    h("strong", {}, T("rebalanceTitle", { time: change.time })),
    h("ul", {}, change.lines.map((l) => h("li", {}, l))),
  );
}

function membersPicture(d) {
  if (d.members.length === 0 && d.partitions.length === 0) return "";
  const { svg, topics } = groupMembers(d);
  return h(
    "div",
    { class: "card scroll" },
    svg,
    h(
      "div",
      { class: "row muted" },
      topics.map(([colour, t]) => h("span", {}, swatch(colour), ` ${t}`)),
    ),
  );
}

export const group = {
  title: (id) => `${T("colGroup")} ${id}`,
  controls: (id) => resetForm(id),
  controlsBelow: true,
  load: (id) => api(`groups/${enc(id)}`),
  view: (d) =>
    h(
      "div",
      {},
      leaderlessNotice(d.leaderless),
      d.unavailable.map((u) =>
        h(
          "p",
          { class: "notice" },
          T("topicUnavailable", { topic: u.topic, reason: u.reason[state.lang] ?? u.reason.en }),
        )
      ),
      h(
        "div",
        { class: "card kv" },
        h("span", { class: "muted" }, T("colState")),
        h("span", { id: "group-state" }, d.state),
        h("span", { class: "muted" }, T("colLag")),
        h("span", { id: "total-lag" }, T("totalLag", { lag: d.totalLag })),
      ),
      h("h2", {}, T("membersTitle")),
      rebalanceNote(d),
      membersPicture(d),
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
        [
          T("colTopic"),
          [T("colPartition"), "num"],
          [T("colCommitted"), "num"],
          [
            T("colEnd"),
            "num",
          ],
          [
            T("colLag"),
            "num",
          ],
          T("colStrip"),
          T("colMember"),
        ],
        d.partitions.map((p) => ({
          attrs: { "data-lag": `${p.topic}/${p.partition}` },
          cells: [
            link(`#/topic/${enc(p.topic)}`, p.topic),
            [String(p.partition), "num"],
            [p.committed ?? "-", "num"],
            [p.end, "num"],
            [p.lag === null ? "-" : String(p.lag), "num lag"],
            offsetStrip(p, 180),
            p.member ?? "-",
          ],
        })),
        { id: "lag-table" },
      ),
      h("p", { class: "muted" }, T("stripLegend")),
    ),
};
