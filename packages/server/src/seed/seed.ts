// Loads the curated facts (prisma/seed/facts.ts) and the reference data they need into an
// empty database, in one transaction. Refuses any quote that is not in its document.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { facts as curatedFacts } from "../../../../prisma/seed/facts.ts";
import type { Cite, PartialDateInput, SeedFacts, SubjectRef } from "../../../../prisma/seed/types.ts";
import type { Database } from "../db/database.js";
import { analyzeSearchIndex } from "../db/search-index.js";
import { Prisma, type SubjectType } from "../generated/prisma/index.js";
import { toDateRange } from "../lib/date-range.js";
import { foldDiacritics, normalizeSpace, slugify } from "../lib/text.js";
import { type GeonamesTown, loadCountries, loadRegionNames, REGISTRY_SOURCES, readGeonames } from "./reference.js";

export const DOCUMENTS_DIR = path.resolve(fileURLToPath(import.meta.url), "../../../../../prisma/seed/documents");

type Tx = Prisma.TransactionClient;

export class SeedError extends Error {}

/** Checks every quote against its document before anything is written. */
export function verifyQuotes(facts: SeedFacts, documentsDir = DOCUMENTS_DIR): void {
  const texts = new Map(
    facts.documents.map((d) => [d.key, normalizeSpace(readFileSync(path.join(documentsDir, d.key), "utf8"))]),
  );
  const missing: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!value || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    if (typeof record.doc === "string" && typeof record.quote === "string") {
      if (!texts.get(record.doc as Cite["doc"])?.includes(normalizeSpace(record.quote)))
        missing.push(`${record.doc}: ${record.quote}`);
      return;
    }
    Object.values(record).forEach(visit);
  };
  visit(facts);
  if (missing.length) throw new SeedError(`quotes not found in their documents:\n${missing.join("\n")}`);
}

export async function isSeeded(db: Database): Promise<boolean> {
  return (await db.prisma.source.count()) > 0;
}

/** Seeds an empty database; does nothing (and returns false) when data is already there. */
export async function seedIfEmpty(db: Database, facts: SeedFacts = curatedFacts): Promise<boolean> {
  if (await isSeeded(db)) return false;
  verifyQuotes(facts);
  const geonames = await loadSeedTowns(facts);
  await db.prisma.$transaction((tx) => writeFacts(tx, facts, geonames), { timeout: 120_000, maxWait: 30_000 });
  await analyzeSearchIndex(db);
  return true;
}

async function loadSeedTowns(facts: SeedFacts): Promise<Map<number, GeonamesTown>> {
  const wanted = new Set(facts.towns.map((t) => t.geonameId));
  const found = new Map<number, GeonamesTown>();
  for await (const town of readGeonames((id) => wanted.has(id))) found.set(town.geonameId, town);
  const absent = facts.towns.filter((t) => !found.has(t.geonameId));
  if (absent.length) throw new SeedError(`towns missing from GeoNames: ${absent.map((t) => t.key).join(", ")}`);
  return found;
}

function dateColumns(input: PartialDateInput | undefined) {
  if (!input) return {};
  const range = toDateRange(input);
  return {
    precision: range.precision,
    start: range.start,
    end: range.end,
    instant: range.instant,
    timeZone: range.timeZone,
  };
}

const json = (value: unknown) => (value === undefined ? undefined : (value as Prisma.InputJsonValue));

