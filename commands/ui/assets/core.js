// kafka-lab console, the parts every page uses: the language table, element
// building, the API call (every call carries the token), banners and the refresh of
// the page on screen. Plain JavaScript, no build step, no CDN; values from the
// cluster go on the page as text, never as HTML.

const token = new URLSearchParams(location.search).get("token") ?? "";
/** The console's state; `pages` is set by app.js (pages.js imports this file). */
export const state = { info: null, lang: "en", timer: null, route: null, busy: null, pages: {} };

/** The word `key` in the current language, `{name}` placeholders filled. */
export function T(key, vars = {}) {
  const table = state.info?.texts?.[state.lang] ?? {};
  const text = table[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => name in vars ? String(vars[name]) : whole);
}

/** Builds an element: h("td", { class: "num" }, "42"). Strings become text nodes. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "value") el.value = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** A table: headers (text or [text, class]) and rows of cells (text, Node or [value, class]). */
export function table(headers, rows, attrs = {}) {
  const cell = (tag, c) => Array.isArray(c) ? h(tag, { class: c[1] }, c[0]) : h(tag, {}, c);
  return h(
    "table",
    attrs,
    h("thead", {}, h("tr", {}, headers.map((x) => cell("th", x)))),
    h("tbody", {}, rows.map((r) => h("tr", r.attrs ?? {}, r.cells.map((c) => cell("td", c))))),
  );
}

/** An API error with the server's text in both languages. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.en ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** Calls the API; every call carries the token, changes a JSON body too. */
export async function api(path, { method = "GET", body } = {}) {
  const init = { method, headers: { "x-kafka-lab-token": token } };
  if (method !== "GET") {
    init.headers["content-type"] = "application/json";
    init.body = JSON.stringify(body ?? {});
  }
  const res = await fetch(`/api/${path}`, init);
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

/** The error's text (and hint) in the current language. */
export function errorText(err) {
  const b = err instanceof ApiError ? err.body : undefined;
  const msg = b?.error?.[state.lang] ?? err.message;
  const hint = b?.hint?.[state.lang];
  return hint ? `${T("error")} ${msg} — ${T("hint")} ${hint}` : `${T("error")} ${msg}`;
}

/**
 * Shows a message above the page until the user dismisses it (×); the same
 * text is shown once. `banner(null)` removes every message.
 */
export function banner(text, kind = "error") {
  const box = document.getElementById("banner");
  if (!text) {
    box.replaceChildren();
    box.hidden = true;
    return;
  }
  const same = [...box.children].find((m) => m.dataset.text === text);
  if (same) return;
  const close = h("button", {
    type: "button",
    class: "dismiss",
    title: T("dismiss"),
    "aria-label": T("dismiss"),
    onclick: () => {
      msg.remove();
      box.hidden = box.children.length === 0;
    },
  }, "×");
  const msg = h(
    "div",
    { class: `msg ${kind === "info" ? "info" : "error"}` },
    h("span", {}, text),
    close,
  );
  msg.dataset.text = text;
  box.append(msg);
  box.hidden = false;
}

/** The open dialog element. */
export function dialog() {
  return document.getElementById("dialog");
}

/** Loads the page's data and draws its live part; the page's form (if any) stays. */
export async function refresh() {
  const route = state.route;
  const page = state.pages[route.name];
  if (state.busy === route) return;
  state.busy = route;
  try {
    const data = await page.load(...route.args);
    if (route !== state.route) return;
    const live = document.getElementById("live");
    live?.replaceChildren(page.view(data, ...route.args));
    const time = new Date().toLocaleTimeString(state.lang === "ru" ? "ru-RU" : "en-GB");
    document.getElementById("updated").textContent = T("updated", { time });
  } catch (err) {
    banner(errorText(err));
  } finally {
    if (state.busy === route) state.busy = null;
  }
}

/** "hello-kafka[0] (replicas on 1)" for each partition without a leader, joined. */
export function leaderlessList(list) {
  return list.map((p) => `${p.topic}[${p.partition}] (${T("replicasOn")} ${p.replicas.join(", ")})`)
    .join("; ");
}

/** A yellow notice naming the partitions without a leader, or nothing. */
export function leaderlessNotice(list) {
  if (!list || list.length === 0) return "";
  return h(
    "p",
    { class: "notice", id: "leaderless" },
    T("leaderlessNotice", { list: leaderlessList(list) }),
  );
}
