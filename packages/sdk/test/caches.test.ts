// The curated operations through the normalized caches frontend teams run — Apollo Client's
// InMemoryCache and urql's graphcache — configured with what the SDK ships, against a live
// server: after every operation in two languages has run, each one still reads complete and
// unchanged from the cache, nothing warns, and relay-style pages merge into one list.
import { ApolloClient, HttpLink, InMemoryCache, type TypePolicies } from "@apollo/client";
import { relayStylePagination } from "@apollo/client/utilities";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { Client, fetchExchange } from "@urql/core";
import { cacheExchange } from "@urql/exchange-graphcache";
import { relayPagination } from "@urql/exchange-graphcache/extras";
import { afterEach, beforeEach, expect, inject, it, vi } from "vitest";
import {
  apolloTypePolicies,
  ConnectionDocument,
  connectionKeyArgs,
  EventListDocument,
  FundingCallsOpenDocument,
  graphcacheKeys,
  graphcacheSchema,
  NetworkPageDocument,
  NewsDocument,
  PartnerSearchesDocument,
  PartnerSuggestionsDocument,
  ProjectPageDocument,
  possibleTypes,
  SearchDocument,
  TownPageDocument,
  TownsDocument,
  TownWidgetDocument,
} from "../src/index.js";

const endpoint = inject("endpoint");
const today = "2026-11-21";
type Read = [TypedDocumentNode<unknown, Record<string, unknown>>, Record<string, unknown>];

/** Every curated read, in two languages: overlapping records, different texts. */
const READS: Read[] = ["en", "cs"].flatMap((lang): Read[] =>
  (
    [
      [TownPageDocument, { slug: "opava", today }],
      [TownWidgetDocument, { slug: "opava", today }],
      [TownPageDocument, { slug: "wolomin", today }],
      [NetworkPageDocument, { slug: "medium-sized-cities" }],
      [ProjectPageDocument, { slug: "city-cooperation" }],
      [SearchDocument, { text: "Pasov" }],
      [SearchDocument, { text: "Opava" }],
      [EventListDocument, { filter: { yearFrom: 2013, yearTo: 2020 }, order: "DATE_ASC" }],
      [PartnerSearchesDocument, {}],
      [FundingCallsOpenDocument, { today }],
      [NewsDocument, {}],
      [TownsDocument, { filter: { countries: ["CZ"] }, first: 5 }],
      [ConnectionDocument, { from: "opava", to: "brno" }],
      [PartnerSuggestionsDocument, { partnerSearch: "montefranco-2019-partner-town", first: 3 }],
    ] as Read[]
  ).map(([document, variables]): Read => [document, { ...variables, lang }]),
);

const nameOf = (document: Read[0]) =>
  (document.definitions[0] as { name?: { value: string } }).name?.value ?? "anonymous";

let warnings: unknown[][];
beforeEach(() => {
  warnings = [];
  for (const level of ["warn", "error"] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void warnings.push(args));
});
afterEach(() => vi.restoreAllMocks());

const apolloClient = (typePolicies: TypePolicies = apolloTypePolicies) =>
  new ApolloClient({
    link: new HttpLink({ uri: endpoint }),
    cache: new InMemoryCache({ possibleTypes, typePolicies }),
  });

it("Apollo Client: every curated operation in two languages still reads complete from the cache", async () => {
  const client = apolloClient();
  const answers: unknown[] = [];
  for (const [query, variables] of READS) {
    const { data, error } = await client.query({ query, variables, fetchPolicy: "network-only" });
    expect(error, nameOf(query)).toBeUndefined();
    answers.push(data);
  }
  READS.forEach(([query, variables], i) => {
    const label = `${nameOf(query)} ${JSON.stringify(variables)}`;
    expect(client.readQuery({ query, variables }), label).toEqual(answers[i]);
  });
  expect(warnings).toEqual([]);
});

it("Apollo Client: relayStylePagination over connectionKeyArgs merges pages into one list", async () => {
  const client = apolloClient({
    ...apolloTypePolicies,
    Query: { fields: { towns: relayStylePagination(connectionKeyArgs.Query.towns) } },
  });
  const variables = { order: "NAME" as const, first: 5 };
  const first = await client.query({ query: TownsDocument, variables });
  const page = first.data!.towns;
  expect(page.pageInfo.hasNextPage).toBe(true);
  const observable = client.watchQuery({ query: TownsDocument, variables });
  observable.subscribe(() => {});
  await observable.fetchMore({ variables: { after: page.pageInfo.endCursor } });
  const merged = client.readQuery({ query: TownsDocument, variables })!.towns;
  const ten = await apolloClient().query({ query: TownsDocument, variables: { ...variables, first: 10 } });
  expect(merged.edges.map((e) => e.node.slug)).toEqual(ten.data!.towns.edges.map((e) => e.node.slug));
  expect(merged.edges).toHaveLength(10);
  expect(warnings).toEqual([]);
});

const urqlClient = (resolvers = {}) =>
  new Client({
    url: endpoint,
    // POST, as Apollo sends: the server refuses a GET without a CSRF header (see README).
    preferGetMethod: false,
    exchanges: [cacheExchange({ keys: graphcacheKeys, schema: graphcacheSchema, resolvers }), fetchExchange],
  });

it("urql graphcache: every curated operation in two languages still reads complete from the cache", async () => {
  const client = urqlClient();
  const answers: unknown[] = [];
  for (const [query, variables] of READS) {
    const { data, error } = await client.query(query, variables, { requestPolicy: "network-only" }).toPromise();
    expect(error, nameOf(query)).toBeUndefined();
    answers.push(data);
  }
  READS.forEach(([query, variables], i) => {
    const label = `${nameOf(query)} ${JSON.stringify(variables)}`;
    const cached = client.readQuery(query, variables);
    expect(cached?.stale, label).toBe(false);
    expect(cached?.data, label).toEqual(answers[i]);
  });
  expect(warnings).toEqual([]);
});

it("urql graphcache: relayPagination merges the next page into the list", async () => {
  const client = urqlClient({ Query: { towns: relayPagination() } });
  const variables = { order: "NAME" as const, first: 5 };
  const first = await client.query(TownsDocument, variables).toPromise();
  const after = first.data!.towns.pageInfo.endCursor;
  const second = await client.query(TownsDocument, { ...variables, after }).toPromise();
  const ten = await urqlClient()
    .query(TownsDocument, { ...variables, first: 10 })
    .toPromise();
  expect(second.data!.towns.edges.map((e) => e.node.slug)).toEqual(ten.data!.towns.edges.map((e) => e.node.slug));
  expect(second.data!.towns.edges).toHaveLength(10);
  expect(warnings).toEqual([]);
});
