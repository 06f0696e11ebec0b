// A network's page: members on the map coloured by the year they joined, conferences on a
// timeline and per year, and the members it declares beside those the documents name.
import { client } from "../api.js";
import { barChart } from "../chart.js";
import { h, svg } from "../dom.js";
import { graphql } from "../generated/gql.js";
import { lang, t, valueLabel } from "../i18n.js";
import { townMap } from "../map.js";
import { href, type Route } from "../route.js";
import { sources } from "../sources.js";
import { table } from "../table.js";

const NetworkExplorer = graphql(`
  query ExplorerNetwork($slug: String!, $lang: String, $after: String) {
    network(slug: $slug) {
      id
      name(lang: $lang)
      description(lang: $lang)
      foundedYear
      declaredMemberCount
      sources { quote source { id key title } }
      memberships(first: 100, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          node {
            id
            role
            joined { start text(lang: $lang) }
            town { id slug name latitude longitude country { code } }
            sources { quote source { id key title } }
          }
        }
      }
      events(first: 100, order: DATE_ASC) {
        edges { node { id slug name(lang: $lang) theme(lang: $lang) date { start text(lang: $lang) } hostTown { slug name } } }
      }
    }
    statistics { eventsPerYear(network: $slug) { year count } }
  }
`);

const UNKNOWN_YEAR = "#9aa0a6";

/** From light to dark blue over the years members joined. */
function yearColour(year: number, first: number, last: number): string {
  const share = last === first ? 1 : (year - first) / (last - first);
  const lightness = Math.round(75 - share * 50);
  return `hsl(215, 70%, ${lightness}%)`;
}

function timeline(events: { name: string; date?: { start?: string | null; text?: string | null } | null }[]) {
  const dated = events.filter((e) => e.date?.start);
  const years = dated.map((e) => Number(e.date!.start!.slice(0, 4)));
  if (!years.length) return null;
  const [first, last] = [Math.min(...years), Math.max(...years)];
  const width = 720;
  const x = (year: number) => 30 + ((year - first) / Math.max(1, last - first)) * (width - 60);
  const perYear = new Map<number, number>();
  return svg(
    "svg",
    { viewBox: `0 0 ${width} 120`, role: "img", "aria-label": t("events"), class: "timeline" },
    svg("line", { x1: 30, y1: 90, x2: width - 30, y2: 90 }),
    [first, last].map((year) => svg("text", { x: x(year), y: 110, "text-anchor": "middle" }, year)),
    dated.map((event, i) => {
      const year = years[i];
      const stack = perYear.get(year) ?? 0;
      perYear.set(year, stack + 1);
      return svg(
        "circle",
        { class: "event", cx: x(year), cy: 80 - stack * 12, r: 5 },
        svg("title", {}, `${event.date?.text ?? year}: ${event.name}`),
      );
    }),
  );
}

export async function networkView(route: Route): Promise<HTMLElement> {
  const slug = route.subject;
  const first = await client.request(NetworkExplorer, { slug, lang: lang() });
  const network = first.network;
  if (!network) return h("p", {}, t("notFound"));
  const members = network.memberships.edges.map((e) => e.node);
  for (let page = network.memberships.pageInfo; page.hasNextPage; ) {
    const next = await client.request(NetworkExplorer, { slug, lang: lang(), after: page.endCursor });
    members.push(...(next.network?.memberships.edges.map((e) => e.node) ?? []));
    page = next.network?.memberships.pageInfo ?? { hasNextPage: false, endCursor: null };
  }
  const joinedYear = (m: (typeof members)[number]) => (m.joined?.start ? Number(m.joined.start.slice(0, 4)) : null);
  const years = members.map(joinedYear).filter((y): y is number => y != null);
  const [firstYear, lastYear] = [Math.min(...years), Math.max(...years)];
  const colourOf = (year: number | null) => (year == null ? UNKNOWN_YEAR : yearColour(year, firstYear, lastYear));
  const legend = [...new Set(years)]
    .sort()
    .map((year) => ({ label: String(year), colour: colourOf(year) }))
    .concat(members.some((m) => joinedYear(m) == null) ? [{ label: t("unknownYear"), colour: UNKNOWN_YEAR }] : []);
  const events = network.events.edges.map((e) => e.node);

  return h(
    "article",
    { class: "network", "data-slug": slug },
    h("h1", {}, network.name),
    network.description ? h("p", {}, network.description) : null,
    sources(network.sources),
    h(
      "p",
      { class: "declared", id: "declared-named" },
      `${t("declaredNamed")}: ${network.declaredMemberCount ?? "—"} / ${network.memberships.totalCount}`,
    ),
    townMap(
      `${t("membersByYear")}: ${network.name}`,
      members.map((m) => ({
        ...m.town,
        kind: "member",
        colour: colourOf(joinedYear(m)),
        title: `${m.town.name} — ${t("joined")}: ${m.joined?.text ?? t("unknownYear")}`,
      })),
      legend,
    ),
    h(
      "section",
      { class: "list", "aria-labelledby": "timeline-title" },
      h("h2", { id: "timeline-title" }, t("events")),
      timeline(events),
    ),
    barChart(
      "conferences-per-year",
      t("conferencesPerYear"),
      "year",
      first.statistics.eventsPerYear.map((y) => ({ label: String(y.year), value: y.count })),
      { name: "events-per-year", params: { network: slug } },
    ),
    table(
      "members",
      "members",
      members,
      [
        { label: "town", cell: (m) => h("a", { href: href("town", m.town.slug) }, m.town.name) },
        { label: "country", cell: (m) => m.town.country.code },
        { label: "role", cell: (m) => valueLabel(m.role) },
        { label: "joined", cell: (m) => m.joined?.text },
        { label: "sources", cell: (m) => sources(m.sources) },
      ],
      { name: "network-members", params: { network: slug } },
    ),
    table(
      "network-events",
      "events",
      events,
      [
        { label: "date", cell: (e) => e.date?.text },
        { label: "name", cell: (e) => e.name },
        {
          label: "town",
          cell: (e) => (e.hostTown ? h("a", { href: href("town", e.hostTown.slug) }, e.hostTown.name) : ""),
        },
      ],
      { name: "network-events", params: { network: slug } },
    ),
  );
}