async function writeFacts(tx: Tx, facts: SeedFacts, geonames: Map<number, GeonamesTown>): Promise<void> {
  // Sources
  const sourceIds = new Map<string, number>();
  for (const doc of facts.documents) {
    const { id } = await tx.source.create({
      data: { key: doc.key, kind: "DOCUMENT", title: doc.title, language: doc.language },
    });
    sourceIds.set(doc.key, id);
  }
  for (const registry of Object.values(REGISTRY_SOURCES)) {
    const { id } = await tx.source.create({ data: { ...registry, kind: "REGISTRY" } });
    sourceIds.set(registry.key, id);
  }
  const citations: Prisma.CitationCreateManyInput[] = [];
  const cite = (subjectType: SubjectType, subjectId: number, cites: Cite[]) => {
    for (const c of cites) {
      citations.push({
        sourceId: sourceIds.get(c.doc)!,
        subjectType,
        subjectId,
        quote: normalizeSpace(c.quote),
        field: c.field,
      });
    }
  };
  const citeRegistry = (subjectType: SubjectType, subjectId: number, key: string, quote: string, field?: string) =>
    citations.push({ sourceId: sourceIds.get(key)!, subjectType, subjectId, quote, field });

  // Countries: the whole ISO list, so any town or declaration can refer to one.
  const countries = loadCountries();
  await tx.country.createMany({ data: countries.map((c) => ({ code: c.code, alpha3: c.alpha3, names: c.names })) });
  // Countries are keyed by code, not a numeric id: the API cites the registry for each.

  // Towns
  const regions = loadRegionNames();
  const townIds = new Map<string, number>();
  for (const fact of facts.towns) {
    const g = geonames.get(fact.geonameId)!;
    const name = fact.name ?? g.name;
    const town = await tx.town.create({
      data: {
        slug: slugify(name),
        name,
        asciiName: foldDiacritics(name),
        countryCode: g.countryCode,
        admin1Code: g.admin1Code,
        region: g.admin1Code ? regions.get(`${g.countryCode}.${g.admin1Code}`) : undefined,
        admin2Code: g.admin2Code,
        subregion: g.admin2Code ? regions.get(`${g.countryCode}.${g.admin1Code}.${g.admin2Code}`) : undefined,
        population: g.population || null,
        latitude: g.latitude,
        longitude: g.longitude,
        elevation: g.elevation,
        timezone: g.timezone,
        geonameId: g.geonameId,
        featureCode: g.featureCode,
        geonamesUpdatedOn: new Date(`${g.modifiedOn}T00:00:00Z`),
      },
    });
    townIds.set(fact.key, town.id);
    cite("TOWN", town.id, fact.cite);
    citeRegistry("TOWN", town.id, REGISTRY_SOURCES.geonames.key, g.quote, "coordinates, population, region");
    const names = new Map<
      string,
      { name: string; kind: "ASCII" | "EXONYM" | "SOURCE_SPELLING" | "ALTERNATE"; lang?: string }
    >();
    for (const alt of g.alternateNames)
      if (alt !== name) names.set(`ALTERNATE:${alt}`, { name: alt, kind: "ALTERNATE" });
    if (g.name !== name) names.set(`ALTERNATE:${g.name}`, { name: g.name, kind: "ALTERNATE" });
    if (foldDiacritics(name) !== name)
      names.set(`ASCII:${foldDiacritics(name)}`, { name: foldDiacritics(name), kind: "ASCII" });
    for (const n of fact.names ?? []) names.set(`${n.kind}:${n.name}`, n);
    for (const n of names.values()) {
      const row = await tx.townName.create({ data: { townId: town.id, name: n.name, kind: n.kind, lang: n.lang } });
      // A spelling is cited by the quotes that use it; matching its stem also finds declined
      // forms ("Rjazaň" in "v ruské Rjazani", "Varšava" in "od Varšavy").
      const sourceCites = fact.cite.filter((c) => normalizeSpace(c.quote).includes(n.name.slice(0, 4)));
      if (n.kind === "EXONYM" || n.kind === "SOURCE_SPELLING")
        cite("TOWN_NAME", row.id, sourceCites.length ? sourceCites : fact.cite);
    }
    if (g.population) {
      const figure = await tx.populationFigure.create({
        data: {
          townId: town.id,
          value: g.population,
          sourceId: sourceIds.get(REGISTRY_SOURCES.geonames.key)!,
          statedOn: new Date(`${g.modifiedOn}T00:00:00Z`),
        },
      });
      citeRegistry("POPULATION_FIGURE", figure.id, REGISTRY_SOURCES.geonames.key, g.quote, "population");
    }
  }
  const town = (key: string) => {
    const id = townIds.get(key);
    if (id === undefined) throw new SeedError(`unknown town ${key}`);
    return id;
  };

  for (const p of facts.populations) {
    const figure = await tx.populationFigure.create({
      data: {
        townId: town(p.town),
        value: p.value,
        qualifier: p.qualifier,
        statedOn: new Date(`${p.statedOn}T00:00:00Z`),
        sourceId: sourceIds.get(p.cite[0].doc)!,
      },
    });
    cite("POPULATION_FIGURE", figure.id, p.cite);
  }

  // Organisations (parents first: facts list them in that order)
  const organisationIds = new Map<string, number>();
  const organisation = (key: string) => organisationIds.get(key) ?? fail(`unknown organisation ${key}`);
  for (const o of facts.organisations) {
    const row = await tx.organisation.create({
      data: {
        slug: o.key,
        names: json(o.names)!,
        acronym: o.acronym,
        kind: o.kind,
        description: json(o.description),
        countryCode: o.country,
        townId: o.town ? town(o.town) : undefined,
        parentId: o.parent ? organisation(o.parent) : undefined,
        contactName: o.contactName,
        declaredMembers: o.declaredMembers,
      },
    });
    organisationIds.set(o.key, row.id);
    cite("ORGANISATION", row.id, o.cite);
  }

  const programmeIds = new Map<string, number>();
  const programme = (key: string) => programmeIds.get(key) ?? fail(`unknown programme ${key}`);
  for (const p of facts.programmes) {
    const row = await tx.programme.create({
      data: {
        slug: p.key,
        names: json(p.names)!,
        acronym: p.acronym,
        kind: p.kind,
        description: json(p.description),
        startYear: p.startYear,
        endYear: p.endYear,
        parentId: p.parent ? programme(p.parent) : undefined,
        managingBodyId: p.managingBody ? organisation(p.managingBody) : undefined,
        countries: p.countries ? { create: p.countries.map((countryCode) => ({ countryCode })) } : undefined,
      },
    });
    programmeIds.set(p.key, row.id);
    cite("PROGRAMME", row.id, p.cite);
  }

  const networkIds = new Map<string, number>();
  for (const n of facts.networks) {
    const row = await tx.network.create({
      data: {
        slug: n.key,
        names: json(n.names)!,
        description: json(n.description),
        foundedYear: n.foundedYear,
        initiatorTownId: n.initiatorTown ? town(n.initiatorTown) : undefined,
        homeCountryCode: n.homeCountry,
        declaredMemberCount: n.declaredMemberCount,
        meetingPattern: json(n.meetingPattern),
        declaredCountries: n.declaredCountries
          ? { create: n.declaredCountries.map((countryCode) => ({ countryCode })) }
          : undefined,
      },
    });
    networkIds.set(n.key, row.id);
    cite("NETWORK", row.id, n.cite);
    for (const m of n.memberships ?? []) {
      const joined = dateColumns(m.joined);
      const membership = await tx.membership.create({
        data: {
          networkId: row.id,
          townId: town(m.town),
          role: m.role,
          joinedPrecision: joined.precision,
          joinedStart: joined.start,
          joinedEnd: joined.end,
          note: json(m.note),
        },
      });
      cite("MEMBERSHIP", membership.id, m.cite);
    }
  }

  const topicIds = new Map<string, number>();
  for (const t of facts.topics) {
    const row = await tx.topic.create({ data: { slug: t.key, names: json(t.names)! } });
    topicIds.set(t.key, row.id);
  }
  /** Connects topics and lets each cite the quote that names it on this record. */
  const topics = (keys: string[] | undefined, cites: Cite[]) => {
    if (!keys?.length) return undefined;
    const ids = keys.map((k) => topicIds.get(k) ?? fail(`unknown topic ${k}`));
    const topicCites = cites.filter((c) => c.field === "topics");
    for (const id of ids) cite("TOPIC", id, topicCites);
    return { connect: ids.map((id) => ({ id })) };
  };

  const projectIds = new Map<string, number>();
  const project = (key: string) => projectIds.get(key) ?? fail(`unknown project ${key}`);
  for (const p of facts.projects) {
    const period = dateColumns(p.period);
    const row = await tx.project.create({
      data: {
        slug: p.key,
        names: json(p.names)!,
        description: json(p.description),
        area: json(p.area),
        goals: json(p.goals),
        programmeId: p.programme ? programme(p.programme) : undefined,
        fundId: p.fund ? programme(p.fund) : undefined,
        budgetAmount: p.budget ? new Prisma.Decimal(p.budget.amount) : undefined,
        budgetCurrency: p.budget?.currency,
        periodPrecision: period.precision,
        periodStart: period.start,
        periodEnd: period.end,
        periodNote: json(p.periodNote),
        declaredTownCount: p.declaredTownCount,
        predecessorId: p.predecessor ? project(p.predecessor) : undefined,
        declaredCountries: p.declaredCountries
          ? { create: p.declaredCountries.map((countryCode) => ({ countryCode })) }
          : undefined,
      },
    });
    projectIds.set(p.key, row.id);
    cite("PROJECT", row.id, [...p.cite, ...(p.budget?.cite.map((c) => ({ ...c, field: "budget" })) ?? [])]);
    for (const t of p.towns ?? []) {
      const link = await tx.projectTown.create({ data: { projectId: row.id, townId: town(t.town) } });
      cite("PROJECT_TOWN", link.id, t.cite);
    }
    for (const partner of p.partners ?? []) {
      const link = await tx.projectPartner.create({
        data: { projectId: row.id, organisationId: organisation(partner.organisation), role: partner.role },
      });
      cite("PROJECT_PARTNER", link.id, partner.cite);
    }
  }

  const eventIds = new Map<string, number>();
  const event = (key: string) => eventIds.get(key) ?? fail(`unknown event ${key}`);
  for (const e of facts.events) {
    const date = dateColumns(e.date);
    const row = await tx.event.create({
      data: {
        slug: e.key,
        kind: e.kind,
        names: json(e.names)!,
        theme: json(e.theme),
        description: json(e.description),
        edition: e.edition,
        parentId: e.parent ? event(e.parent) : undefined,
        networkId: e.network ? networkIds.get(e.network) : undefined,
        projectId: e.project ? project(e.project) : undefined,
        organiserId: e.organiser ? organisation(e.organiser) : undefined,
        hostTownId: e.hostTown ? town(e.hostTown) : undefined,
        venue: e.venue,
        online: e.online ?? false,
        platform: e.platform,
        datePrecision: date.precision,
        dateStart: date.start,
        dateEnd: date.end,
        startsAt: date.instant,
        timeZone: date.timeZone,
        dateNote: json(e.dateNote),
        declaredTownCount: e.declaredTownCount,
        registeredCount: e.registered?.value,
        registeredQual: e.registered?.qualifier,
        sessionCount: e.sessions?.value,
        sessionQual: e.sessions?.qualifier,
        partnerCount: e.partners?.value,
        partnerQual: e.partners?.qualifier,
        topics: topics(e.topics, e.cite),
        featuredNetworks: e.featuredNetworks
          ? { connect: e.featuredNetworks.map((k) => ({ id: networkIds.get(k) ?? fail(`unknown network ${k}`) })) }
          : undefined,
        featuredProgrammes: e.featuredProgrammes
          ? { connect: e.featuredProgrammes.map((k) => ({ id: programme(k) })) }
          : undefined,
      },
    });
    eventIds.set(e.key, row.id);
    cite("EVENT", row.id, e.cite);
    for (const p of e.participants ?? []) {
      const link = await tx.eventParticipation.create({
        data: {
          eventId: row.id,
          townId: p.town ? town(p.town) : undefined,
          organisationId: p.organisation ? organisation(p.organisation) : undefined,
          contribution: json(p.contribution),
        },
      });
      cite("EVENT_PARTICIPATION", link.id, p.cite);
    }
  }

  for (const a of facts.agreements) {
    const row = await tx.agreement.create({
      data: {
        slug: a.key,
        kind: a.kind,
        names: json(a.names)!,
        summary: json(a.summary),
        text: json(a.text),
        eventId: a.event ? event(a.event) : undefined,
        projectId: a.project ? project(a.project) : undefined,
        signatoriesNote: json(a.signatoriesNote),
        declaredSignatoryCount: a.declaredSignatoryCount,
      },
    });
    cite("AGREEMENT", row.id, a.cite);
    for (const s of a.signatoryTowns ?? []) {
      const link = await tx.agreementSignatory.create({ data: { agreementId: row.id, townId: town(s.town) } });
      cite("AGREEMENT_SIGNATORY", link.id, s.cite);
    }
  }

  const partnerSearchIds = new Map<string, number>();
  for (const s of facts.partnerSearches) {
    const postedOn = new Date(`${s.postedOn}T00:00:00Z`);
    const row = await tx.partnerSearch.create({
      data: {
        slug: s.key,
        townId: town(s.town),
        kind: s.kind,
        postedOn,
        description: json(s.description)!,
        wantedPopulationMin: s.wantedPopulation?.min,
        wantedPopulationMax: s.wantedPopulation?.max,
        status: "OPEN",
        statusAsOf: postedOn,
        topics: topics(s.topics, s.cite),
        wantedCountries: s.wantedCountries
          ? { create: s.wantedCountries.map((countryCode) => ({ countryCode })) }
          : undefined,
      },
    });
    partnerSearchIds.set(s.key, row.id);
    cite("PARTNER_SEARCH", row.id, s.cite);
  }

  const fundingCallIds = new Map<string, number>();
  for (const f of facts.fundingCalls) {
    const row = await tx.fundingCall.create({
      data: {
        slug: f.key,
        names: json(f.names)!,
        description: json(f.description),
        funderId: f.funder ? organisation(f.funder) : undefined,
        programmeId: f.programme ? programme(f.programme) : undefined,
        eligibleApplicants: f.eligibleApplicants,
        applicantMinAge: f.applicantAge?.min,
        applicantMaxAge: f.applicantAge?.max,
        regions: json(f.regions),
        publishedOn: f.publishedOn ? new Date(`${f.publishedOn}T00:00:00Z`) : undefined,
        deadline: f.deadline ? new Date(`${f.deadline}T00:00:00Z`) : undefined,
        untilAllocationUsed: f.untilAllocationUsed ?? false,
        eligibleCountries: f.eligibleCountries
          ? { create: f.eligibleCountries.map((countryCode) => ({ countryCode })) }
          : undefined,
      },
    });
    fundingCallIds.set(f.key, row.id);
    cite("FUNDING_CALL", row.id, f.cite);
  }

  const subject = (ref: SubjectRef): { subjectType: SubjectType; subjectId: number } => {
    if ("town" in ref) return { subjectType: "TOWN", subjectId: town(ref.town) };
    if ("event" in ref) return { subjectType: "EVENT", subjectId: event(ref.event) };
    if ("organisation" in ref) return { subjectType: "ORGANISATION", subjectId: organisation(ref.organisation) };
    if ("programme" in ref) return { subjectType: "PROGRAMME", subjectId: programme(ref.programme) };
    if ("project" in ref) return { subjectType: "PROJECT", subjectId: project(ref.project) };
    if ("partnerSearch" in ref)
      return {
        subjectType: "PARTNER_SEARCH",
        subjectId: partnerSearchIds.get(ref.partnerSearch) ?? fail(`unknown partner search ${ref.partnerSearch}`),
      };
    return {
      subjectType: "FUNDING_CALL",
      subjectId: fundingCallIds.get(ref.fundingCall) ?? fail(`unknown funding call ${ref.fundingCall}`),
    };
  };
  for (const n of facts.news) {
    const row = await tx.newsItem.create({
      data: {
        slug: n.key,
        sourceId: sourceIds.get(n.doc)!,
        publisherId: n.publisher ? organisation(n.publisher) : undefined,
        publishedOn: new Date(`${n.publishedOn}T00:00:00Z`),
        language: facts.documents.find((d) => d.key === n.doc)!.language,
        names: json(n.names)!,
        summary: json(n.summary)!,
        subjects: { create: n.subjects.map(subject) },
      },
    });
    cite("NEWS_ITEM", row.id, n.cite);
  }

  await tx.citation.createMany({ data: citations });
}

function fail(message: string): never {
  throw new SeedError(message);
}
