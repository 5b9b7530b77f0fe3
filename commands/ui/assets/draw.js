// The console's pictures as SVG, built element by element (values as text,
// never as markup): the broker × partition grid, a partition's offset strip,
// and a group's members with the partitions each holds. Same symbols and
// colours as the terminal's (lib/draw/).
import { T } from "./core.js";

const NS = "http://www.w3.org/2000/svg";

/** An SVG element with attributes and children (strings become text). */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const COLOURS = {
  leader: "#1a7f37",
  follower: "#54aeff",
  outOfSync: "#cf222e",
  none: "#eef1f5",
  read: "#2da44e",
  lag: "#d4a72c",
  deleted: "#d0d7de",
  never: "#f2cc60",
};

/** What broker `id` holds of partition `p`: leader, follower, outOfSync or none. */
export function cellOf(p, id) {
  if (!p.replicas.includes(id)) return "none";
  if (p.leader === id) return "leader";
  return p.isr.includes(id) && p.leader >= 0 ? "follower" : "outOfSync";
}

function legend(y, items) {
  let x = 0;
  return items.map(([colour, text]) => {
    const g = s(
      "g",
      { transform: `translate(${x},${y})` },
      s("rect", { width: 14, height: 14, rx: 3, fill: colour }),
      s("text", { x: 20, y: 11, class: "svg-text" }, text),
    );
    x += 40 + text.length * 7;
    return g;
  });
}

const GRID = { cellW: 74, cellH: 20, headH: 40 };

/** The two header lines of a broker's column: its id and whether it is up, paused or down. */
function gridHeader(b, x) {
  const mid = x + GRID.cellW / 2 - 4;
  return [
    s(
      "text",
      { x: mid, y: 14, "text-anchor": "middle", class: "svg-head" },
      `${T("colBroker")} ${b.id}`,
    ),
    s(
      "text",
      { x: mid, y: 30, "text-anchor": "middle", class: b.up ? "svg-ok" : "svg-bad" },
      b.up ? T("up") : b.paused ? T("paused") : T("down"),
    ),
  ];
}

/** One partition's row: its label, a cell per broker, "no leader" at the end when so. */
function gridRow(r, first, brokers, labelW, y) {
  const { cellW, cellH } = GRID;
  const parts = [
    s("text", { x: 0, y: y + 14, class: "svg-text" }, first ? r.topic : ""),
    s("text", { x: labelW - 14, y: y + 14, "text-anchor": "end", class: "svg-text" }, r.partition),
  ];
  brokers.forEach((b, i) => {
    const cell = cellOf(r, b.id);
    const tip = `${r.topic}[${r.partition}] · ${T("colBroker")} ${b.id}: ${T(`cell_${cell}`)}`;
    parts.push(s("rect", {
      x: labelW + i * cellW,
      y: y + 2,
      width: cellW - 8,
      height: cellH - 4,
      rx: 3,
      fill: COLOURS[cell],
      "data-cell": `${r.topic}/${r.partition}/${b.id}`,
      "data-kind": cell,
    }, s("title", {}, tip)));
  });
  if (r.leader < 0) {
    parts.push(
      s(
        "text",
        { x: labelW + brokers.length * cellW, y: y + 14, class: "svg-bad" },
        `← ${T("noLeader")}`,
      ),
    );
  }
  return parts;
}

/**
 * The broker × partition grid: a column per broker (down or paused ones
 * marked), a row per partition of `topics`, each cell coloured by what the
 * broker holds.
 */
export function brokerGrid(brokers, topics) {
  const { cellW, cellH, headH } = GRID;
  const rows = topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, ...p })));
  const labelW = Math.max(80, ...rows.map((r) => (r.topic.length + 5) * 7.3));
  const legendW = 4 * 40 + ["cell_leader", "cell_follower", "cell_outOfSync", "cell_none"]
    .reduce((n, k) => n + T(k).length * 7, 0);
  const width = Math.max(labelW + brokers.length * cellW + 120, legendW);
  const height = headH + rows.length * cellH + 40;
  const svg = s("svg", {
    class: "picture",
    id: "broker-grid",
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-label": T("gridTitle"),
  });
  brokers.forEach((b, i) => svg.append(...gridHeader(b, labelW + i * cellW)));
  rows.forEach((r, j) => {
    const first = j === 0 || rows[j - 1].topic !== r.topic;
    svg.append(...gridRow(r, first, brokers, labelW, headH + j * cellH));
  });
  svg.append(...legend(headH + rows.length * cellH + 16, [
    [COLOURS.leader, T("cell_leader")],
    [COLOURS.follower, T("cell_follower")],
    [COLOURS.outOfSync, T("cell_outOfSync")],
    [COLOURS.none, T("cell_none")],
  ]));
  return svg;
}

/** Where `offset` falls on a strip `width` wide spanning 0..end. */
function at(offset, end, width) {
  if (end <= 0n) return 0;
  const o = offset < 0n ? 0n : offset > end ? end : offset;
  return Number((o * BigInt(width * 100)) / end) / 100;
}

/**
 * A partition as an offset strip: deleted (before the log start), read by the
 * group (up to its committed offset), lag (to the end); `committed` undefined
 * draws only the kept records (a topic's page).
 */
