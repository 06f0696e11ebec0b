// Writing to the graph: API keys and bearer tokens, the authorization of every mutation and
// non-public field, provenance and audit, versions, idempotency, validation, and caches that
// never serve what a caller may not see or what a write has changed.
import { rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { GraphQLObjectType, getNamedType } from "graphql";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, expect, it, onTestFinished } from "vitest";
import { createApiKey, listApiKeys, revokeApiKey } from "../../src/auth/api-keys.js";
import type { AuthConfig } from "../../src/config.js";
import type { Role } from "../../src/generated/prisma/index.js";
import { schema } from "../../src/schema/index.js";
import { describeDb, type GraphQLResponse, startTestApi, type TestApi } from "../support/harness.js";

const ISSUER = "https://id.example-town.test/";
const AUDIENCE = "citynet";

const CREATE = `mutation($input: CreatePartnerSearchInput!) {
  createPartnerSearch(input: $input) { partnerSearch { id slug version status town { slug } } }
}`;
const UPDATE = `mutation($input: UpdatePartnerSearchInput!) {
  updatePartnerSearch(input: $input) { partnerSearch { id version description(lang: "en") } }
}`;
const CLOSE = `mutation($input: ClosePartnerSearchInput!) {
  closePartnerSearch(input: $input) { partnerSearch { id version status } }
}`;
const EXPRESS = `mutation($input: ExpressInterestInput!) {
  expressInterest(input: $input) { interest { id version status contactEmail town { slug } } }
}`;
const RESPOND = `mutation($input: RespondToInterestInput!) {
  respondToInterest(input: $input) { interest { id version status } }
}`;

const opavaSearch = (extra: Record<string, unknown> = {}) => ({
  town: "opava",
  kind: "TWINNING",
  description: [
    { lang: "cs", text: "Opava hledá partnerské město ve Slovinsku." },
    { lang: "en", text: "Opava is looking for a partner town in Slovenia." },
  ],
  wantedPopulationMin: 10_000,
  wantedPopulationMax: 80_000,
  wantedCountries: ["si"],
  topics: ["culture"],
  citation: { url: "https://www.opava-city.cz/partner-search", quote: "hledáme partnerské město" },
  ...extra,
});

const PROPOSE = `mutation($input: ProposeTwinningInput!) {
  proposeTwinning(input: $input) { twinning { id version status kind towns { slug } since { text } sources { source { kind contribution { contributor } } } } }
}`;
const CONFIRM = `mutation($input: ConfirmTwinningInput!) { confirmTwinning(input: $input) { twinning { id version status } } }`;
const END = `mutation($input: EndTwinningInput!) { endTwinning(input: $input) { twinning { id version until { text } } } }`;

const PROFILE = `mutation($input: UpdateTownProfileInput!) {
  updateTownProfile(input: $input) { town { slug profileVersion website } }
}`;

const ADD_MEMBER = `mutation($input: AddMembershipInput!) {
  addMembership(input: $input) { membership { id version role joined { text } town { slug } network { slug } sources { source { contribution { contributor role } } } } }
}`;
const END_MEMBER = `mutation($input: EndMembershipInput!) {
  endMembership(input: $input) { membership { id version left { text } } }
}`;

const CREATE_EVENT = `mutation($input: CreateEventInput!) { createEvent(input: $input) { event { id slug version } } }`;
const UPDATE_EVENT = `mutation($input: UpdateEventInput!) { updateEvent(input: $input) { event { id version } } }`;
const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id slug version } } }`;
const UPDATE_PROJECT = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { project { id version } } }`;
const ADD_PARTNER = `mutation($input: AddProjectPartnerInput!) { addProjectPartner(input: $input) { project { id version } } }`;
const REMOVE_PARTNER = `mutation($input: RemoveProjectPartnerInput!) { removeProjectPartner(input: $input) { project { id version } } }`;
const PUBLISH_CALL = `mutation($input: PublishFundingCallInput!) { publishFundingCall(input: $input) { fundingCall { id slug version } } }`;
const UPDATE_CALL = `mutation($input: UpdateFundingCallInput!) { updateFundingCall(input: $input) { fundingCall { id version } } }`;
const PUBLISH_NEWS = `mutation($input: PublishNewsInput!) { publishNews(input: $input) { newsItem { id slug version } } }`;
const UPDATE_NEWS = `mutation($input: UpdateNewsInput!) { updateNews(input: $input) { newsItem { id version } } }`;
const SAVE_SEARCH = `mutation($input: SaveSearchInput!) { saveSearch(input: $input) { id kind } }`;
const DELETE_SAVED_SEARCH = `mutation($input: DeleteSavedSearchInput!) { deleteSavedSearch(input: $input) }`;
const MARK_READ = `mutation($input: MarkAlertsReadInput!) { markAlertsRead(input: $input) }`;
const REGISTER_WEBHOOK = `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { webhook { id } } }`;
const REDELIVER = `mutation($input: RedeliverWebhookDeliveryInput!) { redeliverWebhookDelivery(input: $input) { id status } }`;
const ADD_NAME = `mutation($input: AddTownAlternateNameInput!) { addTownAlternateName(input: $input) { town { slug profileVersion } } }`;
const REMOVE_NAME = `mutation($input: RemoveTownAlternateNameInput!) { removeTownAlternateName(input: $input) { town { slug profileVersion } } }`;

const en = (text: string) => [{ lang: "en", text }];

const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

/** The database id of a global id. */
const rowIdOf = (globalId: string) => Number(Buffer.from(globalId, "base64").toString().split(":")[1]);

