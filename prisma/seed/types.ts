// The shape of the curated seed facts. Everything is keyed by stable local keys (slugs);
// the loader resolves them to database ids. Every fact carries at least one citation whose
// quote must appear verbatim (modulo white space) in its document: the loader refuses
// anything else.

export type Lang = "cs" | "pl" | "sl" | "en" | "de" | "hu" | "it";

/** A text in its original language followed by translations. */
export interface LocalizedText {
  lang: Lang;
  text: string;
  original?: true;
}

export type DocumentKey =
  | "000_f836775315a78a45.txt"
  | "001_d2d4b9c37bf66d4a.txt"
  | "002_12f2f4021cf5aa74.txt"
  | "003_eff89ee55d5035cd.txt"
  | "004_792c114cf24cfc0b.txt";

export interface Cite {
  doc: DocumentKey;
  quote: string;
  /** Which field or relationship the quote backs, when narrower than the record. */
  field?: string;
}

export type Precision = "YEAR" | "SEASON" | "MONTH" | "DAY" | "DATE_TIME";

/** A partial date as written: "2016", "2016-spring", "2004-12", "2009-10-01", or an instant. */
export interface PartialDateInput {
  precision: Precision;
  /** YEAR: "2016"; SEASON: "2016-spring"; MONTH: "2004-12"; DAY: "2009-10-01"; DATE_TIME: ISO instant. */
  value: string;
  /** Last day for ranges ("6–8 May 2020"), same format as value. */
  until?: string;
  timeZone?: string;
}

export type Qualifier = "EXACT" | "ABOUT" | "ALMOST" | "MORE_THAN";

export interface SourceDocument {
  key: DocumentKey;
  language: Lang;
  title: string;
}

export interface TownFact {
  key: string;
  geonameId: number;
  /** Canonical local name when GeoNames abbreviates it. */
  name?: string;
  names?: { name: string; kind: "EXONYM" | "SOURCE_SPELLING"; lang: Lang }[];
  cite: Cite[];
}

export interface PopulationFact {
  town: string;
  value: number;
  qualifier: Qualifier;
  statedOn: string;
  cite: Cite[];
}

export interface OrganisationFact {
  key: string;
  names: LocalizedText[];
  acronym?: string;
  kind:
    | "MUNICIPAL_ASSOCIATION"
    | "EUROPEAN_ASSOCIATION"
    | "INTERNATIONAL_ORGANISATION"
    | "INTERNATIONAL_ASSEMBLY"
    | "GOVERNMENT_BODY"
    | "NATIONAL_AGENCY"
    | "REGIONAL_MANAGEMENT"
    | "DEVELOPMENT_AGENCY"
    | "RESEARCH_CENTRE"
    | "YOUTH_ORGANISATION";
  description?: LocalizedText[];
  country?: string;
  town?: string;
  parent?: string;
  contactName?: string;
  declaredMembers?: number;
  cite: Cite[];
}

export interface ProgrammeFact {
  key: string;
  names: LocalizedText[];
  acronym?: string;
  kind:
    | "EU_FUND"
    | "EU_PROGRAMME"
    | "OPERATIONAL_PROGRAMME"
    | "POLICY_INITIATIVE"
    | "FINANCIAL_MECHANISM"
    | "FUND"
    | "CLIMATE_INITIATIVE";
  description?: LocalizedText[];
  startYear?: number;
  endYear?: number;
  parent?: string;
  managingBody?: string;
  countries?: string[];
  cite: Cite[];
}

export interface MembershipFact {
  town: string;
  role: "FOUNDING_MEMBER" | "MEMBER";
  joined?: PartialDateInput;
  note?: LocalizedText[];
  cite: Cite[];
}

export interface NetworkFact {
  key: string;
  names: LocalizedText[];
  description?: LocalizedText[];
  foundedYear?: number;
  initiatorTown?: string;
  homeCountry?: string;
  declaredMemberCount?: number;
  declaredCountries?: string[];
  meetingPattern?: LocalizedText[];
  memberships?: MembershipFact[];
  cite: Cite[];
}

export interface TopicFact {
  key: string;
  names: LocalizedText[];
}

