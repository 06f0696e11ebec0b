// The explorer: one view per URL (route.ts), rendered from the API through the SDK.
import "./style.css";
import { CityNetGraphQLError } from "@citynet/sdk";
import { h } from "./dom.js";
import { setLang, t, type Word } from "./i18n.js";
import { currentRoute, href, navigate, type Route } from "./route.js";
import { connectionView } from "./views/connection.js";
import { finderView } from "./views/finder.js";
import { networkView } from "./views/network.js";
import { recordView } from "./views/record.js";
import { searchView } from "./views/search.js";
import { statisticsView } from "./views/statistics.js";
import { townView } from "./views/town.js";

const VIEWS: Record<string, (route: Route) => HTMLElement | Promise<HTMLElement>> = {
  "": searchView,
  search: searchView,
  town: townView,
  network: networkView,
  connection: connectionView,
  statistics: statisticsView,
  finder: finderView,
  record: recordView,
};

const MENU: [view: string, word: Word][] = [
  ["search", "search"],
  ["connection", "connection"],
  ["statistics", "statistics"],
  ["finder", "partnerFinder"],
];

const main = document.getElementById("view")!;
const nav = document.getElementById("views")!;
const languages = document.getElementById("lang") as HTMLSelectElement;

languages.addEventListener("change", () => {
  const route = currentRoute();
  navigate(route.view, route.subject, { ...Object.fromEntries(route.params), lang: languages.value });
});

let rendering = 0;

async function render() {
  const route = currentRoute();
  const mine = ++rendering;
  languages.value = setLang(route.params.get("lang"));
  document.getElementById("lang-label")!.textContent = t("language");
  nav.replaceChildren(
    ...MENU.map(([view, word]) =>
      h("a", { href: href(view), "aria-current": route.view === view ? "page" : null }, t(word)),
    ),
  );
  main.setAttribute("aria-busy", "true");
  main.replaceChildren(h("p", { class: "loading" }, t("loading")));
  let content: HTMLElement;
  try {
    content = await (VIEWS[route.view] ?? searchView)(route);
  } catch (error) {
    const notFound =
      error instanceof CityNetGraphQLError && error.errors.some((e) => e.extensions?.code === "NOT_FOUND");
    content = h(
      "p",
      { class: "error", role: "alert" },
      notFound ? t("notFound") : `${t("error")} ${(error as Error).message}`,
    );
  }
  if (mine !== rendering) return;
  main.replaceChildren(content);
  main.removeAttribute("aria-busy");
  const heading = content.querySelector("h1")?.textContent;
  document.title = heading ? `${heading} — CityNet explorer` : "CityNet explorer";
  // Tests and scripts wait for this: the view has its data.
  main.dataset.view = route.view || "search";
  main.dataset.ready = String(mine);
}

window.addEventListener("hashchange", () => void render());
void render();
