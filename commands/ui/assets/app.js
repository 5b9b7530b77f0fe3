// kafka-lab console: plain JavaScript, no build step, no CDN. Every value from
// the cluster is put on the page as text (never as HTML).
import { api, banner, dialog, h, refresh, state, T } from "./core.js";
import { PAGES } from "./pages.js";

state.pages = PAGES;

function parseRoute() {
  const parts = location.hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(
    decodeURIComponent,
  );
  const name = parts[0] in PAGES ? parts[0] : "brokers";
  return { name, args: parts.slice(1) };
}

function renderNav() {
  const nav = document.getElementById("nav");
  const items = [["brokers", "navBrokers"], ["topics", "navTopics"], ["groups", "navGroups"], [
    "schemas",
    "navSchemas",
  ]];
  const route = state.route?.name;
  const section =
    { topic: "topics", messages: "topics", group: "groups", schema: "schemas" }[route] ?? route;
  nav.replaceChildren(
    ...items.map(([name, key]) =>
      h(
        "a",
        { href: `#/${name}`, class: section === name ? "active" : "", id: `nav-${name}` },
        T(key),
      )
    ),
  );
  document.getElementById("auto-label").textContent = T("autoRefresh");
  document.title = T("title");
  document.documentElement.lang = state.lang;
  for (const b of document.querySelectorAll("[data-lang]")) {
    b.classList.toggle("active", b.dataset.lang === state.lang);
  }
}

function schedule() {
  clearInterval(state.timer);
  const page = PAGES[state.route.name];
  if (!document.getElementById("auto").checked) return;
  state.timer = setInterval(() => {
    if (!dialog().open) refresh();
  }, page.every ?? 3000);
}

async function show() {
  state.route = parseRoute();
  renderNav();
  const page = PAGES[state.route.name];
  const main = document.getElementById("main");
  const controls = page.controls ? page.controls(...state.route.args) : "";
  const live = h("div", { id: "live" }, h("p", { class: "muted" }, T("loading")));
  main.replaceChildren(
    h("h1", { id: "page-title" }, page.title(...state.route.args)),
    ...(page.controlsBelow ? [live, controls] : [controls, live]),
  );
  await refresh();
  schedule();
}

async function start() {
  state.info = await api("info");
  state.lang = localStorage.getItem("kafka-lab-lang") ?? state.info.lang ?? "en";
  for (const b of document.querySelectorAll("[data-lang]")) {
    b.addEventListener("click", () => {
      state.lang = b.dataset.lang;
      localStorage.setItem("kafka-lab-lang", state.lang);
      show();
    });
  }
  document.getElementById("auto").addEventListener("change", schedule);
  addEventListener("hashchange", show);
  await show();
}

start().catch((err) => banner(String(err)));
