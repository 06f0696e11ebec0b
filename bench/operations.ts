// The reference operations, each written three ways over the same data: CityNet's API,
// PostGraphile 5's generated API (plus the bench schema's SQL functions), and the floor's one
// hand-written SQL statement that builds the response JSON. The suite checks CityNet's
// versions against the SQL-statement budget (packages/server/test/db/reference-operations.test.ts).

import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import {
  NetworkPageDocument,
  ProjectPageDocument,
  SearchDocument,
  TownPageDocument,
  TownWidgetDocument,
} from "../packages/sdk/src/generated/graphql.js";

/** The records the operations look at: busy ones in the benchmark data, seeded ones in tests. */
export interface Subjects {
  town: string;
  network: string;
  project: string;
  search: string;
  country: string;
  populationMin: number;
  partnerSearch: string;
  from: string;
  to: string;
}

export interface ReferenceOperation {
  name: string;
  description: string;
  citynet: { query: string; variables(s: Subjects, pageSize?: number): Record<string, unknown> };
  postgraphile: { query: string; variables(s: Subjects): Record<string, unknown> };
  /**
   * What people type into and click through (search, suggestions, the graph), measured on the
   * uncached monolith beside PostGraphile only: the response cache, the planner and the default
   * database are the pages' questions, and the floor runs PostGraphile's SQL functions.
   */
  interactive?: true;
  /** The floor's SQL: one statement returning one JSON value. */
  floor: { sql: string; params(s: Subjects): unknown[] };
}

/** Picks the text of a multilingual JSON array in one language, else the original. */
const NAME_SQL = (column: string) =>
  `coalesce((SELECT x->>'text' FROM jsonb_array_elements(${column}) x WHERE x->>'lang' = 'en' LIMIT 1), ${column}->0->>'text')`;

/** Towns by a text: exact > prefix > fuzzy, then population, first 10 of all matches. */
function townSearch(name: string, what: string, text: (s: Subjects) => string): ReferenceOperation {
  return {
    name,
    interactive: true,
    description: `towns by ${what} (exact > prefix > fuzzy, then population), first 10 of all matches`,
    citynet: {
      query: /* GraphQL */ `query Search($text: String!, $first: Int!) {
        search(text: $text, types: [TOWN], first: $first) {
          totalCount
          results { match matchedName entity { ... on Town { slug name population country { code } } } }
        }
      }`,
      variables: (s, pageSize = 10) => ({ text: text(s), first: pageSize }),
    },
    postgraphile: {
      query: /* GraphQL */ `query Search($text: String!) {
        benchSearchTowns(text: $text, first: 10) { totalCount nodes { slug name population countryCode } }
      }`,
      variables: (s) => ({ text: text(s) }),
    },
    floor: {
      sql: `SELECT json_build_object('totalCount', (SELECT count(*) FROM bench.search_towns($1)),
          'nodes', (SELECT coalesce(json_agg(json_build_object('slug', slug, 'name', name, 'population', population, 'country', "countryCode")), '[]')
                      FROM (SELECT * FROM bench.search_towns($1) LIMIT 10) t))`,
      params: (s) => [text(s)],
    },
  };
}

