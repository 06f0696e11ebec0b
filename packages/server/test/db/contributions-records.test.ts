// Writes beyond partner searches: events by a network's secretariat, projects and their
// partners by a programme's editors, funding calls and news by publishers, alternate names by
// a town's editors. Each is cited to its writer, versioned, audited, shown in its record's
// history to its writers only, and found by search as soon as it is committed.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import type { Role } from "../../src/generated/prisma/index.js";
import { describeDb, type GraphQLResponse, startTestApi, type TestApi } from "../support/harness.js";

const en = (text: string) => [{ lang: "en", text }];
const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;
const errorOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions;

const SEARCH = `query($text: String!, $types: [SearchType!]) {
  search(text: $text, types: $types) { results { matchedName entity { __typename ... on Town { slug } ... on Event { slug } ... on PartnerSearch { slug } ... on Project { slug } ... on FundingCall { slug } } } }
}`;

describeDb("contributed records", () => {
  let api: TestApi;
  const keys: Record<string, string> = {};
  const bearer = (name: string) => ({ authorization: `Bearer ${keys[name]}` });
  const as = (name: string, document: string, input: Record<string, unknown>) =>
    api.query(document, { input }, bearer(name));
  const found = async (text: string, types?: string[]) =>
    (await api.data(SEARCH, { text, types })).search.results.map((r: any) => ({
      name: r.matchedName,
      slug: r.entity.slug,
    }));
  const counts = async () => [
    await api.db.prisma.auditEntry.count(),
    await api.db.prisma.source.count(),
    await api.db.prisma.event.count(),
    await api.db.prisma.project.count(),
    await api.db.prisma.projectPartner.count(),
    await api.db.prisma.fundingCall.count(),
    await api.db.prisma.newsItem.count(),
    await api.db.prisma.townName.count(),
  ];

  beforeAll(async () => {
    // The response cache is on: every read below after a write proves it was told.
    api = await startTestApi("documents", {}, { responseCacheTtlMs: 60_000 });
    const grants: [string, Role, string?][] = [
      ["MSC secretariat", "NETWORK_SECRETARIAT", "medium-sized-cities"],
      ["PIC secretariat", "NETWORK_SECRETARIAT", "partnership-initiative-of-cities"],
      ["Interreg SI-AT editor", "PROGRAMME_EDITOR", "interreg-v-a-slovenia-austria"],
      ["EUKI editor", "PROGRAMME_EDITOR", "euki"],
      ["CEMR press office", "PUBLISHER", "cemr"],
      ["Opava web", "TOWN_EDITOR", "opava"],
      ["Ptuj web", "TOWN_EDITOR", "ptuj"],
    ];
    for (const [name, role, scope] of grants)
      keys[name] = (await createApiKey(api.db.prisma, { name, role, scope })).secret;
  });
  afterAll(async () => {
    await api?.close();
  });

  it("finds a partner search posted through the API at once, by its town's name", async () => {
    const before = (await found("Opava", ["PARTNER_SEARCH"])).length;
    const posted = await as(
      "Opava web",
      `mutation($input: CreatePartnerSearchInput!) { createPartnerSearch(input: $input) { partnerSearch { slug } } }`,
      {
        town: "opava",
        kind: "COOPERATION",
        description: en("Opava looks for partners for a youth exchange."),
      },
    );
    expect(posted.errors).toBeUndefined();
    const results = await found("Opava", ["PARTNER_SEARCH"]);
    expect(results).toHaveLength(before + 1);
    expect(results.map((r: any) => r.slug)).toContain(posted.data.createPartnerSearch.partnerSearch.slug);
  });

  it("lets a network's secretariat record its conference, cited to it, searchable at once, with history for it alone", async () => {
    const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) {
      event { id slug version name(lang: "en") date { text } hostTown { slug } topics { slug } network { slug }
        sources { field source { kind contribution { contributor role } } } } } }`;
    const created = await as("MSC secretariat", CREATE, {
      network: "medium-sized-cities",
      kind: "CONFERENCE",
      names: [
        { lang: "cs", text: "Jarní konference středně velkých měst" },
        { lang: "en", text: "Spring conference of medium-sized cities" },
      ],
      theme: en("Towns after the floods"),
      hostTown: "opava",
      date: { precision: "SEASON", value: "2027-spring" },
      topics: ["culture"],
      citation: { url: "https://www.example-network.eu/conference-2027" },
    });
    expect(created.errors).toBeUndefined();
    const event = created.data.createEvent.event;
    expect(event).toMatchObject({
      version: 1,
      name: "Spring conference of medium-sized cities",
      date: { text: "spring 2027" },
      hostTown: { slug: "opava" },
      topics: [{ slug: "culture" }],
      network: { slug: "medium-sized-cities" },
    });
    expect(event.sources).toEqual([
      {
        field: "network, kind, names, theme, hostTown, date, topics",
        source: { kind: "CONTRIBUTION", contribution: { contributor: "MSC secretariat", role: "NETWORK_SECRETARIAT" } },
      },
    ]);
    expect(await found("Towns after the floods", ["EVENT"])).toEqual([
      { name: "Towns after the floods", slug: event.slug },
    ]);

    const UPDATE = `mutation($input: UpdateEventInput!) { updateEvent(input: $input) { event { version venue date { text } } } }`;
    const moved = await as("MSC secretariat", UPDATE, {
      id: event.id,
      expectedVersion: 1,
      date: { precision: "DAY", value: "2027-04-22" },
      startsAt: "2027-04-22T07:30:00Z",
      timeZone: "Europe/Prague",
      venue: "Slezské divadlo",
    });
    expect(moved.errors).toBeUndefined();
    expect(moved.data.updateEvent.event).toMatchObject({ version: 2, venue: "Slezské divadlo" });
    expect(errorOf(await as("MSC secretariat", UPDATE, { id: event.id, expectedVersion: 1, venue: "x" }))).toEqual({
      code: "CONFLICT",
      currentVersion: 2,
    });

    const before = await counts();
    const refusals: [Record<string, unknown>, string][] = [
      [{ startsAt: "2027-05-30T10:00:00Z" }, "input.startsAt"],
      [{ timeZone: "Mars/Olympus" }, "input.timeZone"],
      [{ date: { precision: "SEASON", value: "2027-monsoon" } }, "input.date.value"],
      [{ hostTown: "atlantis" }, "input.hostTown"],
      [{ names: [] }, "input.names"],
    ];
    for (const [change, field] of refusals)
      expect(
        errorOf(await as("MSC secretariat", UPDATE, { id: event.id, expectedVersion: 2, ...change })),
        field,
      ).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await counts()).toEqual(before);

    const HISTORY = `query($id: ID!) { node(id: $id) { ... on Event { history { mutation actorName } } } }`;
    expect((await api.data(HISTORY, { id: event.id }, bearer("MSC secretariat"))).node.history).toEqual([
      { mutation: "createEvent", actorName: "MSC secretariat" },
      { mutation: "updateEvent", actorName: "MSC secretariat" },
    ]);
    expect(codeOf(await api.query(HISTORY, { id: event.id }, bearer("PIC secretariat")))).toBe("FORBIDDEN");
    expect(codeOf(await api.query(HISTORY, { id: event.id }))).toBe("UNAUTHENTICATED");
  });

  it("lets a programme's editors write a project and its partners; a partner a document names stays", async () => {
    const PROJECT = `id version budget { amount currency } period { text } goals(lang: "en")
      partners { organisation { slug } role sources { source { kind contribution { contributor } } } }
      towns(first: 50) { edges { node { town { slug } sources { source { kind } } } } }`;
    const created = await as(
      "Interreg SI-AT editor",
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { slug ${PROJECT} } } }`,
      {
        programme: "interreg-v-a-slovenia-austria",
        names: [{ lang: "sl", text: "Mesta ob Muri" }, ...en("Towns on the Mura")],
        fund: "erdf",
        budget: { amount: "950000.00", currency: "EUR" },
        period: { precision: "MONTH", value: "2027-01", until: "2029-06" },
        goals: [{ texts: en("Shared flood warnings") }, { texts: en("Joint river festivals") }],
      },
    );
    expect(created.errors).toBeUndefined();
    const project = created.data.createProject.project;
    expect(project).toMatchObject({
      version: 1,
      budget: { amount: "950000.00", currency: "EUR" },
      period: { text: "January 2027 – June 2029" },
      goals: ["Shared flood warnings", "Joint river festivals"],
      partners: [],
    });
    expect(await found("Towns on the Mura", ["PROJECT"])).toEqual([{ name: "Towns on the Mura", slug: project.slug }]);

    const ADD = `mutation($input: AddProjectPartnerInput!) { addProjectPartner(input: $input) { project { ${PROJECT} } } }`;
    const added = await as("Interreg SI-AT editor", ADD, {
      project: project.id,
      expectedVersion: 1,
      organisation: "razvojni-center-murska-sobota",
      role: "LEAD_PARTNER",
      towns: ["murska-sobota", "ptuj"],
    });
    expect(added.errors).toBeUndefined();
    const withPartner = added.data.addProjectPartner.project;
    expect(withPartner.version).toBe(2);
    expect(withPartner.partners).toEqual([
      {
        organisation: { slug: "razvojni-center-murska-sobota" },
        role: "LEAD_PARTNER",
        sources: [{ source: { kind: "CONTRIBUTION", contribution: { contributor: "Interreg SI-AT editor" } } }],
      },
    ]);
    expect(withPartner.towns.edges.map((e: any) => e.node.town.slug).sort()).toEqual(["murska-sobota", "ptuj"]);
    expect(withPartner.towns.edges[0].node.sources).toEqual([{ source: { kind: "CONTRIBUTION" } }]);
    const again = {
      project: project.id,
      expectedVersion: 2,
      organisation: "razvojni-center-murska-sobota",
      role: "PARTNER",
    };
    expect(errorOf(await as("Interreg SI-AT editor", ADD, again))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.organisation",
    });

    const REMOVE = `mutation($input: RemoveProjectPartnerInput!) { removeProjectPartner(input: $input) { project { version partners { organisation { slug } } } } }`;
    // City Cooperation II's lead partner is the document's fact: not removable here.
    const { project: documented } = await api.data(`{ project(slug: "city-cooperation-ii") { id version } }`);
    expect(
      errorOf(
        await as("Interreg SI-AT editor", REMOVE, {
          project: documented.id,
          expectedVersion: documented.version,
          organisation: "oststeirische-stadtekooperation",
        }),
      ),
    ).toMatchObject({ code: "BAD_USER_INPUT", field: "input.organisation" });
    const removed = await as("Interreg SI-AT editor", REMOVE, {
      project: project.id,
      expectedVersion: 2,
      organisation: "razvojni-center-murska-sobota",
    });
    expect(removed.data.removeProjectPartner.project).toEqual({ version: 3, partners: [] });

    const UPDATE = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { project { version } } }`;
    for (const [change, field] of [
      [{ budget: { amount: "12.345", currency: "EUR" } }, "input.budget.amount"],
      [{ budget: { amount: "100", currency: "euro" } }, "input.budget.currency"],
      [{ period: { precision: "YEAR", value: "2029", until: "2027" } }, "input.period.until"],
      [{ fund: "no-such-fund" }, "input.fund"],
      [{ goals: [{ texts: [] }] }, "input.goals.0.texts"],
    ] as const)
      expect(
        errorOf(await as("Interreg SI-AT editor", UPDATE, { id: project.id, expectedVersion: 3, ...change })),
      ).toMatchObject({
        code: "BAD_USER_INPUT",
        field,
      });
    expect(codeOf(await as("EUKI editor", UPDATE, { id: project.id, expectedVersion: 3, fund: null }))).toBe(
      "FORBIDDEN",
    );
  });

  it("lets a call's programme editor or funder's publisher change it, and no other publisher", async () => {
    const { fundingCall } = await api.data(`{ fundingCall(slug: "euki-2020-call") { id version deadline } }`);
    const UPDATE = `mutation($input: UpdateFundingCallInput!) { updateFundingCall(input: $input) {
      fundingCall { version untilAllocationUsed history { actorName role } } } }`;
    expect(
      codeOf(
        await as("CEMR press office", UPDATE, { id: fundingCall.id, expectedVersion: 1, untilAllocationUsed: true }),
      ),
    ).toBe("FORBIDDEN");
    const changed = await as("EUKI editor", UPDATE, {
      id: fundingCall.id,
      expectedVersion: 1,
      untilAllocationUsed: true,
    });
    expect(changed.errors).toBeUndefined();
    expect(changed.data.updateFundingCall.fundingCall).toEqual({
      version: 2,
      untilAllocationUsed: true,
      history: [{ actorName: "EUKI editor", role: "PROGRAMME_EDITOR" }],
    });

    const PUBLISH = `mutation($input: PublishFundingCallInput!) { publishFundingCall(input: $input) {
      fundingCall { slug publishedOn funder { slug } eligibleCountries { code } eligibleApplicants } } }`;
    const published = await as("CEMR press office", PUBLISH, {
      funder: "cemr",
      names: en("Town twinning grants 2027"),
      eligibleApplicants: ["LOCAL_GOVERNMENT"],
      eligibleCountries: ["cz", "SI"],
    });
    expect(published.errors).toBeUndefined();
    expect(published.data.publishFundingCall.fundingCall).toMatchObject({
      funder: { slug: "cemr" },
      eligibleCountries: [{ code: "CZ" }, { code: "SI" }],
      eligibleApplicants: ["LOCAL_GOVERNMENT"],
      publishedOn: new Date().toISOString().slice(0, 10),
    });
    expect((await found("Town twinning grants", ["FUNDING_CALL"]))[0]?.slug).toBe(
      published.data.publishFundingCall.fundingCall.slug,
    );
    const before = await counts();
    for (const [input, field] of [
      [{ names: en("Orphan call") }, "input.funder"],
      [{ funder: "cemr", names: en("Late call"), deadline: "2001-01-01" }, "input.deadline"],
      [{ funder: "cemr", names: en("Ages"), applicantMinAge: 30, applicantMaxAge: 18 }, "input.applicantMaxAge"],
      [{ funder: "cemr", names: en("Where"), eligibleCountries: ["XX"] }, "input.eligibleCountries.0"],
    ] as const) {
      const refused = await api.query(PUBLISH, { input }, bearer(input.funder ? "CEMR press office" : "EUKI editor"));
      // A call of no funder and no programme is for admins only.
      if (!input.funder) expect(codeOf(refused)).toBe("FORBIDDEN");
      else expect(errorOf(refused)).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    expect(await counts()).toEqual(before);
  });

  it("publishes news whose own source is the contribution, linked to the records it is about", async () => {
    const { town } = await api.data(`{ town(slug: "opava") { id } }`);
    const { network } = await api.data(`{ network(slug: "medium-sized-cities") { id } }`);
    const PUBLISH = `mutation($input: PublishNewsInput!) { publishNews(input: $input) {
      newsItem { id slug title language summary source { kind url contribution { contributor role } }
        subjects { __typename ... on Town { slug } ... on Network { slug } } } } }`;
    const published = await as("CEMR press office", PUBLISH, {
      publisher: "cemr",
      title: [
        { lang: "fr", text: "Opava rejoint le réseau" },
        { lang: "en", text: "Opava joins the network" },
      ],
      summary: en("Opava took part in the spring conference."),
      about: [town.id, network.id],
      citation: { url: "https://www.ccre.org/news/opava" },
    });
    expect(published.errors).toBeUndefined();
    const item = published.data.publishNews.newsItem;
    expect(item).toMatchObject({
      language: "fr",
      source: {
        kind: "CONTRIBUTION",
        url: "https://www.ccre.org/news/opava",
        contribution: { contributor: "CEMR press office", role: "PUBLISHER" },
      },
      subjects: [
        { __typename: "Town", slug: "opava" },
        { __typename: "Network", slug: "medium-sized-cities" },
      ],
    });
    const { town: withNews } = await api.data(`{ town(slug: "opava") { news { slug } } }`);
    expect(withNews.news.map((n: any) => n.slug)).toContain(item.slug);

    const UPDATE = `mutation($input: UpdateNewsInput!) { updateNews(input: $input) { newsItem { version summary } } }`;
    const { event } = await api.data(`{ event(slug: "forum24") { id } }`);
    expect(
      errorOf(
        await as("CEMR press office", UPDATE, { id: item.id, expectedVersion: 1, about: [event.id, "bm9wZQ=="] }),
      ),
    ).toMatchObject({ code: "BAD_USER_INPUT", field: "input.about.1" });
    expect(
      errorOf(await as("CEMR press office", UPDATE, { id: item.id, expectedVersion: 1, about: [item.id] })),
    ).toMatchObject({ code: "BAD_USER_INPUT", field: "input.about.0" });
    const fixed = await as("CEMR press office", UPDATE, { id: item.id, expectedVersion: 1, summary: en("Corrected.") });
    expect(fixed.data.updateNews.newsItem).toEqual({ version: 2, summary: "Corrected." });
  });

  it("lets a town's editors add a name search finds at once, and remove only the names they added", async () => {
    const { town } = await api.data(`{ town(slug: "ptuj") { profileVersion } }`);
    const ADD = `mutation($input: AddTownAlternateNameInput!) { addTownAlternateName(input: $input) {
      town { profileVersion alternateNames { name lang sources { source { kind } } } } } }`;
    const added = await as("Ptuj web", ADD, {
      town: "ptuj",
      expectedVersion: town.profileVersion,
      name: "Poetovio",
      kind: "ALTERNATE",
      lang: "la",
    });
    expect(added.errors).toBeUndefined();
    const names = added.data.addTownAlternateName.town.alternateNames;
    expect(names.find((n: any) => n.name === "Poetovio")).toEqual({
      name: "Poetovio",
      lang: "la",
      sources: [{ source: { kind: "CONTRIBUTION" } }],
    });
    expect(await found("Poetovio", ["TOWN"])).toEqual([{ name: "Poetovio", slug: "ptuj" }]);

    const REMOVE = `mutation($input: RemoveTownAlternateNameInput!) { removeTownAlternateName(input: $input) { town { profileVersion } } }`;
    const version = added.data.addTownAlternateName.town.profileVersion;
    // GeoNames' names are not the editors' to remove.
    expect(
      errorOf(await as("Ptuj web", REMOVE, { town: "ptuj", expectedVersion: version, name: "Pettau" })),
    ).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.name",
    });
    const removed = await as("Ptuj web", REMOVE, { town: "ptuj", expectedVersion: version, name: "Poetovio" });
    expect(removed.data.removeTownAlternateName.town.profileVersion).toBe(version + 1);
    expect(await found("Poetovio", ["TOWN"])).toEqual([]);
    expect(
      codeOf(await as("Opava web", ADD, { town: "ptuj", expectedVersion: version + 1, name: "X", kind: "ALTERNATE" })),
    ).toBe("FORBIDDEN");
  });
});