export function offsetStrip({ start, committed, end }, width = 220) {
  const e = BigInt(end ?? "0"), st = BigInt(start ?? "0");
  const h = 14;
  const svg = s("svg", { class: "strip", width, height: h, viewBox: `0 0 ${width} ${h}` });
  svg.append(s("rect", { x: 0, y: 0, width, height: h, rx: 3, fill: COLOURS.deleted }));
  const xs = at(st, e, width);
  if (e > 0n) {
    if (committed === undefined) {
      svg.append(s("rect", { x: xs, y: 0, width: width - xs, height: h, fill: COLOURS.follower }));
    } else if (committed === null) {
      svg.append(s("rect", { x: xs, y: 0, width: width - xs, height: h, fill: COLOURS.never }));
    } else {
      const xc = Math.max(xs, at(BigInt(committed), e, width));
      svg.append(
        s("rect", { x: xs, y: 0, width: xc - xs, height: h, fill: COLOURS.read, class: "read" }),
        s("rect", { x: xc, y: 0, width: width - xc, height: h, fill: COLOURS.lag, class: "lag" }),
      );
    }
  }
  const tip = committed === undefined
    ? T("stripTipTopic", { start, end })
    : T("stripTip", { start, committed: committed ?? "-", end });
  svg.append(s("title", {}, tip));
  return svg;
}

/** The strip's legend as text. */
export function stripLegend() {
  return T("stripLegend");
}

const PALETTE = ["#0969da", "#8250df", "#bf3989", "#1a7f37", "#9a6700", "#cf222e", "#57606a"];

/**
 * A group's members as boxes, each with a chip per partition it holds
 * (coloured by topic), and the partitions nobody holds in a last box.
 */
export function groupMembers(d) {
  const topics = [...new Set(d.partitions.map((p) => p.topic))];
  const colour = (t) => PALETTE[topics.indexOf(t) % PALETTE.length] ?? PALETTE[0];
  const boxes = d.members.map((m) => ({
    title: `${m.clientId} (${m.host})`,
    chips: Object.entries(m.assignment).flatMap(([t, ps]) => ps.map((p) => ({ t, p }))),
  }));
  const held = new Set(boxes.flatMap((b) => b.chips.map((c) => `${c.t}/${c.p}`)));
  const idle = d.partitions.filter((p) => !held.has(`${p.topic}/${p.partition}`))
    .map((p) => ({ t: p.topic, p: p.partition }));
  if (idle.length > 0) boxes.push({ title: T("unassigned"), chips: idle, idle: true });
  const boxW = 230, chipW = 52, chipH = 20, perRow = 4;
  const heights = boxes.map((b) =>
    34 + Math.max(1, Math.ceil(b.chips.length / perRow)) * (chipH + 4)
  );
  const width = Math.max(1, boxes.length) * (boxW + 12);
  const height = Math.max(40, ...heights) + 4;
  const svg = s("svg", {
    class: "picture",
    id: "group-members",
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
  });
  boxes.forEach((b, i) => {
    const x = i * (boxW + 12);
    const g = s("g", { transform: `translate(${x},0)`, "data-member": b.title });
    g.append(
      s("rect", {
        width: boxW,
        height: heights[i],
        rx: 8,
        fill: b.idle ? "#fff8c5" : "#f6f8fa",
        stroke: "#d0d7de",
      }),
      s("text", { x: 10, y: 20, class: "svg-head" }, b.title.slice(0, 30)),
    );
    b.chips.forEach((c, k) => {
      const cx = 10 + (k % perRow) * (chipW + 2);
      const cy = 30 + Math.floor(k / perRow) * (chipH + 4);
      g.append(
        s("rect", { x: cx, y: cy, width: chipW - 4, height: chipH, rx: 4, fill: colour(c.t) }),
        s(
          "text",
          { x: cx + (chipW - 4) / 2, y: cy + 14, "text-anchor": "middle", class: "svg-chip" },
          `${c.p}`,
        ),
        s("title", {}, `${c.t}[${c.p}]`),
      );
    });
    svg.append(g);
  });
  return { svg, topics: topics.map((t) => [colour(t), t]) };
}

/** The partitions each member holds, as `topic/partition` sets by member title. */
export function assignmentOf(d) {
  return new Map(
    d.members.map((m) => [
      `${m.clientId} (${m.host})`,
      new Set(Object.entries(m.assignment).flatMap(([t, ps]) => ps.map((p) => `${t}[${p}]`))),
    ]),
  );
}

/** What moved between two assignments: lines "member: +a -b". */
export function assignmentChange(before, after) {
  const lines = [];
  for (const who of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(who) ?? new Set();
    const now = after.get(who) ?? new Set();
    const gained = [...now].filter((x) => !was.has(x));
    const lost = [...was].filter((x) => !now.has(x));
    if (!after.has(who)) lines.push(T("memberLeft", { who }));
    else if (!before.has(who)) lines.push(T("memberJoined", { who, parts: [...now].join(" ") }));
    else if (gained.length > 0 || lost.length > 0) {
      lines.push(T("memberMoved", {
        who,
        gained: gained.join(" ") || "-",
        lost: lost.join(" ") || "-",
      }));
    }
  }
  return lines;
}

/** A small square of `colour` (an SVG: the page's policy forbids style attributes). */
export function swatch(colour) {
  return s(
    "svg",
    { class: "swatch", width: 12, height: 12, viewBox: "0 0 12 12" },
    s("rect", { width: 12, height: 12, rx: 3, fill: colour }),
  );
}
