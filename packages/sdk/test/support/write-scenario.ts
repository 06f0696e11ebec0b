// The contributions issue's walk-through, as a member town's site and a partner portal would
// run it with the SDK: keys from the CLI, a partner search posted for Opava, interest expressed
// by another town, seen by Opava's editor only, both facts citing their contributor, and a stale
// update refused with CONFLICT. Run against the monolith and through the gateway.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { parse } from "graphql";
import { expect } from "vitest";
import { createKey } from "../../../server/test/support/processes.js";
import { CityNetGraphQLError, createClient } from "../../src/index.js";

// Not a curated operation (the SDK's graphql() only knows those): a parsed document, typed here.
const INTERESTS = parse(
  `query Interests($slug: String!) { partnerSearch(slug: $slug) { interests { contactEmail town { slug } } } }`,
) as TypedDocumentNode<
  { partnerSearch: { interests: { contactEmail: string | null; town: { slug: string } }[] } },
  { slug: string }
>;

export async function runWriteScenario(endpoint: string, dataDir: string, label: string): Promise<void> {
  const opava = createClient({ endpoint, apiKey: createKey(dataDir, `Opava web (${label})`, "TOWN_EDITOR", "opava") });
  const leobenKey = createKey(dataDir, `Leoben portal (${label})`, "TOWN_EDITOR", "leoben");
  // A browser app's token provider: asked before each request.
  let tokenCalls = 0;
  const leoben = createClient({
    endpoint,
    token: async () => {
      tokenCalls++;
      return leobenKey;
    },
  });
  const anonymous = createClient({ endpoint });

  const { partnerSearch: search } = (
    await opava.createPartnerSearch({
      input: {
        town: "opava",
        kind: "TWINNING",
        description: [{ lang: "en", text: `Opava looks for a partner town (${label}).` }],
        wantedCountries: ["AT"],
        citation: { url: "https://www.opava-city.cz/", quote: "partner town" },
        idempotencyKey: `scenario-${label}`,
      },
      lang: "en",
    })
  ).createPartnerSearch;
  expect(search).toMatchObject({ status: "OPEN", version: 1, town: { slug: "opava" } });
  expect(search.sources[0].source).toMatchObject({
    kind: "CONTRIBUTION",
    contribution: { contributor: `Opava web (${label})`, role: "TOWN_EDITOR", actingFor: { slug: "opava" } },
  });

  const { interest } = (
    await leoben.expressInterest({
      input: {
        partnerSearch: search.id,
        town: "leoben",
        message: [{ lang: "de", text: "Leoben ist interessiert." }],
        contactEmail: "partnerschaft@leoben.at",
      },
    })
  ).expressInterest;
  expect(tokenCalls).toBe(1);
  expect(interest).toMatchObject({ status: "PENDING", town: { slug: "leoben" } });

  // Opava's editor sees the interest and its contact; the public does not, nor Leoben's editor.
  const raw = (client: typeof opava) => client.request(INTERESTS, { slug: search.slug });
  expect(await raw(opava)).toEqual({
    partnerSearch: { interests: [{ contactEmail: "partnerschaft@leoben.at", town: { slug: "leoben" } }] },
  });
  for (const [client, code] of [
    [anonymous, "UNAUTHENTICATED"],
    [leoben, "FORBIDDEN"],
  ] as const) {
    const refusal = await raw(client).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(CityNetGraphQLError);
    expect((refusal as CityNetGraphQLError).code).toBe(code);
  }

  // A twinning: proposed by Opava, confirmed by Leoben; and Opava's profile.
  const { twinning } = (
    await opava.proposeTwinning({
      input: { town: "opava", partner: "leoben", kind: "PARTNERSHIP", since: { precision: "YEAR", value: "2024" } },
      lang: "en",
    })
  ).proposeTwinning;
  expect(twinning).toMatchObject({ status: "PROPOSED", since: { text: "2024" }, proposedBy: { slug: "opava" } });
  const confirmed = await leoben.confirmTwinning({ input: { id: twinning.id, expectedVersion: twinning.version } });
  expect(confirmed.confirmTwinning.twinning).toMatchObject({ status: "CONFIRMED", version: 2 });
  const profile = await opava.updateTownProfile({
    input: { town: "opava", expectedVersion: 1, website: "https://www.opava-city.cz" },
  });
  expect(profile.updateTownProfile.town).toMatchObject({ profileVersion: 2, website: "https://www.opava-city.cz" });

  // A network's secretariat records a new member.
  const secretariat = createClient({
    endpoint,
    apiKey: createKey(dataDir, `MSC secretariat (${label})`, "NETWORK_SECRETARIAT", "medium-sized-cities", "--network"),
  });
  const { membership } = (
    await secretariat.addMembership({
      input: {
        network: "medium-sized-cities",
        town: "ptuj",
        role: "MEMBER",
        joined: { precision: "YEAR", value: "2026" },
      },
      lang: "en",
    })
  ).addMembership;
  expect(membership).toMatchObject({ role: "MEMBER", joined: { text: "2026" }, town: { slug: "ptuj" } });

  // …and its next conference, which search finds at once.
  const conference = `Spring conference in Opava (${label})`;
  const { event } = (
    await secretariat.createEvent({
      input: {
        network: "medium-sized-cities",
        kind: "CONFERENCE",
        names: [{ lang: "en", text: conference }],
        hostTown: "opava",
        date: { precision: "SEASON", value: "2027-spring" },
      },
      lang: "en",
    })
  ).createEvent;
  expect(event).toMatchObject({ version: 1, date: { text: "spring 2027" }, hostTown: { slug: "opava" } });
  const hits = await anonymous.search({ text: conference, types: ["EVENT"] });
  expect(hits.search.results.map((r) => r.matchedName)).toContain(conference);

  // A programme's editor records a project and its lead partner, with the towns taking part.
  const programme = createClient({
    endpoint,
    apiKey: createKey(
      dataDir,
      `Interreg editor (${label})`,
      "PROGRAMME_EDITOR",
      "interreg-v-a-slovenia-austria",
      "--programme",
    ),
  });
  const { project } = (
    await programme.createProject({
      input: {
        programme: "interreg-v-a-slovenia-austria",
        names: [{ lang: "en", text: `Towns on the Mura (${label})` }],
        period: { precision: "YEAR", value: "2027", until: "2029" },
      },
      lang: "en",
    })
  ).createProject;
  const withPartner = (
    await programme.addProjectPartner({
      input: {
        project: project.id,
        expectedVersion: project.version,
        organisation: "razvojni-center-murska-sobota",
        role: "LEAD_PARTNER",
        towns: ["murska-sobota"],
      },
      lang: "en",
    })
  ).addProjectPartner.project;
  expect(withPartner).toMatchObject({
    version: 2,
    period: { text: "2027 – 2029" },
    partners: [{ role: "LEAD_PARTNER", organisation: { slug: "razvojni-center-murska-sobota" } }],
    towns: { totalCount: 1 },
  });

  // A publisher's news item: its own source is the contribution.
  const publisher = createClient({
    endpoint,
    apiKey: createKey(dataDir, `CEMR press office (${label})`, "PUBLISHER", "cemr", "--organisation"),
  });
  const { newsItem } = (
    await publisher.publishNews({
      input: {
        publisher: "cemr",
        title: [{ lang: "en", text: `Opava hosts the spring conference (${label})` }],
        summary: [{ lang: "en", text: "The medium-sized cities meet in Opava." }],
        about: [event.id],
      },
      lang: "en",
    })
  ).publishNews;
  expect(newsItem.source).toMatchObject({
    kind: "CONTRIBUTION",
    contribution: { contributor: `CEMR press office (${label})`, role: "PUBLISHER" },
  });

  // A stale update fails with CONFLICT, telling the current version.
  await opava.updatePartnerSearch({ input: { id: search.id, expectedVersion: 1, wantedPopulationMin: 5000 } });
  const stale = await opava
    .updatePartnerSearch({ input: { id: search.id, expectedVersion: 1, wantedPopulationMin: 9000 } })
    .catch((error: unknown) => error as CityNetGraphQLError);
  expect(stale).toBeInstanceOf(CityNetGraphQLError);
  expect((stale as CityNetGraphQLError).code).toBe("CONFLICT");
  expect((stale as CityNetGraphQLError).errors[0].extensions?.currentVersion).toBe(2);
}