export interface Counted {
  value: number;
  qualifier: Qualifier;
}

export interface EventFact {
  key: string;
  kind: "CONFERENCE" | "CONGRESS" | "FORUM" | "WEEK" | "ONLINE_SESSION" | "PROJECT_EVENT" | "PARTNER_DAYS";
  names: LocalizedText[];
  theme?: LocalizedText[];
  description?: LocalizedText[];
  edition?: number;
  parent?: string;
  network?: string;
  project?: string;
  organiser?: string;
  hostTown?: string;
  venue?: string;
  online?: boolean;
  platform?: string;
  date?: PartialDateInput;
  dateNote?: LocalizedText[];
  declaredTownCount?: number;
  registered?: Counted;
  sessions?: Counted;
  partners?: Counted;
  topics?: string[];
  featuredNetworks?: string[];
  featuredProgrammes?: string[];
  participants?: { town?: string; organisation?: string; contribution?: LocalizedText[]; cite: Cite[] }[];
  cite: Cite[];
}

export interface ProjectFact {
  key: string;
  names: LocalizedText[];
  description?: LocalizedText[];
  area?: LocalizedText[];
  goals?: LocalizedText[][];
  programme?: string;
  fund?: string;
  budget?: { amount: string; currency: string; cite: Cite[] };
  period?: PartialDateInput;
  periodNote?: LocalizedText[];
  declaredTownCount?: number;
  declaredCountries?: string[];
  predecessor?: string;
  towns?: { town: string; cite: Cite[] }[];
  partners?: { organisation: string; role: "LEAD_PARTNER" | "PARTNER" | "CONSORTIUM_PARTNER"; cite: Cite[] }[];
  cite: Cite[];
}

export interface AgreementFact {
  key: string;
  kind: "DECLARATION" | "COOPERATION_AGREEMENT";
  names: LocalizedText[];
  summary?: LocalizedText[];
  text?: LocalizedText[];
  event?: string;
  project?: string;
  signatoriesNote?: LocalizedText[];
  declaredSignatoryCount?: number;
  signatoryTowns?: { town: string; cite: Cite[] }[];
  cite: Cite[];
}

export interface PartnerSearchFact {
  key: string;
  town: string;
  kind: "TWINNING" | "COOPERATION";
  postedOn: string;
  description: LocalizedText[];
  wantedPopulation?: { min: number; max: number };
  wantedCountries?: string[];
  topics?: string[];
  cite: Cite[];
}

export type ApplicantKind =
  | "LOCAL_GOVERNMENT"
  | "NGO"
  | "PUBLIC_BODY"
  | "ACADEMIC_INSTITUTION"
  | "EDUCATIONAL_INSTITUTION"
  | "YOUNG_PERSON"
  | "OTHER";

export interface FundingCallFact {
  key: string;
  names: LocalizedText[];
  description?: LocalizedText[];
  funder?: string;
  programme?: string;
  eligibleApplicants: ApplicantKind[];
  applicantAge?: { min: number; max: number };
  regions?: LocalizedText[];
  eligibleCountries?: string[];
  publishedOn?: string;
  deadline?: string;
  untilAllocationUsed?: boolean;
  cite: Cite[];
}

export type SubjectRef =
  | { town: string }
  | { event: string }
  | { organisation: string }
  | { programme: string }
  | { project: string }
  | { partnerSearch: string }
  | { fundingCall: string };

export interface NewsFact {
  key: string;
  doc: DocumentKey;
  publisher?: string;
  publishedOn: string;
  names: LocalizedText[];
  summary: LocalizedText[];
  subjects: SubjectRef[];
  cite: Cite[];
}

export interface SeedFacts {
  documents: SourceDocument[];
  towns: TownFact[];
  populations: PopulationFact[];
  organisations: OrganisationFact[];
  programmes: ProgrammeFact[];
  networks: NetworkFact[];
  topics: TopicFact[];
  projects: ProjectFact[];
  events: EventFact[];
  agreements: AgreementFact[];
  partnerSearches: PartnerSearchFact[];
  fundingCalls: FundingCallFact[];
  news: NewsFact[];
}
