// A town's page: its facts with their sources, its lists, and a map of it and its partners.
import { client } from "../api.js";
import { h } from "../dom.js";
import { graphql } from "../generated/gql.js";
import { lang, t, valueLabel, type Word } from "../i18n.js";
import { type Marker, townMap } from "../map.js";
import { href, type Route } from "../route.js";
import { sources } from "../sources.js";
import { table } from "../table.js";

const TownPartners = graphql(`
  query ExplorerTownPartners($slug: String!, $lang: String) {
    town(slug: $slug) {
      id
      twinnings {
        id
        kind
        status
        since { text(lang: $lang) }
        towns { id slug name latitude longitude }
        sources { quote source { id key title } }
      }
    }
    neighbourhood(town: $slug, hops: 1) {
      edges {
        tie
        town { id slug name latitude longitude }
        context {
          __typename
          ... on Network { id slug name(lang: $lang) }
          ... on Project { id slug name(lang: $lang) }
          ... on Event { id slug name(lang: $lang) }
          ... on Agreement { id slug name(lang: $lang) }
        }
      }
    }
  }
`);

/** What a partner is to the town: its colour on the map and its legend's word. */
const PARTNER_KINDS = {
  subject: { colour: "#b3261e", word: null },
  twin: { colour: "#1b5e20", word: "twinnings" },
  "co-member": { colour: "#0b57d0", word: "memberships" },
  "project-partner": { colour: "#8e24aa", word: "projects" },
  other: { colour: "#5f6368", word: "events" },
} satisfies Record<string, { colour: string; word: Word | null }>;

type PartnerKind = keyof typeof PARTNER_KINDS;

export async function townView(route: Route): Promise<HTMLElement> {
  const slug = route.subject;
  const today = new Date().toISOString().slice(0, 10);
  const [{ town, upcomingEvents, pastEvents }, partners] = await Promise.all([
    client.townPage({ slug, lang: lang(), today }),
    client.request(TownPartners, { slug, lang: lang() }),
  ]);
  if (!town) return h("p", {}, t("notFound"));

  const markers = new Map<string, Marker>();
  const add = (m: Omit<Marker, "colour">) => {
    if (!markers.has(m.slug)) markers.set(m.slug, { ...m, colour: PARTNER_KINDS[m.kind as PartnerKind].colour });
  };
  add({ ...town, kind: "subject" });
  for (const twinning of partners.town?.twinnings ?? [])
    for (const twin of twinning.towns)
      if (twin.slug !== slug) add({ ...twin, kind: "twin", title: `${twin.name} — ${t("twinnings")}` });
  for (const edge of partners.neighbourhood.edges) {
    if (edge.town.slug === slug) continue;
    const context = edge.context;
    const kind =
      context.__typename === "Network" ? "co-member" : context.__typename === "Project" ? "project-partner" : "other";
    add({ ...edge.town, kind, title: `${edge.town.name} — ${"name" in context ? context.name : ""}` });
  }
  const legend = Object.values(PARTNER_KINDS).map(({ colour, word }) => ({
    label: word ? t(word) : town.name,
    colour,
  }));

  const facts = h(
    "dl",
    { class: "facts" },
    h("dt", {}, t("country")),
    h("dd", {}, town.country.name),
    h("dt", {}, t("region")),
    h("dd", {}, town.region ?? "—"),
    h("dt", {}, t("population")),
    h(
      "dd",
      {},
      town.population?.toLocaleString(lang()) ?? "—",
      town.populationFigures.map((figure) =>
        h(
          "span",
          { class: "figure" },
          ` · ${figure.value.toLocaleString(lang())} (${figure.statedOn ?? figure.qualifier ?? ""}, ${figure.source.key})`,
        ),
      ),
    ),
  );
  const names = town.alternateNames.length
    ? h(
        "p",
        { class: "names" },
        town.alternateNames.map((n) => `${n.name} (${n.lang ?? n.kind.toLowerCase()})`).join(", "),
      )
    : null;

  const events = [...upcomingEvents.edges, ...pastEvents.edges].map((e) => e.node);
  return h(
    "article",
    { class: "town", "data-slug": slug },
    h("h1", {}, town.name),
    names,
    facts,
    sources(town.sources),
    townMap(`${t("partnersMap")}: ${town.name}`, [...markers.values()], legend),
    table(
      "memberships",
      "memberships",
      town.memberships.edges.map((e) => e.node),
      [
        { label: "network", cell: (m) => h("a", { href: href("network", m.network.slug) }, m.network.name) },
        { label: "role", cell: (m) => valueLabel(m.role) },
        { label: "joined", cell: (m) => m.joined?.text },
        { label: "sources", cell: (m) => sources(m.sources) },
      ],
      { name: "town-memberships", params: { town: slug } },
    ),
    table(
      "events",
      "events",
      events,
      [
        { label: "date", cell: (e) => e.date?.text },
        { label: "name", cell: (e) => e.name },
        {
          label: "network",
          cell: (e) => (e.network ? h("a", { href: href("network", e.network.slug) }, e.network.name) : ""),
        },
      ],
      { name: "town-events", params: { town: slug } },
    ),
    table(
      "projects",
      "projects",
      town.projects.edges.map((e) => e.node.project),
      [
        { label: "name", cell: (p) => h("a", { href: href("record", p.id) }, p.name) },
        { label: "period", cell: (p) => p.period?.text },
      ],
      { name: "town-projects", params: { town: slug } },
    ),
    table(
      "partner-searches",
      "partnerSearches",
      town.partnerSearches.edges.map((e) => e.node),
      [
        { label: "date", cell: (s) => s.postedOn },
        { label: "kind", cell: (s) => valueLabel(s.kind) },
        { label: "description", cell: (s) => s.description },
        { label: "partnerFinder", cell: (s) => h("a", { href: href("finder", "", { search: s.slug }) }, t("find")) },
      ],
      { name: "town-partner-searches", params: { town: slug } },
    ),
    table(
      "twinnings",
      "twinnings",
      partners.town?.twinnings ?? [],
      [
        {
          label: "partners",
          cell: (tw) =>
            h(
              "span",
              {},
              tw.towns
                .filter((x) => x.slug !== slug)
                .map((x, i) => [i ? ", " : "", h("a", { href: href("town", x.slug) }, x.name)]),
            ),
        },
        { label: "kind", cell: (tw) => valueLabel(tw.kind) },
        { label: "since", cell: (tw) => tw.since?.text },
        { label: "sources", cell: (tw) => sources(tw.sources) },
      ],
      { name: "town-twinnings", params: { town: slug } },
    ),
    h("p", {}, h("a", { href: href("connection", "", { from: slug }) }, `${t("connection")} →`)),
  );
}