export const REFERENCE_OPERATIONS: ReferenceOperation[] = [
  {
    name: "town page",
    description: "a town with its country, network memberships, the 10 latest events it hosted and its projects",
    citynet: {
      query: /* GraphQL */ `query TownPage($slug: String!, $events: Int!) {
        town(slug: $slug) {
          slug name population country { code name(lang: "en") }
          memberships(first: 50) { totalCount edges { node { role network { slug name(lang: "en") } } } }
          hostedEvents(first: $events) { totalCount edges { node { slug name(lang: "en") date { start } } } }
          projects(first: 50) { totalCount edges { node { project { slug name(lang: "en") } } } }
        }
      }`,
      variables: (s, pageSize = 10) => ({ slug: s.town, events: pageSize }),
    },
    postgraphile: {
      query: /* GraphQL */ `query TownPage($slug: String!) {
        allTowns(condition: { slug: $slug }, first: 1) { nodes {
          slug name population countryByCountryCode { code names }
          membershipsByTownId(first: 50) { totalCount nodes { role networkByNetworkId { slug names } } }
          eventsByHostTownId(first: 10, orderBy: DATE_START_DESC) { totalCount nodes { slug names dateStart } }
          projectTownsByTownId(first: 50) { totalCount nodes { projectByProjectId { slug names } } }
        } }
      }`,
      variables: (s) => ({ slug: s.town }),
    },
    floor: {
      sql: `SELECT json_build_object('slug', t.slug, 'name', t.name, 'population', t.population,
          'country', (SELECT json_build_object('code', c.code, 'name', ${NAME_SQL("c.names")}) FROM "Country" c WHERE c.code = t."countryCode"),
          'memberships', (SELECT json_build_object('totalCount', count(*), 'nodes', coalesce(json_agg(json_build_object('role', m.role, 'network', json_build_object('slug', n.slug, 'name', ${NAME_SQL("n.names")}))), '[]'))
                            FROM (SELECT * FROM "Membership" WHERE "townId" = t.id ORDER BY id LIMIT 50) m JOIN "Network" n ON n.id = m."networkId"),
          'hostedEvents', json_build_object('totalCount', (SELECT count(*) FROM "Event" WHERE "hostTownId" = t.id),
                            'nodes', (SELECT coalesce(json_agg(json_build_object('slug', e.slug, 'name', ${NAME_SQL("e.names")}, 'start', e."dateStart")), '[]')
                                        FROM (SELECT * FROM "Event" WHERE "hostTownId" = t.id ORDER BY "dateStart" DESC NULLS LAST, id DESC LIMIT 10) e)),
          'projects', (SELECT json_build_object('totalCount', count(*), 'nodes', coalesce(json_agg(json_build_object('slug', p.slug, 'name', ${NAME_SQL("p.names")})), '[]'))
                         FROM (SELECT * FROM "ProjectTown" WHERE "townId" = t.id ORDER BY id LIMIT 50) pt JOIN "Project" p ON p.id = pt."projectId"))
        FROM "Town" t WHERE t.slug = $1`,
      params: (s) => [s.town],
    },
  },
  {
    name: "network page",
    description: "a network with its 25 members (towns with countries) and its conferences with their hosts",
    citynet: {
      query: /* GraphQL */ `query NetworkPage($slug: String!, $first: Int!) {
        network(slug: $slug) {
          slug name(lang: "en") foundedYear declaredMemberCount
          memberships(first: $first) { totalCount edges { node { role town { slug name population country { code } } } } }
          events(first: $first, order: DATE_DESC) { totalCount edges { node { slug name(lang: "en") date { start } hostTown { slug name } } } }
        }
      }`,
      variables: (s, pageSize = 100) => ({ slug: s.network, first: pageSize }),
    },
    postgraphile: {
      query: /* GraphQL */ `query NetworkPage($slug: String!) {
        allNetworks(condition: { slug: $slug }, first: 1) { nodes {
          slug names foundedYear declaredMemberCount
          membershipsByNetworkId(first: 100) { totalCount nodes { role townByTownId { slug name population countryCode } } }
          eventsByNetworkId(first: 100, orderBy: DATE_START_DESC) { totalCount nodes { slug names dateStart townByHostTownId { slug name } } }
        } }
      }`,
      variables: (s) => ({ slug: s.network }),
    },
    floor: {
      sql: `SELECT json_build_object('slug', n.slug, 'name', ${NAME_SQL("n.names")}, 'foundedYear', n."foundedYear", 'declaredMemberCount', n."declaredMemberCount",
          'memberships', (SELECT json_build_object('totalCount', count(*), 'nodes', coalesce(json_agg(json_build_object('role', m.role,
                              'town', json_build_object('slug', t.slug, 'name', t.name, 'population', t.population, 'country', t."countryCode"))), '[]'))
                            FROM (SELECT * FROM "Membership" WHERE "networkId" = n.id ORDER BY id LIMIT 100) m JOIN "Town" t ON t.id = m."townId"),
          'events', (SELECT json_build_object('totalCount', count(*), 'nodes', coalesce(json_agg(json_build_object('slug', e.slug, 'name', ${NAME_SQL("e.names")},
                              'start', e."dateStart", 'hostTown', json_build_object('slug', h.slug, 'name', h.name)) ORDER BY e."dateStart" DESC, e.id DESC), '[]'))
                       FROM (SELECT * FROM "Event" WHERE "networkId" = n.id ORDER BY "dateStart" DESC NULLS LAST, id DESC LIMIT 100) e LEFT JOIN "Town" h ON h.id = e."hostTownId"))
        FROM "Network" n WHERE n.slug = $1`,
      params: (s) => [s.network],
    },
  },
  townSearch("search", "a foreign spelling", (s) => s.search),
  // What a search box sends as one types, and a name in another script.
  townSearch("search, two letters", "the first two letters of a name", () => "Pa"),
  townSearch("search, Cyrillic", "a name in Cyrillic", () => "Луцьк"),
  {
    name: "filtered towns",
    description: "towns of one country above a population, largest first, 20 per page with totalCount and a cursor",
    citynet: {
      query: /* GraphQL */ `query Towns($country: String!, $populationMin: Int!, $first: Int!) {
        towns(filter: { countries: [$country], populationMin: $populationMin }, order: POPULATION_DESC, first: $first) {
          totalCount pageInfo { hasNextPage endCursor }
          edges { node { slug name population region country { code } } }
        }
      }`,
      variables: (s, pageSize = 20) => ({ country: s.country, populationMin: s.populationMin, first: pageSize }),
    },
    postgraphile: {
      query: /* GraphQL */ `query Towns($country: String!, $populationMin: Int!) {
        benchTownsFiltered(country: $country, populationMin: $populationMin, first: 20) {
          totalCount pageInfo { hasNextPage endCursor } nodes { slug name population region countryCode }
        }
      }`,
      variables: (s) => ({ country: s.country, populationMin: s.populationMin }),
    },
    floor: {
      sql: `SELECT json_build_object('totalCount', (SELECT count(*) FROM "Town" WHERE "countryCode" = $1 AND population >= $2),
          'nodes', (SELECT coalesce(json_agg(json_build_object('slug', slug, 'name', name, 'population', population, 'region', region, 'country', "countryCode")), '[]')
                      FROM (SELECT * FROM "Town" WHERE "countryCode" = $1 AND population >= $2 ORDER BY population DESC NULLS LAST, id LIMIT 21) t))`,
      params: (s) => [s.country, s.populationMin],
    },
  },
  {
    name: "partner suggestions",
    description: "the 10 best partner towns for a published partner search, scored over all European towns",
    interactive: true,
    citynet: {
      query: /* GraphQL */ `query PartnerSuggestions($search: String!, $first: Int!) {
        partnerSuggestions(partnerSearch: $search, first: $first) {
          score distanceKm town { slug name population country { code } } reasons { factor points }
        }
      }`,
      variables: (s, pageSize = 10) => ({ search: s.partnerSearch, first: pageSize }),
    },
    postgraphile: {
      query: /* GraphQL */ `query PartnerSuggestions($search: String!) {
        benchPartnerSuggestions(searchSlug: $search, n: 10) { nodes { townSlug townName population countryCode score distanceKm fit themes ties } }
      }`,
      variables: (s) => ({ search: s.partnerSearch }),
    },
    floor: {
      sql: `SELECT coalesce(json_agg(row_to_json(s)), '[]') FROM bench.partner_suggestions($1, 10) s`,
      params: (s) => [s.partnerSearch],
    },
  },
  {
    name: "connection",
    description: "the 3 shortest paths of cooperation between two towns (up to 3 hops) with what each step shares",
    interactive: true,
    citynet: {
      query: /* GraphQL */ `query Connection($from: String!, $to: String!, $first: Int!) {
        connection(from: $from, to: $to, maxHops: 3, first: $first) {
          hops towns { slug name }
          steps { from { kind } to { kind } via { __typename ... on Network { slug name(lang: "en") } ... on Project { slug name(lang: "en") } ... on Event { slug name(lang: "en") } ... on Agreement { slug name(lang: "en") } } }
        }
      }`,
      variables: (s, pageSize = 3) => ({ from: s.from, to: s.to, first: pageSize }),
    },
    postgraphile: {
      query: /* GraphQL */ `query Connection($from: String!, $to: String!) {
        benchConnection(fromSlug: $from, toSlug: $to, maxHops: 3, n: 3) { nodes }
      }`,
      variables: (s) => ({ from: s.from, to: s.to }),
    },
    floor: {
      sql: `SELECT coalesce(json_agg(p), '[]') FROM bench.connection($1, $2, 3, 3) p`,
      params: (s) => [s.from, s.to],
    },
  },
  {
    name: "neighbourhood",
    description: "a town's neighbourhood at one hop: every tie of the towns it shares a context with, with names",
    interactive: true,
    citynet: {
      query: /* GraphQL */ `query Neighbourhood($town: String!) {
        neighbourhood(town: $town, hops: 1) {
          edges {
            tie town { slug name }
            context { __typename ... on Network { slug name(lang: "en") } ... on Project { slug name(lang: "en") } ... on Event { slug name(lang: "en") } ... on Agreement { slug name(lang: "en") } }
          }
        }
      }`,
      variables: (s) => ({ town: s.town }),
    },
    postgraphile: {
      query: /* GraphQL */ `query Neighbourhood($town: String!) {
        benchNeighbourhood(townSlug: $town, hops: 1) { nodes }
      }`,
      variables: (s) => ({ town: s.town }),
    },
    floor: {
      sql: `SELECT coalesce(json_agg(n), '[]') FROM bench.neighbourhood($1, 1) n`,
      params: (s) => [s.town],
    },
  },
];