describeDb("contributions", () => {
  let api: TestApi;
  let jwksServer: Server;
  let privateKey: CryptoKey;
  let jwksFile: string | undefined;
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const keys: Record<string, string> = {};
  const key = async (name: string, role: Role, scope?: string) =>
    (keys[name] ??= (await createApiKey(api.db.prisma, { name, role, scope })).secret);

  beforeAll(async () => {
    const pair = await generateKeyPair("RS256");
    privateKey = pair.privateKey;
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: "test", alg: "RS256" }] });
    jwksFile = path.join(tmpdir(), `citynet-jwks-${process.pid}-${Date.now()}.json`);
    writeFileSync(jwksFile, jwks);
    const auth: AuthConfig = { jwtIssuer: ISSUER, jwtAudience: AUDIENCE, jwksFile, rolesClaim: "citynet_roles" };
    api = await startTestApi("documents", {}, { auth, responseCacheTtlMs: 60_000 });
    // The same keys served over HTTP, for the remote-JWKS test.
    jwksServer = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(jwks));
    await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
    await Promise.all([
      key("Opava web", "TOWN_EDITOR", "opava"),
      key("Murska Sobota web", "TOWN_EDITOR", "murska-sobota"),
      key("Leoben web", "TOWN_EDITOR", "leoben"),
      key("Operations", "ADMIN"),
      key("MSC secretariat", "NETWORK_SECRETARIAT", "medium-sized-cities"),
      key("PIC secretariat", "NETWORK_SECRETARIAT", "partnership-initiative-of-cities"),
      key("Interreg SI-AT editor", "PROGRAMME_EDITOR", "interreg-v-a-slovenia-austria"),
      key("URBACT editor", "PROGRAMME_EDITOR", "urbact"),
      key("CEMR press office", "PUBLISHER", "cemr"),
      key("Bistra press office", "PUBLISHER", "bistra-ptuj"),
    ]);
  });
  afterAll(async () => {
    jwksServer?.close();
    await api?.close();
    if (jwksFile) rmSync(jwksFile, { force: true });
  });

  const token = (
    claims: Record<string, unknown>,
    options: { audience?: string; expires?: string; key?: CryptoKey } = {},
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: "test" })
      .setIssuer(ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setSubject("u-4711")
      .setIssuedAt()
      .setExpirationTime(options.expires ?? "5m")
      .sign(options.key ?? privateKey);

  const post = async (headers: Record<string, string>, extra: Record<string, unknown> = {}) =>
    api.query(CREATE, { input: opavaSearch(extra) }, headers);

  it("posts a partner search for the key's town, citing the key as its contributor", async () => {
    const created = await post(bearer(keys["Opava web"]));
    expect(created.errors).toBeUndefined();
    const search = created.data.createPartnerSearch.partnerSearch;
    expect(search).toMatchObject({ version: 1, status: "OPEN", town: { slug: "opava" } });
    expect(search.slug).toMatch(/^opava-partner-search-\d+$/);
    const { node } = await api.data(
      `query($id: ID!) { node(id: $id) { ... on PartnerSearch { wantedCountries { code } topics { slug }
        sources { quote field source { kind url contribution { contributor role actingFor { slug } } } } } } }`,
      { id: search.id },
    );
    expect(node.wantedCountries).toEqual([{ code: "SI" }]);
    expect(node.topics).toEqual([{ slug: "culture" }]);
    expect(node.sources).toEqual([
      {
        quote: "hledáme partnerské město",
        field: "town, kind, description, wantedPopulationMin, wantedPopulationMax, wantedCountries, topics",
        source: {
          kind: "CONTRIBUTION",
          url: "https://www.opava-city.cz/partner-search",
          contribution: { contributor: "Opava web", role: "TOWN_EDITOR", actingFor: { slug: "opava" } },
        },
      },
    ]);
  });

  it("writes a create's source, citation and audit entry, and finds who follows it, in one statement", async () => {
    api.statements.length = 0;
    const created = await post(bearer(keys["Opava web"]));
    expect(created.errors).toBeUndefined();
    const tail = api.statements.filter((sql) => sql.includes(`INSERT INTO "AuditEntry"`));
    expect(tail).toHaveLength(1);
    for (const table of ["Source", "Contribution", "Citation", "Webhook", "SavedSearch"])
      expect(tail[0]).toContain(`"${table}"`);
    expect(api.statements.filter((sql) => /"(Source|Contribution|Citation)"/.test(sql))).toHaveLength(1);
    // Read committed is the connections' default, so a write names no isolation level.
    expect(api.statements.some((sql) => /ISOLATION LEVEL/i.test(sql))).toBe(false);
    const [{ default_transaction_isolation: isolation }] = await api.db.read<{ default_transaction_isolation: string }>(
      "SHOW default_transaction_isolation",
      [],
    );
    expect(isolation).toBe("read committed");
  });

  it("writes a partner search with its countries, topics, citation and audit entry in one statement, audited as it reads", async () => {
    const { prisma } = api.db;
    const opava = bearer(keys["Opava web"]);
    // West of UTC, where a date bound as local time would be a day early.
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    onTestFinished(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    // The audit's view of a search, read back through Prisma.
    const asAudited = async (id: number) => {
      const { wantedCountries, topics, statusAsOf, validUntil, ...search } =
        await prisma.partnerSearch.findUniqueOrThrow({
          where: { id },
          include: { wantedCountries: { orderBy: { countryCode: "asc" } }, topics: { orderBy: { slug: "asc" } } },
        });
      const { id: _, postedOn: __, ...columns } = search;
      return {
        ...columns,
        statusAsOf: statusAsOf.toISOString().slice(0, 10),
        validUntil: validUntil?.toISOString().slice(0, 10) ?? null,
        wantedCountries: wantedCountries.map((c) => c.countryCode),
        topics: topics.map((t) => t.slug),
      };
    };
    const entries = (recordId: number) =>
      prisma.auditEntry.findMany({ where: { recordType: "PartnerSearch", recordId }, orderBy: { id: "asc" } });
    const writeStatements = () => api.statements.filter((sql) => /INSERT INTO "AuditEntry"/.test(sql));

    api.statements.length = 0;
    const created = (await api.data(CREATE, { input: opavaSearch() }, opava)).createPartnerSearch.partnerSearch;
    const id = Number(Buffer.from(created.id, "base64").toString().split(":")[1]);
    expect(writeStatements()).toHaveLength(1);
    expect(writeStatements()[0]).toMatch(
      /INSERT INTO "PartnerSearch".*"PartnerSearchCountry".*"_PartnerSearchToTopic"/s,
    );
    const [posted] = await entries(id);
    expect(posted.before).toBeNull();
    expect(posted.after).toEqual(await asAudited(id));
    expect(posted.after).toMatchObject({ wantedCountries: ["SI"], topics: ["culture"], version: 1 });

    const validUntil = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const change = { wantedCountries: ["de", "AT"], topics: [], wantedPopulationMax: 90_000, validUntil };
    api.statements.length = 0;
    const updated = await api.data(UPDATE, { input: { id: created.id, expectedVersion: 1, ...change } }, opava);
    expect(updated.updatePartnerSearch.partnerSearch.version).toBe(2);
    expect(writeStatements()).toHaveLength(1);
    const [, changed] = await entries(id);
    expect(changed.before).toEqual(posted.after);
    expect(changed.after).toEqual(await asAudited(id));
    expect(changed.after).toMatchObject({
      wantedCountries: ["AT", "DE"],
      topics: [],
      wantedPopulationMax: 90_000,
      validUntil,
    });

    // The range is checked on the search as written (its max is 90,000), and nothing is written.
    const refused = await api.query(
      UPDATE,
      { input: { id: created.id, expectedVersion: 2, wantedPopulationMin: 95_000 } },
      opava,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.wantedPopulationMax",
    });
    // A stale version writes none of its relations either.
    const stale = await api.query(
      UPDATE,
      { input: { id: created.id, expectedVersion: 1, wantedCountries: ["it"] } },
      opava,
    );
    expect(stale.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", currentVersion: 2 });
    expect(await entries(id)).toHaveLength(2);
    expect(await asAudited(id)).toEqual(changed.after);
  });

  it("keeps a document's citations when an editor corrects the record", async () => {
    const { partnerSearch } = await api.data(
      `{ partnerSearch(slug: "wolomin-2019-partner-town") { id version town { slug } sources { source { kind } } } }`,
    );
    const documentCitations = partnerSearch.sources.length;
    const wolomin = await key("Wołomin web", "TOWN_EDITOR", "wolomin");
    const updated = await api.query(
      UPDATE,
      { input: { id: partnerSearch.id, expectedVersion: partnerSearch.version, wantedPopulationMax: 50_000 } },
      bearer(wolomin),
    );
    expect(updated.errors).toBeUndefined();
    const { partnerSearch: after } = await api.data(
      `{ partnerSearch(slug: "wolomin-2019-partner-town") { wantedPopulationMax sources { field source { kind } } } }`,
    );
    expect(after.wantedPopulationMax).toBe(50_000);
    expect(after.sources).toHaveLength(documentCitations + 1);
    expect(after.sources.filter((s: any) => s.source.kind === "DOCUMENT")).toHaveLength(
      partnerSearch.sources.filter((s: any) => s.source.kind === "DOCUMENT").length,
    );
    expect(after.sources.at(-1)).toEqual({ field: "wantedPopulationMax", source: { kind: "CONTRIBUTION" } });
  });

  it("shows an interest to the two towns' editors only, with the answering town's contact", async () => {
    const search = (await post(bearer(keys["Opava web"]))).data.createPartnerSearch.partnerSearch;
    const expressed = await api.query(
      EXPRESS,
      {
        input: {
          partnerSearch: search.id,
          town: "murska-sobota",
          message: [{ lang: "sl", text: "Murska Sobota bi rada sodelovala." }],
          contactName: "Ana Novak",
          contactEmail: "ana.novak@murska-sobota.si",
        },
      },
      bearer(keys["Murska Sobota web"]),
    );
    expect(expressed.errors).toBeUndefined();
    const interest = expressed.data.expressInterest.interest;
    expect(interest).toMatchObject({ status: "PENDING", contactEmail: "ana.novak@murska-sobota.si" });

    const INTERESTS = `query($id: ID!) { node(id: $id) { ... on PartnerSearch { interests { town { slug } contactName contactEmail message } } } }`;
    const asOpava = await api.query(INTERESTS, { id: search.id }, bearer(keys["Opava web"]));
    expect(asOpava.data.node.interests).toEqual([
      {
        town: { slug: "murska-sobota" },
        contactName: "Ana Novak",
        contactEmail: "ana.novak@murska-sobota.si",
        message: "Murska Sobota bi rada sodelovala.",
      },
    ]);
    expect(codeOf(await api.query(INTERESTS, { id: search.id }))).toBe("UNAUTHENTICATED");
    expect(codeOf(await api.query(INTERESTS, { id: search.id }, bearer(keys["Leoben web"])))).toBe("FORBIDDEN");
    expect(codeOf(await api.query(INTERESTS, { id: search.id }, bearer(keys["Murska Sobota web"])))).toBe("FORBIDDEN");

    // The interest itself, by its global id: its own town sees it, nobody else.
    const NODE = `query($id: ID!) { node(id: $id) { ... on PartnerSearchInterest { contactEmail } } }`;
    expect((await api.query(NODE, { id: interest.id }, bearer(keys["Murska Sobota web"]))).data.node).toEqual({
      contactEmail: "ana.novak@murska-sobota.si",
    });
    // Anyone else gets none of its fields (the global id, which only its towns were told, aside).
    for (const [headers, code] of [
      [{}, "UNAUTHENTICATED"],
      [bearer(keys["Leoben web"]), "FORBIDDEN"],
    ] as const) {
      const refused = await api.query(NODE, { id: interest.id }, headers);
      expect(refused.data?.node?.contactEmail ?? null).toBeNull();
      expect(codeOf(refused)).toBe(code);
      const listed = await api.query(
        `query($ids: [ID!]!) { nodes(ids: $ids) { ... on PartnerSearchInterest { contactEmail } } }`,
        { ids: [interest.id] },
        headers,
      );
      expect(listed.data?.nodes?.[0]?.contactEmail ?? null).toBeNull();
      expect(codeOf(listed)).toBe(code);
    }

    // Accepting it: the requesting town's editor only.
    const respond = (headers: Record<string, string>) =>
      api.query(RESPOND, { input: { id: interest.id, expectedVersion: 1, response: "ACCEPT" } }, headers);
    expect(codeOf(await respond(bearer(keys["Murska Sobota web"])))).toBe("FORBIDDEN");
    const accepted = await respond(bearer(keys["Opava web"]));
    expect(accepted.data.respondToInterest.interest).toMatchObject({ status: "ACCEPTED", version: 2 });
    const HISTORY = `query($id: ID!) { node(id: $id) { ... on PartnerSearchInterest { history { mutation } } } }`;
    expect((await api.data(HISTORY, { id: interest.id }, bearer(keys["Murska Sobota web"]))).node.history).toEqual([
      { mutation: "expressInterest" },
      { mutation: "respondToInterest" },
    ]);
    expect(codeOf(await api.query(HISTORY, { id: interest.id }, bearer(keys["Leoben web"])))).toBe("FORBIDDEN");
  });

  it("refuses a stale update with CONFLICT and the current version", async () => {
    const search = (await post(bearer(keys["Opava web"]))).data.createPartnerSearch.partnerSearch;
    const update = (expectedVersion: number, text: string) =>
      api.query(
        UPDATE,
        { input: { id: search.id, expectedVersion, description: [{ lang: "en", text }] } },
        bearer(keys["Opava web"]),
      );
    expect((await update(1, "First edit")).data.updatePartnerSearch.partnerSearch).toMatchObject({ version: 2 });
    const stale = await update(1, "Edit from a stale form");
    expect(stale.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", currentVersion: 2 });
    const { node } = await api.data(
      `query($id: ID!) { node(id: $id) { ... on PartnerSearch { description version } } }`,
      {
        id: search.id,
      },
    );
    expect(node).toEqual({ description: "First edit", version: 2 });
  });

  it("applies each of 200 concurrent updates from 10 clients or answers CONFLICT, and audits exactly the applied ones", async () => {
    const search = (await post(bearer(keys["Opava web"]))).data.createPartnerSearch.partnerSearch;
    const id = Number(Buffer.from(search.id, "base64").toString().split(":").pop());
    const applied: { version: number; text: string }[] = [];
    let conflicts = 0;
    await Promise.all(
      Array.from({ length: 10 }, async (_, client) => {
        for (let attempt = 0; attempt < 20; attempt++) {
          const { node } = await api.data(`query($id: ID!) { node(id: $id) { ... on PartnerSearch { version } } }`, {
            id: search.id,
          });
          const text = `client ${client} attempt ${attempt}`;
          const result = await api.query(
            UPDATE,
            { input: { id: search.id, expectedVersion: node.version, description: [{ lang: "en", text }] } },
            bearer(keys["Opava web"]),
          );
          if (result.errors) {
            expect(codeOf(result)).toBe("CONFLICT");
            conflicts++;
          } else applied.push({ version: result.data.updatePartnerSearch.partnerSearch.version, text });
        }
      }),
    );
    expect(applied.length + conflicts).toBe(200);
    expect(applied.length).toBeGreaterThan(0);
    // Every applied update made exactly one new version; the last one is what the record holds.
    expect(applied.map((a) => a.version).sort((a, b) => a - b)).toEqual(applied.map((_, i) => i + 2));
    const last = applied.reduce((a, b) => (a.version > b.version ? a : b));
    const { node } = await api.data(
      `query($id: ID!) { node(id: $id) { ... on PartnerSearch { version description } } }`,
      {
        id: search.id,
      },
    );
    expect(node).toEqual({ version: 1 + applied.length, description: last.text });
    const audited = await api.db.prisma.auditEntry.findMany({
      where: { recordType: "PartnerSearch", recordId: id, mutation: "updatePartnerSearch" },
      orderBy: { id: "asc" },
    });
    expect(audited).toHaveLength(applied.length);
    // The log tells the versions in the order they were made, and so do its times.
    expect(audited.map((entry) => (entry.after as { version: number }).version)).toEqual(applied.map((_, i) => i + 2));
    const times = audited.map((entry) => entry.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("answers a retried create with the first search, never a second one", async () => {
    const before = await api.db.prisma.partnerSearch.count();
    const first = await post(bearer(keys["Opava web"]), { idempotencyKey: "opava-form-7" });
    const retries = await Promise.all(
      [1, 2, 3].map(() => post(bearer(keys["Opava web"]), { idempotencyKey: "opava-form-7" })),
    );
    for (const retry of retries)
      expect(retry.data.createPartnerSearch.partnerSearch.id).toBe(first.data.createPartnerSearch.partnerSearch.id);
    expect(await api.db.prisma.partnerSearch.count()).toBe(before + 1);
    expect(
      await api.db.prisma.auditEntry.count({ where: { mutation: "createPartnerSearch", requestId: { not: "" } } }),
    ).toBeGreaterThan(0);
  });

  it("refuses bad input with BAD_USER_INPUT naming the field, and writes nothing", async () => {
    const counts = async () => [
      await api.db.prisma.partnerSearch.count(),
      await api.db.prisma.auditEntry.count(),
      await api.db.prisma.source.count(),
    ];
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ description: [{ lang: "Czech", text: "x" }] }, "input.description.0.lang"],
      [{ description: [] }, "input.description"],
      [{ description: [{ lang: "en", text: "x".repeat(5001) }] }, "input.description.0.text"],
      [{ wantedPopulationMin: 90_000, wantedPopulationMax: 10_000 }, "input.wantedPopulationMax"],
      [{ wantedCountries: ["SI", "XX"] }, "input.wantedCountries.1"],
      [{ topics: ["no-such-topic"] }, "input.topics.0"],
      [{ validUntil: "2001-01-01" }, "input.validUntil"],
      [{ citation: { url: "javascript:alert(1)" } }, "input.citation.url"],
    ];
    for (const [extra, field] of cases) {
      const refused = await post(bearer(keys["Opava web"]), extra);
      expect(refused.errors?.[0].extensions, JSON.stringify(extra)).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    expect(await counts()).toEqual(before);
  });

  it("signs in with a bearer token verified against the issuer's keys, and refuses bad tokens", async () => {
    const editor = await token({ name: "Jana Nováková", citynet_roles: ["TOWN_EDITOR:opava"] });
    const created = await post(bearer(editor));
    expect(created.errors).toBeUndefined();
    const entry = await api.db.prisma.auditEntry.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(entry).toMatchObject({
      actor: `token:${ISSUER}#u-4711`,
      actorName: "Jana Nováková",
      role: "TOWN_EDITOR",
      scope: "town:opava",
    });

    const other = await generateKeyPair("RS256");
    const refusals = [
      await token({ citynet_roles: ["TOWN_EDITOR:opava"] }, { audience: "someone-else" }),
      await token({ citynet_roles: ["TOWN_EDITOR:opava"] }, { expires: "-1m" }),
      await token({ citynet_roles: ["TOWN_EDITOR:opava"] }, { key: other.privateKey }),
      "not-a-token",
    ];
    for (const bad of refusals) expect(codeOf(await post(bearer(bad)))).toBe("UNAUTHENTICATED");
    // A valid token without the role: signed in, but not this town's editor.
    expect(codeOf(await post(bearer(await token({ citynet_roles: ["TOWN_EDITOR:leoben"] }))))).toBe("FORBIDDEN");
  });

  it("creates more records at once than the API has connections, drawing their ids in one block", async () => {
    const small = await startTestApi("documents", { poolSize: 2 });
    try {
      const { secret } = await createApiKey(small.db.prisma, {
        name: "Busy portal",
        role: "TOWN_EDITOR",
        scope: "opava",
      });
      const created = await Promise.all(
        Array.from({ length: 6 }, () => small.query(CREATE, { input: opavaSearch() }, bearer(secret))),
      );
      expect(created.map((result) => result.errors)).toEqual(Array(6).fill(undefined));
      expect(new Set(created.map((result) => result.data.createPartnerSearch.partnerSearch.id)).size).toBe(6);
      // One round trip to the sequence for all six: the creates waited for the same draw.
      expect(small.statements.filter((sql) => sql.includes("nextval(")).length).toBe(1);
    } finally {
      await small.close();
    }
  });

  it("fetches the issuer's keys from a JWKS URL", async () => {
    const { port } = jwksServer.address() as { port: number };
    const auth: AuthConfig = {
      jwtIssuer: ISSUER,
      jwtAudience: AUDIENCE,
      jwksUrl: `http://127.0.0.1:${port}/jwks`,
      rolesClaim: "roles",
    };
    const remote = await startTestApi("documents", {}, { auth });
    try {
      const created = await remote.query(
        CREATE,
        { input: opavaSearch() },
        bearer(await token({ roles: "TOWN_EDITOR:opava" })),
      );
      expect(created.errors).toBeUndefined();
    } finally {
      await remote.close();
    }
  });

  it("lists and revokes API keys; a revoked key signs in no more; only hashes are stored", async () => {
    const secret = await key("Short-lived portal", "TOWN_EDITOR", "opava");
    const listed = (await listApiKeys(api.db.prisma)).find((k) => k.name === "Short-lived portal")!;
    expect(listed).toMatchObject({ role: "TOWN_EDITOR", scope: "opava", revokedAt: null, prefix: secret.slice(0, 10) });
    expect((await post(bearer(secret))).errors).toBeUndefined();
    expect((await listApiKeys(api.db.prisma)).find((k) => k.id === listed.id)!.lastUsedAt).not.toBeNull();
    const stored = JSON.stringify(await api.db.query(`SELECT * FROM "ApiKey"`));
    expect(stored).not.toContain(secret);
    expect(await revokeApiKey(api.db.prisma, listed.id)).toBe(true);
    expect(codeOf(await post(bearer(secret)))).toBe("UNAUTHENTICATED");
  });

  it("writes a partner search in one round trip for a key it remembers, and refuses the key once revoked elsewhere", async () => {
    const { prisma } = api.db;
    const secret = await key("Remembered portal", "TOWN_EDITOR", "opava");
    const portal = bearer(secret);
    const first = (await post(portal, { idempotencyKey: "remembered-1" })).data.createPartnerSearch.partnerSearch;
    const second = (await post(portal)).data.createPartnerSearch.partnerSearch;

    // The key and town remembered from the creates, the search's town from a first update: each
    // write is then its one statement.
    const update = (version: number, text: string) =>
      api.query(UPDATE, { input: { id: first.id, expectedVersion: version, description: en(text) } }, portal);
    expect((await update(1, "Remembered.")).errors).toBeUndefined();
    api.statements.length = 0;
    expect((await update(2, "One trip.")).errors).toBeUndefined();
    expect(api.statements).toHaveLength(1);
    // A create naming no countries or topics (which it would look up), answering with the written
    // row's columns; its id comes from a block.
    api.statements.length = 0;
    const createdIds = await api.query(
      `mutation($input: CreatePartnerSearchInput!) { createPartnerSearch(input: $input) { partnerSearch { id version } } }`,
      { input: opavaSearch({ wantedCountries: null, topics: null }) },
      portal,
    );
    expect(createdIds.errors).toBeUndefined();
    expect(api.statements.filter((sql) => !sql.includes("nextval("))).toHaveLength(1);
    // A query is not written by such a statement: the key is read for it, as before.
    api.statements.length = 0;
    await api.data(`{ __typename }`, {}, portal);
    expect(api.statements.filter((sql) => sql.includes(`"ApiKey"`))).toHaveLength(1);

    // Revoked by another process (the CLI): this server still remembers the key.
    const { id: keyId } = (await listApiKeys(prisma)).find((k) => k.name === "Remembered portal")!;
    expect(await revokeApiKey(prisma, keyId)).toBe(true);
    const searches = await prisma.partnerSearch.count();
    const audited = await prisma.auditEntry.count();
    const refused = [
      await update(3, "Too late."),
      await api.query(CLOSE, { input: { id: second.id, expectedVersion: 1, status: "WITHDRAWN" } }, portal),
      await post(portal),
      // A retry answered with the first create's search, which no statement checks the key for.
      await post(portal, { idempotencyKey: "remembered-1" }),
      // A mutation refused before its statement is not told more either.
      await api.query(UPDATE, { input: { id: first.id, expectedVersion: 3 } }, portal),
    ];
    for (const response of refused) {
      expect(codeOf(response)).toBe("UNAUTHENTICATED");
      expect(response.data?.updatePartnerSearch ?? response.data?.createPartnerSearch ?? null).toBeNull();
    }
    expect(await prisma.partnerSearch.count()).toBe(searches);
    expect(await prisma.auditEntry.count()).toBe(audited);
    expect(
      (
        await prisma.partnerSearch.findMany({
          where: { id: { in: [first, second].map((s) => rowIdOf(s.id)) } },
          orderBy: { id: "asc" },
        })
      ).map((s) => [s.version, s.status]),
    ).toEqual([
      [3, "OPEN"],
      [1, "OPEN"],
    ]);
    // Nor does it read or write anything else.
    expect(codeOf(await api.query(`{ savedSearches { id } }`, {}, portal))).toBe("UNAUTHENTICATED");
    expect(codeOf(await api.query(`{ __typename }`, {}, portal))).toBe("UNAUTHENTICATED");
  });

  it("checks a remembered search's town and town's slug in the write's statement", async () => {
    const { prisma } = api.db;
    const opava = bearer(keys["Opava web"]);
    const leoben = bearer(keys["Leoben web"]);
    const created = (await post(opava)).data.createPartnerSearch.partnerSearch;
    const id = rowIdOf(created.id);
    const change = (version: number, text: string) => ({
      input: { id: created.id, expectedVersion: version, description: en(text) },
    });
    expect((await api.query(UPDATE, change(1, "Remembered."), opava)).errors).toBeUndefined();
    // Moved to Leoben behind the API's back: the town the server remembers is Opava's.
    const towns = await prisma.town.findMany({ where: { slug: { in: ["opava", "leoben"] } } });
    const townOf = (slug: string) => towns.find((town) => town.slug === slug)!.id;
    await prisma.partnerSearch.update({ where: { id }, data: { townId: townOf("leoben") } });
    expect(codeOf(await api.query(UPDATE, change(2, "Not Opava's now."), opava))).toBe("FORBIDDEN");
    expect((await prisma.partnerSearch.findUniqueOrThrow({ where: { id } })).version).toBe(2);
    // Leoben's editor, refused by the remembered town, is allowed by the town read afresh.
    expect((await api.query(UPDATE, change(2, "Leoben's now."), leoben)).errors).toBeUndefined();

    // A town renamed behind the API's back: a create by the slug remembered is refused, then answered afresh.
    await prisma.town.update({ where: { id: townOf("opava") }, data: { slug: "opava-renamed" } });
    onTestFinished(() =>
      prisma.town.update({ where: { id: townOf("opava") }, data: { slug: "opava" } }).then(() => {}),
    );
    const searches = await prisma.partnerSearch.count();
    expect(codeOf(await post(opava))).toBe("CONFLICT");
    expect(codeOf(await post(opava))).toBe("BAD_USER_INPUT");
    expect(await prisma.partnerSearch.count()).toBe(searches);
  });

  it("keeps the audit log append-only and shows it to admins, and a record's history to its editors", async () => {
    const search = (await post(bearer(keys["Opava web"]))).data.createPartnerSearch.partnerSearch;
    await api.query(
      CLOSE,
      { input: { id: search.id, expectedVersion: 1, status: "MATCHED" } },
      bearer(keys["Opava web"]),
    );
    const HISTORY = `query($id: ID!) { node(id: $id) { ... on PartnerSearch { status history { mutation actorName before after } } } }`;
    const { node } = await api.data(HISTORY, { id: search.id }, bearer(keys["Opava web"]));
    expect(node.status).toBe("MATCHED");
    expect(node.history.map((h: any) => h.mutation)).toEqual(["createPartnerSearch", "closePartnerSearch"]);
    expect(JSON.parse(node.history[1].before).status).toBe("OPEN");
    expect(JSON.parse(node.history[1].after).status).toBe("MATCHED");
    expect(codeOf(await api.query(HISTORY, { id: search.id }, bearer(keys["Leoben web"])))).toBe("FORBIDDEN");

    const LOG = `{ auditLog(filter: { mutation: "closePartnerSearch" }, first: 5) { edges { node { actorName scope } } } }`;
    expect((await api.data(LOG, {}, bearer(keys.Operations))).auditLog.edges[0].node).toEqual({
      actorName: "Opava web",
      scope: "town:opava",
    });
    expect(codeOf(await api.query(LOG, {}, bearer(keys["Opava web"])))).toBe("FORBIDDEN");
    expect(codeOf(await api.query(LOG))).toBe("UNAUTHENTICATED");
    await expect(api.db.exec(`UPDATE "AuditEntry" SET "actorName" = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(api.db.exec(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/append-only/);
  });

  it("never answers a non-public field from the SQL planner or the response cache", async () => {
    const search = (await post(bearer(keys["Opava web"]))).data.createPartnerSearch.partnerSearch;
    await api.query(
      EXPRESS,
      {
        input: {
          partnerSearch: search.id,
          town: "leoben",
          message: [{ lang: "de", text: "Leoben ist interessiert." }],
        },
      },
      bearer(keys["Leoben web"]),
    );
    const query = `{ partnerSearch(slug: "${search.slug}") { slug interests { contactName } history { mutation } } }`;
    // The editor's answer, then the same operation anonymously: never the editor's (cached) data.
    api.statements.length = 0;
    expect((await api.data(query, {}, bearer(keys["Opava web"]))).partnerSearch.interests).toHaveLength(1);
    expect(api.statements.some((sql) => sql.startsWith("SELECT json_build_object"))).toBe(false);
    for (const attempt of [1, 2]) {
      const anonymous = await api.query(query);
      expect(codeOf(anonymous), `anonymous attempt ${attempt}`).toBe("UNAUTHENTICATED");
      expect(anonymous.data?.partnerSearch ?? null).toBeNull();
    }
    // A public read is cached; a committed write is seen by the very next read.
    const PUBLIC = `{ partnerSearch(slug: "${search.slug}") { status version } }`;
    expect((await api.data(PUBLIC)).partnerSearch).toEqual({ status: "OPEN", version: 1 });
    expect((await api.data(PUBLIC)).partnerSearch).toEqual({ status: "OPEN", version: 1 });
    await api.query(
      CLOSE,
      { input: { id: search.id, expectedVersion: 1, status: "WITHDRAWN" } },
      bearer(keys["Opava web"]),
    );
    expect((await api.data(PUBLIC)).partnerSearch).toEqual({ status: "WITHDRAWN", version: 2 });
  });

  it("keeps a twinning between its two towns' editors until the second town confirms it, then shows it from both", async () => {
    const TWINNINGS = `query($slug: String!) { town(slug: $slug) { twinnings { kind status towns { slug } since { text } } } }`;
    const proposed = await api.query(
      PROPOSE,
      {
        input: {
          town: "opava",
          partner: "ptuj",
          kind: "TWINNING",
          since: { precision: "YEAR", value: "1995" },
          citation: { url: "https://www.opava-city.cz/partnerska-mesta" },
        },
      },
      bearer(keys["Opava web"]),
    );
    expect(proposed.errors).toBeUndefined();
    const twinning = proposed.data.proposeTwinning.twinning;
    expect(twinning).toMatchObject({ status: "PROPOSED", kind: "TWINNING", since: { text: "1995" } });
    expect(twinning.towns.map((t: any) => t.slug).sort()).toEqual(["opava", "ptuj"]);
    expect(twinning.sources[0].source).toEqual({ kind: "CONTRIBUTION", contribution: { contributor: "Opava web" } });
    const ptuj = await key("Ptuj web", "TOWN_EDITOR", "ptuj");

    const seen = async (slug: string, headers: Record<string, string> = {}) =>
      (await api.data(TWINNINGS, { slug }, headers)).town.twinnings.filter((t: any) => t.kind === "TWINNING");
    expect(await seen("opava")).toEqual([]);
    expect(await seen("ptuj", bearer(keys["Leoben web"]))).toEqual([]);
    expect(await seen("ptuj", bearer(ptuj))).toHaveLength(1);
    const NODE = `query($id: ID!) { node(id: $id) { ... on Twinning { status } } }`;
    expect(codeOf(await api.query(NODE, { id: twinning.id }))).toBe("UNAUTHENTICATED");

    const confirm = (secret: string) =>
      api.query(CONFIRM, { input: { id: twinning.id, expectedVersion: 1 } }, bearer(secret));
    expect(codeOf(await confirm(keys["Opava web"]))).toBe("FORBIDDEN");
    expect((await confirm(ptuj)).data.confirmTwinning.twinning).toMatchObject({ status: "CONFIRMED", version: 2 });
    for (const slug of ["opava", "ptuj"])
      expect(await seen(slug)).toEqual([
        { kind: "TWINNING", status: "CONFIRMED", towns: expect.any(Array), since: { text: "1995" } },
      ]);
    expect((await api.data(NODE, { id: twinning.id })).node).toEqual({ status: "CONFIRMED" });

    const again = await api.query(
      PROPOSE,
      { input: { town: "ptuj", partner: "opava", kind: "TWINNING" } },
      bearer(ptuj),
    );
    expect(again.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.partner" });
    const badDate = await api.query(
      PROPOSE,
      {
        input: {
          town: "opava",
          partner: "ptuj",
          kind: "PARTNERSHIP",
          since: { precision: "MONTH", value: "1995-13" },
        },
      },
      bearer(keys["Opava web"]),
    );
    expect(badDate.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.since.value" });
  });

  it("lets a town's editors write its profile, keeping the private contact to them and GeoNames' facts cited", async () => {
    const update = (input: Record<string, unknown>, secret = keys["Opava web"]) =>
      api.query(PROFILE, { input: { town: "opava", ...input } }, bearer(secret));
    const written = await update({
      expectedVersion: 1,
      description: [
        { lang: "cs", text: "Statutární město ve Slezsku." },
        { lang: "en", text: "A statutory city in Silesia." },
      ],
      website: "https://www.opava-city.cz",
      publicContact: "partnerstvi@opava-city.cz",
      privateContact: "+420 553 756 111 (mayor's office)",
      citation: { url: "https://www.opava-city.cz/o-meste" },
    });
    expect(written.errors).toBeUndefined();
    expect(written.data.updateTownProfile.town).toEqual({
      slug: "opava",
      profileVersion: 2,
      website: "https://www.opava-city.cz",
    });

    const PUBLIC = `{ town(slug: "opava") { name description(lang: "en") website publicContact sources { field source { kind } } } }`;
    api.statements.length = 0;
    const { town } = await api.data(PUBLIC);
    expect(town).toMatchObject({
      name: "Opava",
      description: "A statutory city in Silesia.",
      publicContact: "partnerstvi@opava-city.cz",
    });
    const kinds = town.sources.map((s: any) => s.source.kind);
    expect(kinds).toContain("REGISTRY");
    expect(town.sources.at(-1)).toEqual({
      field: "description, website, publicContact",
      source: { kind: "CONTRIBUTION" },
    });

    const PRIVATE = `{ town(slug: "opava") { name privateContact } }`;
    api.statements.length = 0;
    expect((await api.data(PRIVATE, {}, bearer(keys["Opava web"]))).town.privateContact).toBe(
      "+420 553 756 111 (mayor's office)",
    );
    expect(api.statements.some((sql) => sql.startsWith("SELECT json_build_object"))).toBe(false);
    expect(codeOf(await api.query(PRIVATE))).toBe("UNAUTHENTICATED");
    expect(codeOf(await api.query(PRIVATE, {}, bearer(keys["Leoben web"])))).toBe("FORBIDDEN");
    // The same through search and a neighbourhood, whose records are loaded with the columns
    // the document asks (mixed-records.ts): the editor's, and nobody else's.
    await post(bearer(keys["Opava web"]));
    const MIXED = `{
      search(text: "Opava", types: [TOWN, PARTNER_SEARCH]) { results { entity {
        ... on Town { slug privateContact } ... on PartnerSearch { slug history { mutation } } } } }
      neighbourhood(town: "opava") { nodes { ... on Town { slug privateContact } } } }`;
    // Other towns (fuzzy matches, neighbours) keep theirs: FORBIDDEN at their places only.
    const answered = await api.query(MIXED, {}, bearer(keys["Opava web"]));
    expect(new Set(answered.errors?.map((e) => e.extensions?.code))).toEqual(new Set(["FORBIDDEN"]));
    const mixed = answered.data;
    const entities = mixed.search.results.map((r: any) => r.entity);
    expect(entities).toContainEqual({ slug: "opava", privateContact: "+420 553 756 111 (mayor's office)" });
    expect(entities.some((e: any) => e.history?.length)).toBe(true);
    expect(mixed.neighbourhood.nodes).toContainEqual({
      slug: "opava",
      privateContact: "+420 553 756 111 (mayor's office)",
    });
    for (const [headers, code] of [
      [{}, "UNAUTHENTICATED"],
      [bearer(keys["Leoben web"]), "FORBIDDEN"],
    ] as const) {
      const refused = await api.query(MIXED, {}, headers);
      expect(refused.errors?.map((e) => e.extensions?.code)).toContain(code);
      expect(JSON.stringify(refused.data ?? null)).not.toContain("mayor's office");
    }

    expect((await update({ expectedVersion: 1, website: null })).errors?.[0].extensions).toMatchObject({
      code: "CONFLICT",
      currentVersion: 2,
    });
    expect((await update({ expectedVersion: 2, website: "ftp://opava" })).errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.website",
    });
  });

  it("lets a network's secretariat record who joined and when a town left, cited to it", async () => {
    const add = (input: Record<string, unknown>, secret = keys["PIC secretariat"]) =>
      api.query(ADD_MEMBER, { input: { network: "partnership-initiative-of-cities", ...input } }, bearer(secret));
    const added = await add({ town: "leoben", role: "MEMBER", joined: { precision: "MONTH", value: "2026-05" } });
    expect(added.errors).toBeUndefined();
    const membership = added.data.addMembership.membership;
    expect(membership).toMatchObject({
      version: 1,
      role: "MEMBER",
      joined: { text: "May 2026" },
      town: { slug: "leoben" },
      network: { slug: "partnership-initiative-of-cities" },
    });
    expect(membership.sources[0].source.contribution).toEqual({
      contributor: "PIC secretariat",
      role: "NETWORK_SECRETARIAT",
    });
    expect((await add({ town: "leoben", role: "MEMBER" })).errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.town",
    });
    expect(codeOf(await add({ town: "ptuj", role: "MEMBER" }, keys["Opava web"]))).toBe("FORBIDDEN");

    const end = (expectedVersion: number) =>
      api.query(
        END_MEMBER,
        { input: { id: membership.id, expectedVersion, left: { precision: "SEASON", value: "2026-autumn" } } },
        bearer(keys["PIC secretariat"]),
      );
    expect((await end(1)).data.endMembership.membership).toMatchObject({ version: 2, left: { text: "autumn 2026" } });
    expect((await end(1)).errors?.[0].extensions).toMatchObject({ code: "CONFLICT", currentVersion: 2 });
  });

  /**
   * Every mutation, as anonymous, as the editor of another town and as the editor of the right
   * town. Built from the schema: a mutation without a case (or without auth scopes) fails here.
   */
  it("authorizes every mutation: anonymous UNAUTHENTICATED, another town's editor FORBIDDEN, the town's editor allowed", async () => {
    const search = (await post(bearer(keys["Opava web"]))).data.createPartnerSearch.partnerSearch;
    const interest = (
      await api.query(
        EXPRESS,
        { input: { partnerSearch: search.id, town: "murska-sobota", message: [{ lang: "en", text: "Hello" }] } },
        bearer(keys["Murska Sobota web"]),
      )
    ).data.expressInterest.interest;
    const second = (await post(bearer(keys["Opava web"]))).data.createPartnerSearch.partnerSearch;
    const propose = async (town: string, partner: string, kind: string, key: string) =>
      (await api.query(PROPOSE, { input: { town, partner, kind } }, bearer(keys[key]))).data.proposeTwinning.twinning;
    const toConfirm = await propose("leoben", "murska-sobota", "COOPERATION", "Leoben web");
    const toEnd = await propose("leoben", "opava", "COOPERATION", "Leoben web");
    const { network } = await api.data(
      `{ network(slug: "medium-sized-cities") { memberships(first: 1) { edges { node { id version } } } } }`,
    );
    const member = network.memberships.edges[0].node;
    // Records of the other domains, written through the API by their own writers.
    const event = (
      await api.query(
        CREATE_EVENT,
        { input: { network: "medium-sized-cities", kind: "FORUM", names: en("Autumn forum") } },
        bearer(keys["MSC secretariat"]),
      )
    ).data.createEvent.event;
    const project = (
      await api.query(
        CREATE_PROJECT,
        { input: { programme: "interreg-v-a-slovenia-austria", names: en("River towns") } },
        bearer(keys["Interreg SI-AT editor"]),
      )
    ).data.createProject.project;
    const call = (
      await api.query(
        PUBLISH_CALL,
        { input: { funder: "cemr", names: en("Small grants") } },
        bearer(keys["CEMR press office"]),
      )
    ).data.publishFundingCall.fundingCall;
    const news = (
      await api.query(
        PUBLISH_NEWS,
        { input: { publisher: "bistra-ptuj", title: en("Summer school"), summary: en("Applications are open.") } },
        bearer(keys["Bistra press office"]),
      )
    ).data.publishNews.newsItem;
    await key("Ptuj web", "TOWN_EDITOR", "ptuj");
    // A webhook of Leoben's key with one delivery, to be queued again.
    const leobenKey = await api.db.prisma.apiKey.findFirstOrThrow({ where: { name: "Leoben web" } });
    const webhook = await api.db.prisma.webhook.create({
      data: {
        apiKeyId: leobenKey.id,
        url: "https://portal.leoben.example/hooks",
        events: ["RECORD_CHANGED"],
        secret: "s",
      },
    });
    const delivery = await api.db.prisma.webhookDelivery.create({
      data: { webhookId: webhook.id, event: "RECORD_CHANGED", payload: {}, status: "FAILED" },
    });
    // A saved search of Leoben's key with one alert.
    const savedSearch = await api.db.prisma.savedSearch.create({
      data: { owner: `api-key:${leobenKey.id}`, name: "Opava", kind: "TOWN", criteria: { townId: 1 } },
    });
    const alert = await api.db.prisma.alert.create({
      data: { savedSearchId: savedSearch.id, recordType: "Town", recordId: 1, mutation: "updateTownProfile" },
    });
    // `other`: a signed-in caller the mutation refuses (none where any signed-in caller may).
    const cases: Record<string, { document: string; input: Record<string, unknown>; allowed: string; other?: string }> =
      {
        createPartnerSearch: { document: CREATE, input: opavaSearch(), allowed: "Opava web", other: "Leoben web" },
        updatePartnerSearch: {
          document: UPDATE,
          input: { id: search.id, expectedVersion: 1, wantedPopulationMax: 90_000 },
          allowed: "Opava web",
          other: "Leoben web",
        },
        closePartnerSearch: {
          document: CLOSE,
          input: { id: second.id, expectedVersion: 1, status: "WITHDRAWN" },
          allowed: "Opava web",
          other: "Murska Sobota web",
        },
        expressInterest: {
          document: EXPRESS,
          input: { partnerSearch: search.id, town: "leoben", message: [{ lang: "de", text: "Hallo" }] },
          allowed: "Leoben web",
          other: "Murska Sobota web",
        },
        respondToInterest: {
          document: RESPOND,
          input: { id: interest.id, expectedVersion: 1, response: "DECLINE" },
          allowed: "Opava web",
          other: "Leoben web",
        },
        proposeTwinning: {
          document: PROPOSE,
          input: { town: "opava", partner: "murska-sobota", kind: "COOPERATION" },
          allowed: "Opava web",
          other: "Murska Sobota web",
        },
        // The proposing town cannot confirm its own proposal.
        confirmTwinning: {
          document: CONFIRM,
          input: { id: toConfirm.id, expectedVersion: 1 },
          allowed: "Murska Sobota web",
          other: "Leoben web",
        },
        updateTownProfile: {
          document: PROFILE,
          input: { town: "leoben", expectedVersion: 1, website: "https://www.leoben.at" },
          allowed: "Leoben web",
          other: "Opava web",
        },
        addMembership: {
          document: ADD_MEMBER,
          input: { network: "medium-sized-cities", town: "ptuj", role: "MEMBER" },
          allowed: "MSC secretariat",
          other: "PIC secretariat",
        },
        endMembership: {
          document: END_MEMBER,
          input: { id: member.id, expectedVersion: member.version, left: { precision: "YEAR", value: "2026" } },
          allowed: "MSC secretariat",
          other: "Opava web",
        },
        endTwinning: {
          document: END,
          input: { id: toEnd.id, expectedVersion: 1, until: { precision: "YEAR", value: "2025" } },
          allowed: "Opava web",
          other: "Murska Sobota web",
        },
        createEvent: {
          document: CREATE_EVENT,
          input: { network: "medium-sized-cities", kind: "CONFERENCE", names: en("Spring conference") },
          allowed: "MSC secretariat",
          other: "PIC secretariat",
        },
        updateEvent: {
          document: UPDATE_EVENT,
          input: { id: event.id, expectedVersion: 1, venue: "Town hall" },
          allowed: "MSC secretariat",
          other: "Opava web",
        },
        createProject: {
          document: CREATE_PROJECT,
          input: { programme: "interreg-v-a-slovenia-austria", names: en("Border towns on foot") },
          allowed: "Interreg SI-AT editor",
          other: "URBACT editor",
        },
        updateProject: {
          document: UPDATE_PROJECT,
          input: { id: project.id, expectedVersion: 1, goals: [{ texts: en("Walkable centres") }] },
          allowed: "Interreg SI-AT editor",
          other: "URBACT editor",
        },
        addProjectPartner: {
          document: ADD_PARTNER,
          input: { project: project.id, expectedVersion: 2, organisation: "bistra-ptuj", role: "PARTNER" },
          allowed: "Interreg SI-AT editor",
          other: "CEMR press office",
        },
        removeProjectPartner: {
          document: REMOVE_PARTNER,
          input: { project: project.id, expectedVersion: 3, organisation: "bistra-ptuj" },
          allowed: "Interreg SI-AT editor",
          other: "URBACT editor",
        },
        publishFundingCall: {
          document: PUBLISH_CALL,
          input: { funder: "cemr", names: en("Twinning grants 2027") },
          allowed: "CEMR press office",
          other: "Bistra press office",
        },
        updateFundingCall: {
          document: UPDATE_CALL,
          input: { id: call.id, expectedVersion: 1, untilAllocationUsed: true },
          allowed: "CEMR press office",
          other: "Interreg SI-AT editor",
        },
        publishNews: {
          document: PUBLISH_NEWS,
          input: { publisher: "bistra-ptuj", title: en("Open day"), summary: en("Bistra opens its doors.") },
          allowed: "Bistra press office",
          other: "CEMR press office",
        },
        updateNews: {
          document: UPDATE_NEWS,
          input: { id: news.id, expectedVersion: 1, summary: en("A correction.") },
          allowed: "Bistra press office",
          other: "CEMR press office",
        },
        addTownAlternateName: {
          document: ADD_NAME,
          input: { town: "ptuj", expectedVersion: 1, name: "Poetovio", kind: "ALTERNATE", lang: "la" },
          allowed: "Ptuj web",
          other: "Opava web",
        },
        removeTownAlternateName: {
          document: REMOVE_NAME,
          input: { town: "ptuj", expectedVersion: 2, name: "Poetovio" },
          allowed: "Ptuj web",
          other: "Murska Sobota web",
        },
        registerWebhook: {
          document: REGISTER_WEBHOOK,
          input: { apiKey: leobenKey.id, url: "https://portal.leoben.example/hooks", events: ["RECORD_CHANGED"] },
          allowed: "Operations",
          other: "Opava web",
        },
        saveSearch: {
          document: SAVE_SEARCH,
          input: { name: "Italian partners", partnerSearches: { countries: ["IT"] } },
          allowed: "Opava web",
        },
        markAlertsRead: {
          document: MARK_READ,
          input: { ids: [encodeGlobalID("Alert", alert.id)] },
          allowed: "Leoben web",
          other: "Opava web",
        },
        deleteSavedSearch: {
          document: DELETE_SAVED_SEARCH,
          input: { id: encodeGlobalID("SavedSearch", savedSearch.id) },
          allowed: "Leoben web",
          other: "Opava web",
        },
        redeliverWebhookDelivery: {
          document: REDELIVER,
          input: { id: encodeGlobalID("WebhookDelivery", delivery.id) },
          allowed: "Leoben web",
          other: "Opava web",
        },
      };
    const mutations = schema.getMutationType()!.getFields();
    expect(Object.keys(mutations).sort()).toEqual(Object.keys(cases).sort());
    // In the cases' order: a later case may rest on an earlier one (a partner added, then removed).
    for (const mutation of Object.keys(cases).map((name) => mutations[name])) {
      expect((mutation.extensions.pothosOptions as { authScopes?: unknown }).authScopes, mutation.name).toBeTruthy();
      const { document, input, allowed, other } = cases[mutation.name];
      // A refused write leaves nothing behind: no audit entry, no citation, no source.
      const traces = async () => [
        await api.db.prisma.auditEntry.count(),
        await api.db.prisma.citation.count(),
        await api.db.prisma.source.count(),
      ];
      const before = await traces();
      expect(codeOf(await api.query(document, { input })), `${mutation.name} anonymous`).toBe("UNAUTHENTICATED");
      if (other)
        expect(codeOf(await api.query(document, { input }, bearer(keys[other]))), `${mutation.name} as ${other}`).toBe(
          "FORBIDDEN",
        );
      expect(await traces(), `${mutation.name} refused`).toEqual(before);
      const done = await api.query(document, { input }, bearer(keys[allowed]));
      expect(done.errors, `${mutation.name} as ${allowed}`).toBeUndefined();
    }
    // Admins may write for any town.
    expect((await post(bearer(keys.Operations))).errors).toBeUndefined();
  });

  it("guards every non-public field and type with auth scopes", () => {
    const guarded = (element: { extensions: Record<string, unknown> | null | undefined }) =>
      Boolean((element.extensions?.pothosOptions as { authScopes?: unknown } | undefined)?.authScopes);
    const NON_PUBLIC = ["PartnerSearch.interests", "PartnerSearch.history", "Query.auditLog", "Town.privateContact"];
    for (const name of NON_PUBLIC) {
      const [type, field] = name.split(".");
      expect(guarded((schema.getType(type) as GraphQLObjectType).getFields()[field]), name).toBe(true);
    }
    // Types only their owners see: every field returning them inherits the type's rule.
    for (const name of ["PartnerSearchInterest", "Webhook", "WebhookDelivery", "SavedSearch", "Alert"])
      expect(guarded(schema.getType(name) as GraphQLObjectType), name).toBe(true);
    for (const name of ["Query.webhooks", "Query.savedSearches", "Query.alerts"]) {
      const [type, field] = name.split(".");
      expect(guarded((schema.getType(type) as GraphQLObjectType).getFields()[field]), name).toBe(true);
    }
    // Whatever returns an interest or an audit entry is guarded too.
    for (const type of Object.values(schema.getTypeMap())) {
      if (!(type instanceof GraphQLObjectType) || type.name.startsWith("__") || type.name.startsWith("QueryAuditLog"))
        continue;
      for (const field of Object.values(type.getFields())) {
        const returns = getNamedType(field.type).name;
        if (returns === "AuditEntry" || returns.startsWith("QueryAuditLog"))
          expect(guarded(field), `${type.name}.${field.name}`).toBe(true);
      }
    }
  });
});
