// The statistics as charts, each with its table and its downloads.
import { client } from "../api.js";
import { barChart } from "../chart.js";
import { h } from "../dom.js";
import { graphql } from "../generated/gql.js";
import { lang, t, valueLabel } from "../i18n.js";
import { navigate, type Route } from "../route.js";

const Statistics = graphql(`
  query ExplorerStatistics($network: String!, $lang: String) {
    statistics {
      eventsPerYear { year count }
      eventsPerSeason { season count }
      networkMembersPerCountry(network: $network) { country { code name(lang: $lang) } count }
      perProgramme: projectsBy(grouping: PROGRAMME) { programme { slug name(lang: $lang) } projects }
      perFund: projectsBy(grouping: FUND) { programme { slug name(lang: $lang) } projects }
      townsPerCountry { country { code name(lang: $lang) } towns }
    }
    networks(first: 50) { edges { node { slug name(lang: $lang) } } }
  }
`);

export async function statisticsView(route: Route): Promise<HTMLElement> {
  const network = route.params.get("network") ?? "medium-sized-cities";
  const { statistics, networks } = await client.request(Statistics, { network, lang: lang() });
  const picker = h(
    "select",
    {
      id: "statistics-network",
      onchange: ((event: Event) =>
        navigate("statistics", "", { network: (event.target as HTMLSelectElement).value })) as EventListener,
    },
    networks.edges.map(({ node }) => h("option", { value: node.slug, selected: node.slug === network }, node.name)),
  );
  return h(
    "div",
    { class: "statistics" },
    h("h1", {}, t("statistics")),
    barChart(
      "events-per-year",
      t("eventsPerYear"),
      "year",
      statistics.eventsPerYear.map((y) => ({ label: String(y.year), value: y.count })),
      { name: "events-per-year", params: {} },
    ),
    barChart(
      "events-per-season",
      t("eventsPerSeason"),
      "season",
      statistics.eventsPerSeason.map((s) => ({ label: valueLabel(s.season), value: s.count })),
      { name: "events-per-season", params: {} },
    ),
    h("p", {}, h("label", { for: "statistics-network" }, t("network")), " ", picker),
    barChart(
      "members-per-country",
      t("membersPerCountry"),
      "country",
      statistics.networkMembersPerCountry.map((c) => ({ label: c.country.name, value: c.count })),
      { name: "network-members-per-country", params: { network } },
    ),
    (
      [
        ["PROGRAMME", "projects-per-programme", "projectsPerProgramme", "programme", statistics.perProgramme],
        ["FUND", "projects-per-fund", "projectsPerFund", "fund", statistics.perFund],
      ] as const
    ).map(([grouping, id, title, label, groups]) =>
      barChart(
        id,
        t(title),
        label,
        groups.map((p) => ({ label: p.programme?.name ?? "—", value: p.projects })),
        { name: "projects-by", params: { grouping } },
      ),
    ),
    barChart(
      "towns-per-country",
      t("townsPerCountry"),
      "country",
      statistics.townsPerCountry.map((c) => ({ label: c.country.name, value: c.towns })),
      { name: "towns-per-country", params: {} },
    ),
  );
}