/**
 * One of the SDK's curated operations, with variables for the bench's subjects, and where it
 * has one, PostGraphile's equivalent: the same rows and columns through its generated schema
 * (plus bench/sql/functions.sql for citations and a town's events by day). PostGraphile has no
 * languages or date labels, so it sends every language's names and the raw date columns.
 */
export interface SdkOperation {
  name: string;
  document: TypedDocumentNode<unknown, never>;
  variables(s: Subjects): Record<string, unknown>;
  postgraphile?: { query: string; variables(s: Subjects): Record<string, unknown> };
}

const sdkOperation = <Variables extends Record<string, unknown>>(
  name: string,
  document: TypedDocumentNode<unknown, Variables>,
  variables: (s: Subjects) => Variables,
  postgraphile?: SdkOperation["postgraphile"],
): SdkOperation => ({ name, document: document as TypedDocumentNode<unknown, never>, variables, postgraphile });

/** The day the pages' upcoming and past events are split at: fixed, so every run asks the same. */
const TODAY = "2026-11-30";

const PG_CITED = /* GraphQL */ `fragment Cited on Citation {
  quote field
  sourceBySourceId { id key kind title licence url contributionsBySourceId { nodes { actorName role createdAt townByActingForTownId { id slug } } } }
}`;
const PG_TOWN_SUMMARY = /* GraphQL */ `fragment TownSummary on Town {
  id slug name population region latitude longitude countryByCountryCode { id code names }
}`;
const PG_EVENT_SUMMARY = /* GraphQL */ `fragment EventSummary on Event {
  id slug kind names theme online platform datePrecision dateStart dateEnd startsAt timeZone
  townByHostTownId { id slug name countryByCountryCode { id code } } networkByNetworkId { id slug names }
}`;
const PG_SEARCH_SUMMARY = /* GraphQL */ `fragment PartnerSearchSummary on PartnerSearch {
  id slug kind status validUntil postedOn description wantedPopulationMin wantedPopulationMax
  partnerSearchCountriesByPartnerSearchId(orderBy: COUNTRY_CODE_ASC) { nodes { countryByCountryCode { id code names } } }
  _partnerSearchToTopicsByA(orderBy: B_ASC) { nodes { topicByB { id slug names } } }
  townByTownId { id slug name countryByCountryCode { id code } }
}`;

