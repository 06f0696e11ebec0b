// Every curated operation through the SDK against a live server, asserting real data.
import { expect, inject, it } from "vitest";
import { createClient, paginate } from "../src/index.js";

const client = createClient({ endpoint: inject("endpoint"), lang: "en" });

it("townPage: Opava with its network, hosted conference and sources", async () => {
  const { town, upcomingEvents, pastEvents } = await client.townPage({ slug: "opava", today: "2026-11-21" });
  expect(town).toMatchObject({ name: "Opava", country: { code: "CZ", name: "Czech Republic" } });
  expect(town.memberships.edges.map((e) => [e.node.role, e.node.joined?.text, e.node.network.slug])).toEqual([
    ["MEMBER", "December 2004", "medium-sized-cities"],
  ]);
  expect(town.memberships.edges[0].node.sources[0].source.key).toBe("000_f836775315a78a45.txt");
  expect(upcomingEvents.totalCount).toBe(0);
  expect(pastEvents.edges.map((e) => [e.node.date?.text, e.node.theme])).toEqual([
    ["spring 2013", "Foreign cooperation of cities"],
  ]);
});

it("townPage in Czech: the reader's language comes from the variables", async () => {
  const { town } = await client.townPage({ slug: "wolomin", today: "2026-11-21", lang: "cs" });
  expect(town.partnerSearches.edges[0].node.topics.map((t) => t.name)).toEqual([
    "životní prostředí",
    "kultura",
    "nakládání s půdou",
  ]);
});

it("networkPage: founding members and the 16 conferences with their hosts", async () => {
  const { network } = await client.networkPage({ slug: "medium-sized-cities" });
  expect(network).toMatchObject({
    foundedYear: 1995,
    declaredMemberCount: 34,
    initiatorTown: { name: "Sankt Pölten" },
  });
  expect(network.memberships.totalCount).toBe(8);
  expect(network.events.totalCount).toBe(16);
  expect(network.events.edges[0].node).toMatchObject({
    date: { text: "spring 2016" },
    hostTown: { name: "Sankt Pölten" },
  });
});

it("eventList: a calendar of 2020 events", async () => {
  const { events } = await client.eventList({ filter: { yearFrom: 2020, yearTo: 2020 }, order: "DATE_ASC" });
  expect(events.edges.map((e) => e.node.slug)).toEqual(["cemr-congress-2020", "historic-cities-forum-2020"]);
});

it("projectPage: City Cooperation with budget, period and towns", async () => {
  const { project } = await client.projectPage({ slug: "city-cooperation" });
  expect(project).toMatchObject({
    budget: { amount: "1800000.00", currency: "EUR" },
    period: { text: "May 2008 – October 2012" },
    declaredTownCount: 24,
    successor: { slug: "city-cooperation-ii" },
  });
  expect(project.towns.totalCount).toBe(8);
});

it("partnerSearches, fundingCallsOpen, news, towns, townWidget", async () => {
  const { partnerSearches } = await client.partnerSearches({ filter: { kind: "TWINNING" } });
  expect(partnerSearches.edges.map((e) => e.node.town.slug)).toEqual(["wolomin", "montefranco"]);
  const { fundingCalls } = await client.fundingCallsOpen({ today: "2020-01-02" });
  // EUKI is published only on 10 January 2020, so it is not open yet on the 2nd.
  expect(fundingCalls.edges.map((e) => e.node.slug)).toEqual([
    "clrae-young-people-2020",
    "norway-grants-bilateral-fund-second-call",
  ]);
  const { news } = await client.news({ first: 2 });
  expect(news.edges[0].node).toMatchObject({ publishedOn: "2020-02-14", publisher: { slug: "smo-cr" } });
  const { towns } = await client.towns({ filter: { countries: ["AT"] }, order: "POPULATION_DESC", first: 3 });
  expect(towns.edges.map((e) => e.node.name)).toEqual(["Innsbruck", "Sankt Pölten", "Wels"]);
  const widget = await client.townWidget({ slug: "montefranco", today: "2019-01-01" });
  expect(widget.town.partnerSearches.edges[0].node).toMatchObject({
    wantedPopulationMin: 1000,
    wantedPopulationMax: 5000,
  });
});

it("paginate() walks a whole connection page by page", async () => {
  const names: string[] = [];
  for await (const town of paginate(
    (after) => client.towns({ first: 10, after }),
    (result) => result.towns,
  ))
    names.push(town.name);
  expect(names).toHaveLength(33);
  expect(new Set(names).size).toBe(33);
});

it("search: exonyms and source spellings find the town", async () => {
  const { search } = await client.search({ text: "Pasov" });
  expect(search.results[0]).toMatchObject({
    match: "EXACT",
    matchedName: "Pasov",
    entity: { __typename: "Town", slug: "passau" },
  });
  const projects = await client.search({ text: "city cooperaton", types: ["PROJECT"] });
  expect(projects.search.results.map((r) => (r.entity.__typename === "Project" ? r.entity.slug : null))).toContain(
    "city-cooperation",
  );
});

it("partnerSuggestions: candidates for Montefranco with reasons", async () => {
  const { partnerSuggestions } = await client.partnerSuggestions({
    partnerSearch: "montefranco-2019-partner-town",
    first: 3,
  });
  expect(partnerSuggestions).toHaveLength(3);
  for (const s of partnerSuggestions) {
    expect(s.town.population).toBeGreaterThanOrEqual(1000);
    expect(s.town.population).toBeLessThanOrEqual(5000);
    expect(s.reasons).toHaveLength(5);
  }
});

it("connection: Opava and Brno share the medium-sized cities network", async () => {
  const { connection } = await client.connection({ from: "opava", to: "brno" });
  const [step] = connection[0].steps;
  expect(step.via).toMatchObject({ __typename: "Network", slug: "medium-sized-cities" });
  expect(step.from.sources[0].source.key).toBe("000_f836775315a78a45.txt");
});
