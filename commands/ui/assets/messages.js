// The messages page: the newest records of one partition or of all, a filter
// over what is loaded (key, value, headers), and a live tail that asks every
// second and marks the records that are new since the last look.
import { api, h, refresh, T, table } from "./core.js";

const enc = encodeURIComponent;
const link = (hash, text, attrs = {}) => h("a", { href: hash, ...attrs }, text);

let messageLimit = 50;
let filter = "";
let live = false;
let last = null;
/** `partition/offset` of every record already shown, to mark the new ones. */
let seen = new Set();
let seenTopic = "";

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

function matches(r, needle) {
  if (!needle) return true;
  const text = [JSON.stringify(r.key), JSON.stringify(r.value), JSON.stringify(r.headers)]
    .join(" ").toLowerCase();
  return text.includes(needle.toLowerCase());
}

function redraw() {
  const box = document.getElementById("live");
  if (box && last) box.replaceChildren(messages.view(last));
}

function partitionChoice(name, p, partitions) {
  return h(
    "select",
    {
      id: "partition",
      onchange: (e) => {
        location.hash = `#/messages/${enc(name)}/${enc(e.target.value)}`;
      },
    },
    h("option", { value: "all", selected: p === "all" }, T("allPartitions")),
    partitions.map((n) => h("option", { value: n, selected: String(n) === p }, String(n))),
  );
}

export const messages = {
  title: (name, p) =>
    p === "all"
      ? T("messagesOfAll", { topic: name })
      : T("messagesOf", { topic: name, partition: p }),
  get every() {
    return live ? 1000 : 5000;
  },
  controls: (name, p) => {
    const select = partitionChoice(name, p, []);
    api(`topics/${enc(name)}`).then((d) => {
      select.replaceWith(partitionChoice(name, p, d.partitions.map((x) => x.partition)));
    }).catch(() => {});
    return h(
      "div",
      { class: "row" },
      link(`#/topic/${enc(name)}`, `← ${T("back")}`),
      h("label", {}, `${T("colPartition")} `, select),
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
      h("input", {
        type: "search",
        id: "filter",
        placeholder: T("filterPlaceholder"),
        value: filter,
        oninput: (e) => {
          filter = e.target.value;
          redraw();
        },
      }),
      h(
        "label",
        {},
        h("input", {
          type: "checkbox",
          id: "live-tail",
          checked: live,
          onchange: (e) => {
            live = e.target.checked;
            // app.js schedules the refresh again when #auto changes.
            const auto = document.getElementById("auto");
            if (live) auto.checked = true;
            auto.dispatchEvent(new Event("change"));
          },
        }),
        ` ${T("liveTail")}`,
      ),
    );
  },
  load: async (name, p) => {
    const d = await api(
      `topics/${enc(name)}/messages?partition=${enc(p)}&limit=${messageLimit}`,
    );
    const key = `${name}/${p}`;
    const fresh = seenTopic === key;
    if (!fresh) {
      seen = new Set();
      seenTopic = key;
    }
    d.newKeys = new Set(
      d.records.map((r) => `${r.partition}/${r.offset}`).filter((k) => fresh && !seen.has(k)),
    );
    for (const r of d.records) seen.add(`${r.partition}/${r.offset}`);
    last = d;
    return d;
  },
  view: (d) => {
    if (d.records.length === 0) return h("p", { class: "muted" }, T("noMessages"));
    const shown = d.records.filter((r) => matches(r, filter));
    const all = d.partition === "all";
    return h(
      "div",
      {},
      filter
        ? h(
          "p",
          { class: "muted", id: "filter-count" },
          T("filterCount", {
            shown: shown.length,
            loaded: d.records.length,
          }),
        )
        : "",
      table(
        [
          ...(all ? [[T("colPartition"), "num"]] : []),
          [T("colOffset"), "num"],
          T("colTime"),
          T("colKey"),
          T("colValue"),
          T("colHeaders"),
        ],
        shown.map((r) => ({
          attrs: {
            "data-offset": r.offset,
            "data-record": `${r.partition}/${r.offset}`,
            class: d.newKeys?.has(`${r.partition}/${r.offset}`) ? "new" : "",
          },
          cells: [
            ...(all ? [[String(r.partition), "num"]] : []),
            [r.offset, "num"],
            r.time.replace("T", " ").replace("Z", ""),
            [showValue(r.keyFormat, r.key), "value"],
            [showValue(r.valueFormat, r.value, r.schemaId), "value"],
            [Object.entries(r.headers).map(([k, v]) => `${k}=${v}`).join("\n"), "value"],
          ],
        })),
        { id: "messages-table" },
      ),
    );
  },
};