/** What member towns' pages send through the SDK (packages/sdk/operations/), in English. */
export const SDK_OPERATIONS: SdkOperation[] = [
  sdkOperation("SDK townPage", TownPageDocument, (s) => ({ slug: s.town, today: TODAY, lang: "en" }), {
    query: /* GraphQL */ `query TownPage($slug: String!, $today: Date!) {
      allTowns(condition: { slug: $slug }, first: 1) { nodes {
        ...TownSummary subregion geonameId
        townNamesByTownId(orderBy: NAME_ASC) { nodes { name kind lang } }
        populationFiguresByTownId(orderBy: PRIMARY_KEY_ASC) { nodes { value qualifier statedOn sourceBySourceId { id key } } }
        membershipsByTownId(first: 50, orderBy: PRIMARY_KEY_ASC) { totalCount nodes {
          id role joinedPrecision joinedStart joinedEnd networkByNetworkId { id slug names declaredMemberCount } sources { nodes { ...Cited } } } }
        projectTownsByTownId(first: 50, orderBy: PRIMARY_KEY_ASC) { totalCount nodes { id projectByProjectId {
          id slug names periodPrecision periodStart periodEnd declaredTownCount budgetAmount budgetCurrency } } }
        partnerSearchesByTownId(first: 20, orderBy: [POSTED_ON_DESC, PRIMARY_KEY_ASC]) { totalCount nodes { ...PartnerSearchSummary } }
        sources { nodes { ...Cited } }
      } }
      upcomingEvents: benchTownEvents(townSlug: $slug, fromDay: $today, latestFirst: false, first: 20) { totalCount nodes { ...EventSummary } }
      pastEvents: benchTownEvents(townSlug: $slug, toDay: $today, latestFirst: true, first: 20) { totalCount nodes { ...EventSummary } }
    } ${PG_TOWN_SUMMARY} ${PG_CITED} ${PG_SEARCH_SUMMARY} ${PG_EVENT_SUMMARY}`,
    variables: (s) => ({ slug: s.town, today: TODAY }),
  }),
  sdkOperation("SDK townWidget", TownWidgetDocument, (s) => ({ slug: s.town, today: TODAY, lang: "en" }), {
    query: /* GraphQL */ `query TownWidget($slug: String!, $today: Date!) {
      allTowns(condition: { slug: $slug }, first: 1) { nodes {
        id slug name countryByCountryCode { id names }
        membershipsByTownId(first: 20, orderBy: PRIMARY_KEY_ASC) { nodes { id role networkByNetworkId { id slug names } } }
        partnerSearchesByTownId(first: 5, orderBy: [POSTED_ON_DESC, PRIMARY_KEY_ASC]) { nodes { ...PartnerSearchSummary } }
      } }
      nextEvents: benchTownEvents(townSlug: $slug, fromDay: $today, latestFirst: false, first: 5) { nodes { ...EventSummary } }
    } ${PG_SEARCH_SUMMARY} ${PG_EVENT_SUMMARY}`,
    variables: (s) => ({ slug: s.town, today: TODAY }),
  }),
  sdkOperation("SDK networkPage", NetworkPageDocument, (s) => ({ slug: s.network, lang: "en" }), {
    query: /* GraphQL */ `query NetworkPage($slug: String!) {
      allNetworks(condition: { slug: $slug }, first: 1) { nodes {
        id slug names description foundedYear townByInitiatorTownId { id slug name } declaredMemberCount meetingPattern
        networkCountriesByNetworkId(orderBy: COUNTRY_CODE_ASC) { nodes { countryByCountryCode { id code names } } }
        membershipsByNetworkId(first: 100, orderBy: PRIMARY_KEY_ASC) { totalCount pageInfo { hasNextPage endCursor }
          nodes { id role joinedPrecision joinedStart joinedEnd townByTownId { ...TownSummary } } }
        eventsByNetworkId(first: 100, orderBy: [DATE_START_DESC, PRIMARY_KEY_ASC]) { totalCount nodes { ...EventSummary } }
        sources { nodes { ...Cited } }
      } }
    } ${PG_TOWN_SUMMARY} ${PG_CITED} ${PG_EVENT_SUMMARY}`,
    variables: (s) => ({ slug: s.network }),
  }),
  sdkOperation("SDK projectPage", ProjectPageDocument, (s) => ({ slug: s.project, lang: "en" }), {
    query: /* GraphQL */ `query ProjectPage($slug: String!) {
      allProjects(condition: { slug: $slug }, first: 1) { nodes {
        id slug names description area goals budgetAmount budgetCurrency periodPrecision periodStart periodEnd periodNote declaredTownCount
        programmeByProgrammeId { id slug names } programmeByFundId { id slug acronym names }
        projectCountriesByProjectId(orderBy: COUNTRY_CODE_ASC) { nodes { countryByCountryCode { id code names } } }
        projectByPredecessorId { id slug names } projectsByPredecessorId { nodes { id slug names } }
        projectTownsByProjectId(first: 100, orderBy: PRIMARY_KEY_ASC) { totalCount nodes { id townByTownId { ...TownSummary } } }
        projectPartnersByProjectId(orderBy: PRIMARY_KEY_ASC) { nodes { id role organisationByOrganisationId { id slug names countryByCountryCode { id code } } } }
        events { nodes { ...EventSummary dateNote } }
        agreements { nodes { id slug kind names summary text declaredSignatoryCount } }
        sources { nodes { ...Cited } }
      } }
    } ${PG_TOWN_SUMMARY} ${PG_CITED} ${PG_EVENT_SUMMARY}`,
    variables: (s) => ({ slug: s.project }),
  }),
  sdkOperation("SDK search", SearchDocument, (s) => ({ text: s.search, lang: "en" })),
];
