// The partner finder: a partner search's criteria on a form (or one's own), and the suggested
// towns on the map and in a table with their explained scores.
import { client } from "../api.js";
import { h } from "../dom.js";
import { graphql } from "../generated/gql.js";
import { lang, t, type Word } from "../i18n.js";
import { townMap } from "../map.js";
import { href, navigate, type Route } from "../route.js";
import { table } from "../table.js";

const SearchCriteria = graphql(`
  query ExplorerPartnerSearch($slug: String!, $lang: String) {
    partnerSearch(slug: $slug) {
      id
      description(lang: $lang)
      wantedPopulationMin
      wantedPopulationMax
      wantedCountries { code }
      topics { slug }
      town { id slug name latitude longitude }
    }
  }
`);

const Town = graphql(`
  query ExplorerFinderTown($slug: String!) {
    town(slug: $slug) { id slug name latitude longitude }
  }
`);

const FIELDS: [name: string, word: Word, type: string][] = [
  ["town", "town", "text"],
  ["countries", "countries", "text"],
  ["topics", "topics", "text"],
  ["populationMin", "populationMin", "number"],
  ["populationMax", "populationMax", "number"],
  ["maxKm", "maxKm", "number"],
];

const numberOrNull = (value: string | null) => (value ? Number(value) : null);

export async function finderView(route: Route): Promise<HTMLElement> {
  const search = route.params.get("search");
  const criteria = search ? (await client.request(SearchCriteria, { slug: search, lang: lang() })).partnerSearch : null;
  const values: Record<string, string> = {
    town: criteria?.town.slug ?? route.params.get("town") ?? "",
    countries: criteria?.wantedCountries.map((c) => c.code).join(",") ?? route.params.get("countries") ?? "",
    topics: criteria?.topics.map((topic) => topic.slug).join(",") ?? route.params.get("topics") ?? "",
    populationMin: String(criteria?.wantedPopulationMin ?? route.params.get("populationMin") ?? ""),
    populationMax: String(criteria?.wantedPopulationMax ?? route.params.get("populationMax") ?? ""),
    maxKm: route.params.get("maxKm") ?? "",
  };
  const form = h(
    "form",
    {
      class: "finder-form",
      onsubmit: ((event: Event) => {
        event.preventDefault();
        const data = new FormData(event.target as HTMLFormElement);
        navigate("finder", "", Object.fromEntries(FIELDS.map(([name]) => [name, String(data.get(name) ?? "")])));
      }) as EventListener,
    },
    criteria ? h("p", { class: "criteria" }, `${criteria.town.name}: ${criteria.description ?? ""}`) : null,
    FIELDS.map(([name, word, type]) =>
      h(
        "p",
        {},
        h("label", { for: `finder-${name}` }, t(word)),
        h("input", { id: `finder-${name}`, name, type, value: values[name], required: name === "town" }),
      ),
    ),
    h("button", { type: "submit" }, t("find")),
  );
  const view = h("div", { class: "finder" }, h("h1", {}, t("partnerFinder")), form);
  const townSlug = values.town;
  if (!townSlug) return view;

  const list = (text: string) => (text ? text.split(",").map((item) => item.trim()) : null);
  const countries = list(values.countries)?.map((c) => c.toUpperCase()) ?? null;
  const topics = list(values.topics);
  const maxKm = numberOrNull(values.maxKm);
  const [{ partnerSuggestions }, subject] = await Promise.all([
    search
      ? client.partnerSuggestions({ partnerSearch: search, maxKm, first: 30, lang: lang() })
      : client.partnerSuggestions({
          criteria: {
            town: townSlug,
            countries,
            topics,
            populationMin: numberOrNull(values.populationMin),
            populationMax: numberOrNull(values.populationMax),
          },
          maxKm,
          first: 30,
          lang: lang(),
        }),
    criteria ? { town: criteria.town } : client.request(Town, { slug: townSlug }),
  ]);
  const exported = search
    ? { name: "partner-suggestions", params: { partnerSearch: search, maxKm } }
    : {
        name: "partner-candidates",
        params: {
          town: townSlug,
          countries,
          topics,
          populationMin: values.populationMin,
          populationMax: values.populationMax,
          maxKm,
        },
      };
  const home = subject.town;
  view.append(
    townMap(
      t("partnerFinder"),
      [
        ...(home ? [{ ...home, kind: "subject", colour: "#b3261e" }] : []),
        ...partnerSuggestions.map((s) => ({
          ...s.town,
          kind: "suggestion",
          colour: "#0b57d0",
          title: `${s.town.name}: ${t("score")} ${s.score.toFixed(2)}`,
        })),
      ],
      [
        { label: home?.name ?? townSlug, colour: "#b3261e" },
        { label: t("partners"), colour: "#0b57d0" },
      ],
    ),
    table(
      "suggestions",
      "partners",
      partnerSuggestions,
      [
        {
          label: "town",
          cell: (s) => h("a", { href: href("town", s.town.slug) }, `${s.town.name} (${s.town.country.code})`),
        },
        { label: "score", cell: (s) => s.score.toFixed(2) },
        { label: "distance", cell: (s) => `${Math.round(s.distanceKm)} km` },
        {
          label: "reasons",
          cell: (s) =>
            h(
              "ul",
              { class: "reasons" },
              s.reasons.map((r) => h("li", {}, r.explanation)),
            ),
        },
      ],
      exported,
    ),
  );
  return view;
}
