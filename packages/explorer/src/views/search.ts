// The search box: any name, exonym or source spelling; results grouped by kind as you type.
import { client } from "../api.js";
import { h } from "../dom.js";
import { lang, t } from "../i18n.js";
import { href, navigate, type Route } from "../route.js";
import { downloads } from "../table.js";

type Result = Awaited<ReturnType<typeof client.search>>["search"]["results"][number];

function linkOf(entity: Result["entity"]): string {
  if (entity.__typename === "Town") return href("town", entity.slug);
  if (entity.__typename === "Network") return href("network", entity.slug);
  return href("record", entity.id);
}

function nameOf(entity: Result["entity"]): string {
  if (entity.__typename === "PartnerSearch") return `${entity.town.name}: ${entity.description ?? entity.slug}`;
  if (entity.__typename === "Town") return `${entity.name} (${entity.country.code})`;
  return entity.name;
}

export function searchView(route: Route): HTMLElement {
  const text = route.params.get("q") ?? "";
  const input = h("input", {
    type: "search",
    id: "search-input",
    name: "q",
    value: text,
    autocomplete: "off",
    placeholder: t("searchPlaceholder"),
    "aria-controls": "search-results",
  });
  const results = h("div", { id: "search-results", "aria-live": "polite" });
  let request = 0;
  const run = async (query: string) => {
    const mine = ++request;
    if (query.trim().length < 2) return results.replaceChildren();
    const { search } = await client.search({ text: query, first: 30, lang: lang() });
    if (mine !== request) return;
    const groups = new Map<string, Result[]>();
    for (const result of search.results)
      groups.set(result.entity.__typename, [...(groups.get(result.entity.__typename) ?? []), result]);
    results.replaceChildren(
      ...(search.results.length
        ? [...groups].map(([kind, items]) =>
            h(
              "section",
              { class: "group", "data-kind": kind },
              h("h2", {}, kind),
              h(
                "ul",
                {},
                items.map((item) =>
                  h(
                    "li",
                    {},
                    h("a", { href: linkOf(item.entity) }, nameOf(item.entity)),
                    item.matchedName !== nameOf(item.entity)
                      ? h("span", { class: "matched" }, ` — ${item.matchedName}`)
                      : "",
                  ),
                ),
              ),
            ),
          )
        : [h("p", { class: "empty" }, t("noResults"))]),
      downloads({ name: "search", params: { text: query } }),
    );
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    // The URL follows the text, so the results can be shared; replaceState keeps history short.
    timer = setTimeout(() => {
      history.replaceState(null, "", href("search", "", { q: input.value }));
      void run(input.value);
    }, 150);
  });
  const form = h(
    "form",
    {
      role: "search",
      onsubmit: ((event: Event) => {
        event.preventDefault();
        const first = results.querySelector("a");
        if (first) location.hash = first.getAttribute("href")!;
        else navigate("search", "", { q: input.value });
      }) as EventListener,
    },
    h("label", { for: "search-input" }, t("search")),
    input,
  );
  void run(text);
  queueMicrotask(() => input.focus());
  return h("div", { class: "search" }, h("h1", {}, t("search")), form, results);
}
