// Every fact CityNet serves from the five source documents (see documents/ and the English
// digest in FACTS.md). Nothing here is completed from memory: where a document gives a
// number but not the list, the data holds the number and the names it does give.
import type { Cite, DocumentKey, Lang, LocalizedText, SeedFacts } from "./types.ts";

const NETWORK_DOC: DocumentKey = "000_f836775315a78a45.txt";
const SMO_DOC: DocumentKey = "001_d2d4b9c37bf66d4a.txt";
const WEEK_DOC: DocumentKey = "002_12f2f4021cf5aa74.txt";
const CC1_DOC: DocumentKey = "003_eff89ee55d5035cd.txt";
const CC2_DOC: DocumentKey = "004_792c114cf24cfc0b.txt";

/** Original-language text first, then translations. */
function t(lang: Lang, text: string, translations: Partial<Record<Lang, string>> = {}): LocalizedText[] {
  return [
    { lang, text, original: true },
    ...Object.entries(translations).map(([l, tx]) => ({ lang: l as Lang, text: tx as string })),
  ];
}

const cite = (doc: DocumentKey, quote: string, field?: string): Cite =>
  field ? { doc, quote, field } : { doc, quote };

const FOUNDERS =
  "Zakládajícími členy jsou města Innsbruck, Jena, Pasov, Székesfehérvár, České Budějovice, Trnava a Brno.";
const CC1_TOWNS =
  "Sodelujoča mesta iz Slovenije:Lendava, Murska Sobota, Radenci, Gornja Radgona, Ormož, Ptuj, Ljutomer in Lenart.";

/** One line of the network's conference table: season, year, host, theme (cs) and its English. */
const conferences: [
  season: "spring" | "autumn",
  year: number,
  host: string,
  line: string,
  themeCs: string,
  themeEn: string,
][] = [
  [
    "spring",
    2016,
    "sankt-polten",
    "jaro 2016 - St. Pölten (Rakousko)",
    "Komunikace s veřejností s důrazem na digitální komunikaci měst",
    "Communication with the public, with emphasis on the digital communication of cities",
  ],
  [
    "spring",
    2015,
    "leoben",
    "jaro 2015 - Leoben (Rakousko)",
    "Mládež - propagace, perspektivy, nezaměstnanost, práce a kultura mladých",
    "Youth: promotion, prospects, unemployment, work and culture of young people",
  ],
  [
    "spring",
    2014,
    "nyiregyhaza",
    "jaro 2014 - Nyiregyhaza (Maďarsko)",
    "Důsledky rozpočtu Evropské unie na roky 2014-2020 pro města",
    "Consequences of the EU budget 2014–2020 for cities",
  ],
  [
    "spring",
    2013,
    "opava",
    "jaro 2013 - Opava (Česká republika)",
    "Zahraniční spolupráce měst",
    "Foreign cooperation of cities",
  ],
  [
    "autumn",
    2012,
    "trnava",
    "podzim 2012 - Trnava (Slovensko)",
    "Samospráva o podpora inovací",
    "Local government and support of innovation",
  ],
  [
    "spring",
    2012,
    "leszno",
    "jaro 2012 - Leszno (Polsko)",
    "Prezentace a marketing měst",
    "Presentation and marketing of cities",
  ],
  [
    "autumn",
    2011,
    "hodonin",
    "podzim 2011 - Hodonín (Česká republika)",
    "Podnikání v oblasti cestovního ruchu a lázeňství",
    "Business in tourism and spa industry",
  ],
  [
    "spring",
    2010,
    "sankt-polten",
    "jaro 2010 - St. Pölten (Rakousko)",
    "Problémy v sociální oblasti",
    "Problems in the social sphere",
  ],
  [
    "autumn",
    2009,
    "martin",
    "podzim 2009 - Martin (Slovensko)",
    "Odpadové hospodářství, spalovny odpadů, kompostárny pro bioodpad v souvislosti se samosprávou",
    "Waste management, waste incinerators and bio-waste composting plants in relation to local government",
  ],
  [
    "spring",
    2009,
    "nagykanizsa",
    "jaro 2009 - Nagykanisza (Maďarsko)",
    "Elektronická správa ve městech střední velikosti",
    "E-government in medium-sized cities",
  ],
  ["autumn", 2008, "wels", "podzim 2008 - Wells (Rakousko)", "Energeticky efektivní města", "Energy-efficient cities"],
  ["spring", 2008, "leszno", "jaro 2008 - Leszno (Polsko) 2008 –", "Regionální management", "Regional management"],
  [
    "autumn",
    2007,
    "innsbruck",
    "podzim 2007 - Innsbruck (Rakousko)",
    "Moderní architektura ve starých městských jádrech",
    "Modern architecture in old town centres",
  ],
  [
    "spring",
    2007,
    "nyiregyhaza",
    "jaro 2007- Nyiregyhaza (Maďarsko)",
    "Využití lidských zdrojů měst pro městský rozvoj a pro vznik vědeckých center",
    "Using cities' human resources for urban development and for founding science centres",
  ],
  [
    "autumn",
    2006,
    "brno",
    "podzim 2006 - Brno",
    "Systém turistických informačních center a jejich propojení v regionu",
    "The system of tourist information centres and their linking within the region",
  ],
  [
    "spring",
    2006,
    "heidenheim-an-der-brenz",
    "jaro 2006 - Heidenheim (Německo)",
    "Demografická změna v Evropě – důsledky pro rozvoj měst",
    "Demographic change in Europe: consequences for urban development",
  ],
];

const SEASON_CS = { spring: "jaro", autumn: "podzim" } as const;

const conferenceLine = (line: string, themeCs: string) => `${line} ${themeCs}`;

export const facts: SeedFacts = {
  documents: [
    { key: NETWORK_DOC, language: "cs", title: "Kooperační síť evropských měst střední velikosti" },
    { key: SMO_DOC, language: "cs", title: "Zahraniční spolupráce (Svaz měst a obcí)" },
    { key: WEEK_DOC, language: "pl", title: "20. Europejski Tydzień Regionów i Miast" },
    { key: CC1_DOC, language: "sl", title: "Projekt City Cooperation – Sodelovanje mest" },
    { key: CC2_DOC, language: "sl", title: "Partnerski dnevi projekta City Cooperation II so pred vrati" },
  ],

  towns: [
    {
      key: "sankt-polten",
      geonameId: 2766429,
      cite: [cite(NETWORK_DOC, "Síť byla založena v roce 1995 z iniciativy města St. Pöltenu.")],
      names: [{ name: "St. Pölten", kind: "SOURCE_SPELLING", lang: "cs" }],
    },
    {
      key: "innsbruck",
      geonameId: 2775220,
      cite: [cite(NETWORK_DOC, FOUNDERS), cite(SMO_DOC, "v rakouském Innsbrucku")],
    },
    { key: "jena", geonameId: 2895044, cite: [cite(NETWORK_DOC, FOUNDERS)] },
    {
      key: "passau",
      geonameId: 2855328,
      cite: [cite(NETWORK_DOC, FOUNDERS)],
      names: [{ name: "Pasov", kind: "EXONYM", lang: "cs" }],
    },
    { key: "szekesfehervar", geonameId: 3044774, cite: [cite(NETWORK_DOC, FOUNDERS)] },
    { key: "ceske-budejovice", geonameId: 3077916, cite: [cite(NETWORK_DOC, FOUNDERS)] },
    {
      key: "trnava",
      geonameId: 3057124,
      cite: [cite(NETWORK_DOC, FOUNDERS), cite(NETWORK_DOC, "podzim 2012 - Trnava (Slovensko)")],
    },
    { key: "brno", geonameId: 3078610, cite: [cite(NETWORK_DOC, FOUNDERS)] },
    {
      key: "opava",
      geonameId: 3068927,
      cite: [
        cite(
          NETWORK_DOC,
          "V prosinci roku 2004 schválilo Zastupitelstvo města Opavy členství města v této mezinárodní síti měst.",
        ),
      ],
    },
    { key: "leoben", geonameId: 2772649, cite: [cite(NETWORK_DOC, "jaro 2015 - Leoben (Rakousko)")] },
    {
      key: "nyiregyhaza",
      geonameId: 716935,
      cite: [cite(NETWORK_DOC, "jaro 2014 - Nyiregyhaza (Maďarsko)")],
      names: [{ name: "Nyiregyhaza", kind: "SOURCE_SPELLING", lang: "cs" }],
    },
    { key: "leszno", geonameId: 3093524, cite: [cite(NETWORK_DOC, "jaro 2012 - Leszno (Polsko)")] },
    { key: "hodonin", geonameId: 3075654, cite: [cite(NETWORK_DOC, "podzim 2011 - Hodonín (Česká republika)")] },
    { key: "martin", geonameId: 3058780, cite: [cite(NETWORK_DOC, "podzim 2009 - Martin (Slovensko)")] },
    {
      key: "nagykanizsa",
      geonameId: 3047679,
      cite: [cite(NETWORK_DOC, "jaro 2009 - Nagykanisza (Maďarsko)")],
      names: [{ name: "Nagykanisza", kind: "SOURCE_SPELLING", lang: "cs" }],
    },
    {
      key: "wels",
      geonameId: 2761524,
      cite: [cite(NETWORK_DOC, "podzim 2008 - Wells (Rakousko)")],
      names: [{ name: "Wells", kind: "SOURCE_SPELLING", lang: "cs" }],
    },
    {
      key: "heidenheim-an-der-brenz",
      geonameId: 2907851,
      cite: [cite(NETWORK_DOC, "jaro 2006 - Heidenheim (Německo)")],
      names: [{ name: "Heidenheim", kind: "SOURCE_SPELLING", lang: "cs" }],
    },
    {
      key: "lutsk",
      geonameId: 702569,
      cite: [cite(SMO_DOC, "Město Luck, které je regionálním centrem Volyňské oblasti na Ukrajině")],
      names: [{ name: "Luck", kind: "EXONYM", lang: "cs" }],
    },
    {
      key: "ryazan",
      geonameId: 500096,
      cite: [cite(SMO_DOC, "v ruské Rjazani")],
      names: [{ name: "Rjazaň", kind: "EXONYM", lang: "cs" }],
    },
    {
      key: "wolomin",
      geonameId: 754800,
      cite: [cite(SMO_DOC, "Polské město Wolomin hledá partnera pro spolupráci")],
      names: [{ name: "Wolomin", kind: "SOURCE_SPELLING", lang: "cs" }],
    },
    {
      key: "warsaw",
      geonameId: 756135,
      name: "Warszawa",
      cite: [cite(SMO_DOC, "se nachází 20 km severovýchodně od Varšavy")],
      names: [{ name: "Varšava", kind: "EXONYM", lang: "cs" }],
    },
    { key: "montefranco", geonameId: 3172916, cite: [cite(SMO_DOC, "Italské město Montefranco hledá partnera")] },
    {
      key: "brussels",
      geonameId: 2800866,
      cite: [cite(WEEK_DOC, "największe coroczne wydarzenie w Brukseli")],
      names: [{ name: "Bruksela", kind: "EXONYM", lang: "pl" }],
    },
    { key: "lendava", geonameId: 3196681, cite: [cite(CC1_DOC, CC1_TOWNS)] },
    { key: "murska-sobota", geonameId: 3194648, cite: [cite(CC1_DOC, CC1_TOWNS)] },
    { key: "radenci", geonameId: 3192139, cite: [cite(CC1_DOC, CC1_TOWNS)] },
    { key: "gornja-radgona", geonameId: 3200197, cite: [cite(CC1_DOC, CC1_TOWNS)] },
    { key: "ormoz", geonameId: 3193965, cite: [cite(CC1_DOC, CC1_TOWNS)] },
    { key: "ptuj", geonameId: 3192241, cite: [cite(CC1_DOC, CC1_TOWNS)] },
    { key: "ljutomer", geonameId: 3196307, cite: [cite(CC1_DOC, CC1_TOWNS)] },
    {
      key: "lenart",
      geonameId: 3196682,
      name: "Lenart v Slovenskih Goricah",
      cite: [cite(CC1_DOC, CC1_TOWNS)],
      names: [{ name: "Lenart", kind: "SOURCE_SPELLING", lang: "sl" }],
    },
    { key: "furstenfeld", geonameId: 2779115, cite: [cite(CC1_DOC, "na avstrijskem Štajerskem, v mestu Fürstenfeld")] },
    { key: "hartberg", geonameId: 2776801, cite: [cite(CC2_DOC, "na gradu Hartberg")] },
  ],

  populations: [
    {
      town: "wolomin",
      value: 53000,
      qualifier: "EXACT",
      statedOn: "2019-08-09",
      cite: [cite(SMO_DOC, "Město Wolomin s 53 000 obyvateli")],
    },
    {
      town: "montefranco",
      value: 1300,
      qualifier: "ABOUT",
      statedOn: "2019-06-17",
      cite: [cite(SMO_DOC, "Město Montefranco se svými zhruba 1 300 obyvateli")],
    },
  ],

  organisations: [
    {
      key: "smo-cr",
      names: t("cs", "Svaz měst a obcí České republiky", {
        en: "Union of Towns and Municipalities of the Czech Republic",
      }),
      acronym: "SMO ČR",
      kind: "MUNICIPAL_ASSOCIATION",
      country: "CZ",
      contactName: "Mgr. Šárka Řechková",
      description: t(
        "cs",
        "Svaz měst a obcí je dlouholetým členem řady významných evropských uskupení a organizací. Svaz zároveň aktivně podporuje zahraniční rozvojovou spolupráci. Svaz rovněž dlouhodobě podporuje partnerskou spolupráci měst a obcí.",
        {
          en: "A long-standing member of European associations; supports development cooperation and town partnerships (twinning).",
        },
      ),
      cite: [
        cite(SMO_DOC, "Svaz měst a obcí je dlouholetým členem řady významných evropských uskupení a organizací"),
        cite(SMO_DOC, "Svaz zároveň aktivně podporuje zahraniční rozvojovou spolupráci"),
        cite(SMO_DOC, "Svaz rovněž dlouhodobě podporuje partnerskou spolupráci měst a obcí"),
        cite(SMO_DOC, "Mgr. Šárka Řechková", "contactName"),
      ],
    },
    {
      key: "cemr",
      names: t("cs", "Rada evropských obcí a regionů", { en: "Council of European Municipalities and Regions" }),
      acronym: "CEMR",
      kind: "EUROPEAN_ASSOCIATION",
      cite: [cite(SMO_DOC, "Kongres Rady evropských obcí a regionů (CEMR)")],
    },
    {
      key: "council-of-europe",
      names: t("cs", "Rada Evropy", { en: "Council of Europe" }),
      kind: "INTERNATIONAL_ORGANISATION",
      cite: [
        cite(SMO_DOC, "Kongresu místních a regionálních samospráv Rady Evropy"),
        cite(SMO_DOC, "(Rada Evropy, Evropské fórum mládeže a další)"),
      ],
    },
    {
      key: "clrae",
      names: t("cs", "Kongres místních a regionálních samospráv Rady Evropy", {
        en: "Congress of Local and Regional Authorities of the Council of Europe",
      }),
      acronym: "CLRAE",
      kind: "INTERNATIONAL_ASSEMBLY",
      parent: "council-of-europe",
      cite: [
        cite(SMO_DOC, "Kongresu místních a regionálních samospráv (CLRAE)"),
        cite(SMO_DOC, "Kongresu místních a regionálních samospráv Rady Evropy", "parent"),
      ],
    },
    {
      key: "german-environment-ministry",
      names: t("cs", "německé ministerstvo životního prostředí", { en: "German Federal Environment Ministry" }),
      kind: "GOVERNMENT_BODY",
      country: "DE",
      cite: [cite(SMO_DOC, "Výzvu vyhlásilo německé ministerstvo životního prostředí")],
    },
    {
      key: "european-youth-forum",
      names: t("cs", "Evropské fórum mládeže", { en: "European Youth Forum" }),
      kind: "YOUTH_ORGANISATION",
      cite: [cite(SMO_DOC, "(Rada Evropy, Evropské fórum mládeže a další)")],
    },
    {
      key: "erasmus-plus-national-agencies",
      names: t("cs", "Národní agentury Erasmus+", { en: "Erasmus+ National Agencies" }),
      kind: "NATIONAL_AGENCY",
      cite: [cite(SMO_DOC, "partnerství Národních agentur Erasmus+")],
    },
    {
      key: "eu-regionalmanagement-oststeiermark",
      names: t("de", "EU-Regionalmanagement Oststeiermark"),
      kind: "REGIONAL_MANAGEMENT",
      country: "AT",
      cite: [cite(CC1_DOC, "Vodja projekta je: EU- Regionalmanagement Oststeiermark, Avstrija")],
    },
    {
      key: "bistra-ptuj",
      names: t("sl", "Znanstveno-raziskovalno središče Bistra Ptuj", { en: "Science and Research Centre Bistra Ptuj" }),
      kind: "RESEARCH_CENTRE",
      country: "SI",
      town: "ptuj",
      cite: [
        cite(CC1_DOC, "Partnerji iz Slovenije v tem projektu so:Znanstveno- raziskovalno središče Bistra Ptuj"),
        cite(CC2_DOC, "Znanstveno-raziskovalnim središčem Bistra Ptuj"),
      ],
    },
    {
      key: "razvojni-center-murska-sobota",
      names: t("sl", "Razvojni center Murska Sobota", { en: "Development Centre Murska Sobota" }),
      kind: "DEVELOPMENT_AGENCY",
      country: "SI",
      town: "murska-sobota",
      cite: [cite(CC1_DOC, "Razvojni center Murska Sobota"), cite(CC2_DOC, "Razvojnim centrom Murska Sobota")],
    },
    {
      key: "prleska-razvojna-agencija",
      names: t("sl", "Prleška razvojna agencija", { en: "Prlekija Development Agency" }),
      kind: "DEVELOPMENT_AGENCY",
      country: "SI",
      cite: [cite(CC1_DOC, "Prleška razvojna agencija")],
    },
    {
      key: "pora-gornja-radgona",
      names: t("sl", "PORA Razvojna agencija Gornja Radgona", { en: "PORA Development Agency Gornja Radgona" }),
      acronym: "PORA",
      kind: "DEVELOPMENT_AGENCY",
      country: "SI",
      town: "gornja-radgona",
      cite: [cite(CC2_DOC, "PORA Razvojno agencijo Gornja Radgona")],
    },
    {
      key: "oststeirische-stadtekooperation",
      names: t("de", "Oststeirische Städtekooperation", {
        sl: "Združenje 8 mest vzhodne Štajerske",
        en: "Association of 8 towns of eastern Styria",
      }),
      kind: "MUNICIPAL_ASSOCIATION",
      country: "AT",
      declaredMembers: 8,
      cite: [
        cite(CC2_DOC, "The Oststeirische Städtekooperation"),
        cite(CC2_DOC, "Združenje 8 mest vzhodne Štajerske", "declaredMembers"),
      ],
    },
  ],

  programmes: [
    {
      key: "erdf",
      names: t("sl", "Evropski sklad za regionalni razvoj", { en: "European Regional Development Fund" }),
      acronym: "ERDF",
      kind: "EU_FUND",
      cite: [cite(CC1_DOC, "Financiranje: ESRR"), cite(CC2_DOC, "Evropskega sklada za regionalni razvoj (ESRR)")],
    },
    {
      key: "interreg-v-a-slovenia-austria",
      names: t("sl", "Interreg V-A Slovenija-Avstrija 2014-2020", { en: "Interreg V-A Slovenia–Austria 2014–2020" }),
      acronym: "Interreg V-A SI-AT",
      kind: "OPERATIONAL_PROGRAMME",
      startYear: 2014,
      endYear: 2020,
      countries: ["SI", "AT"],
      cite: [
        cite(
          CC2_DOC,
          "Operativnega programa že vzpostavljenega čezmejnega sodelovanja Interreg V-A Slovenija-Avstrija 2014-2020",
        ),
      ],
    },
    {
      key: "urban-agenda-for-the-eu",
      names: t("pl", "Agenda Miejska dla UE", { en: "Urban Agenda for the EU" }),
      kind: "POLICY_INITIATIVE",
      cite: [cite(WEEK_DOC, "Czy Agenda Miejska dla UE i Program URBACT przyczyniły się do tworzenia sieci krajowych")],
    },
    {
      key: "urbact",
      names: t("pl", "Program URBACT", { en: "URBACT programme" }),
      acronym: "URBACT",
      kind: "EU_PROGRAMME",
      cite: [
        cite(
          WEEK_DOC,
          "Program UA dla UE, Program URBACT oraz projekt Partnerska Inicjatywa Miast zachęcają i inspirują do rozwijania sieci miast.",
        ),
      ],
    },
    {
      key: "euki",
      names: t("cs", "Evropská klimatická iniciativa", { en: "European Climate Initiative" }),
      acronym: "EUKI",
      kind: "CLIMATE_INITIATIVE",
      managingBody: "german-environment-ministry",
      cite: [
        cite(
          SMO_DOC,
          "Výzvu vyhlásilo německé ministerstvo životního prostředí v rámci Evropské klimatické iniciativy (EUKI)",
        ),
      ],
    },
    {
      key: "eea-norway-grants",
      names: t("cs", "Finanční mechanismus EHP/Norska (Norské fondy)", { en: "EEA and Norway Grants" }),
      kind: "FINANCIAL_MECHANISM",
      countries: ["CZ", "IS", "NO", "LI"],
      description: t(
        "cs",
        "Finanční mechanismus, který již řadu let umožňuje uskutečňovat projekty založené na spolupráci partnerů z ČR, Islandu, Norska a Lichtenštejnska.",
        {
          en: "A financial mechanism that has for years funded projects of partners from Czechia, Iceland, Norway and Liechtenstein.",
        },
      ),
      cite: [
        cite(
          SMO_DOC,
          "finančního mechanismu EHP/Norska, který již řadu let umožňuje uskutečňovat projekty, založené na spolupráci partnerů z ČR, Islandu, Norska a Lichtenštejnska",
        ),
      ],
    },
    {
      key: "fund-for-bilateral-relations",
      names: t("cs", "Fond pro bilaterální vztahy", { en: "Fund for Bilateral Relations" }),
      kind: "FUND",
      parent: "eea-norway-grants",
      cite: [cite(SMO_DOC, "Norské fondy: druhá otevřená výzva Fondu pro bilaterální vztahy")],
    },
    {
      key: "erasmus-plus",
      names: t("cs", "Erasmus+"),
      kind: "EU_PROGRAMME",
      cite: [cite(SMO_DOC, "partnerství Národních agentur Erasmus+")],
    },
    {
      key: "youth-in-action",
      names: t("cs", "Mládež v akci", { en: "Youth in Action" }),
      kind: "EU_PROGRAMME",
      cite: [cite(SMO_DOC, "programu Mládež v akci")],
    },
  ],

  networks: [
    {
      key: "medium-sized-cities",
      names: t("cs", "Kooperační síť evropských měst střední velikosti", {
        en: "Cooperation network of European medium-sized cities",
      }),
      description: t(
        "cs",
        "Cílem tohoto sdružení měst je vzájemná výměna zkušeností mezi členskými městy, která probíhá na pravidelných tématických konferencích pořádaných dvakrát ročně.",
        {
          en: "An open system whose purpose is the exchange of experience between member cities at regular thematic conferences held twice a year.",
        },
      ),
      foundedYear: 1995,
      initiatorTown: "sankt-polten",
      declaredMemberCount: 34,
      declaredCountries: ["CZ", "FR", "IT", "HU", "DE", "PL", "AT", "RO", "SK", "BG", "HR", "AL", "SI"],
      meetingPattern: t("cs", "pravidelné tématické konference pořádané dvakrát ročně", {
        en: "regular thematic conferences twice a year (spring and autumn)",
      }),
      cite: [
        cite(NETWORK_DOC, "Kooperační síť evropských měst střední velikosti", "names"),
        cite(NETWORK_DOC, "Síť byla založena v roce 1995 z iniciativy města St. Pöltenu.", "foundedYear"),
        cite(
          NETWORK_DOC,
          "Jako otevřený systém má síť v současnosti již 34 členských měst z Česka, Francie, Itálie, Maďarska, Německa, Polska, Rakouska, Rumunska, Slovenska, Bulharska, Chorvatska, Albánie a Slovinska.",
          "declaredMemberCount",
        ),
        cite(
          NETWORK_DOC,
          "Cílem tohoto sdružení měst je vzájemná výměna zkušeností mezi členskými městy, která probíhá na pravidelných tématických konferencích pořádaných dvakrát ročně.",
          "description",
        ),
      ],
      memberships: [
        ...["innsbruck", "jena", "passau", "szekesfehervar", "ceske-budejovice", "trnava", "brno"].map((town) => ({
          town,
          role: "FOUNDING_MEMBER" as const,
          cite: [cite(NETWORK_DOC, FOUNDERS)],
        })),
        {
          town: "opava",
          role: "MEMBER",
          joined: { precision: "MONTH", value: "2004-12" },
          note: t("cs", "Zastupitelstvo města Opavy schválilo členství města v prosinci 2004.", {
            en: "The city council of Opava approved the membership in December 2004.",
          }),
          cite: [
            cite(
              NETWORK_DOC,
              "V prosinci roku 2004 schválilo Zastupitelstvo města Opavy členství města v této mezinárodní síti měst.",
            ),
          ],
        },
      ],
    },
    {
      key: "partnership-initiative-of-cities",
      names: t("pl", "Partnerska Inicjatywa Miast", { en: "Partnership Initiative of Cities" }),
      homeCountry: "PL",
      cite: [cite(WEEK_DOC, "krajowych sieci, takich jak Partnerska Inicjatywa Miast w Polsce")],
    },
    {
      key: "inc2-circular-cities",
      names: t("pl", "Sieci Okrężnych Miast - InC2", { en: "Circular Cities Network InC2" }),
      homeCountry: "PT",
      cite: [cite(WEEK_DOC, "Sieci Okrężnych Miast - InC2 w Portugalii")],
    },
  ],

  topics: [
    { key: "climate-change-impacts", names: t("cs", "dopady klimatických změn", { en: "climate-change impacts" }) },
    { key: "energy-savings", names: t("cs", "projekty energetických úspor", { en: "energy savings" }) },
    { key: "alternative-energy", names: t("cs", "alternativní zdroje energie", { en: "alternative energy sources" }) },
    { key: "clean-mobility", names: t("cs", "čistá mobilita", { en: "clean mobility" }) },
    { key: "clean-air-and-water", names: t("cs", "čistota ovzduší a vod", { en: "clean air and water" }) },
    { key: "drought", names: t("cs", "dopady sucha", { en: "drought" }) },
    {
      key: "traditions-and-culture",
      names: t("cs", "zachování a rozvoj tradic a kultury", { en: "keeping and developing traditions and culture" }),
    },
    { key: "partnership-cooperation", names: t("cs", "partnerská spolupráce", { en: "partnership cooperation" }) },
    {
      key: "historic-heritage",
      names: t("cs", "popularizace historického dědictví", { en: "popularising historic heritage" }),
    },
    { key: "green-transition", names: t("pl", "zielona transformacja", { en: "green transition" }) },
    { key: "territorial-cohesion", names: t("pl", "spójność terytorialna", { en: "territorial cohesion" }) },
    { key: "digital-transformation", names: t("pl", "transformacja cyfrowa", { en: "digital transformation" }) },
    { key: "youth-empowerment", names: t("pl", "wzmocnienie pozycji młodzieży", { en: "youth empowerment" }) },
    { key: "environment", names: t("cs", "životní prostředí", { en: "environment" }) },
    { key: "culture", names: t("cs", "kultura", { en: "culture" }) },
    { key: "land-management", names: t("cs", "nakládání s půdou", { en: "land management" }) },
  ],

  projects: [
    {
      key: "city-cooperation",
      names: t("en", "City Cooperation", { sl: "Sodelovanje mest" }),
      description: t(
        "sl",
        "Mednarodni projekt, v okviru katerega je vzpostavljeno tesno sodelovanje mest obmejnih regij vzhodne avstrijske Štajerske, vzhodne Slovenije in jugozahodne Madžarske.",
        {
          en: "An international project of close cooperation between towns in the border regions of eastern Austrian Styria, eastern Slovenia and south-western Hungary.",
        },
      ),
      area: t("sl", "obmejne regije vzhodne avstrijske Štajerske, vzhodne Slovenije in jugozahodne Madžarske", {
        en: "the border regions of eastern Austrian Styria, eastern Slovenia and south-western Hungary",
      }),
      goals: [
        t(
          "sl",
          "Izgradnja trajnega partnerstva pri projektu udeleženih 24 mest v trideželnem trikotniku med Avstrijo, Slovenijo in Madžarsko.",
          { en: "A lasting partnership of the 24 participating towns in the Austria–Slovenia–Hungary triangle." },
        ),
        t("sl", "Skupna analiza situacije in izmenjava izkušenj med pri projektu udeleženih mest.", {
          en: "Joint analysis of the situation and exchange of experience between the participating towns.",
        }),
        t("sl", "Razvoj usklajene strategije za v prihodnost orientirano pozicioniranje mest obmejne regije.", {
          en: "A coordinated strategy for the towns of the border region: cooperation within and between the countries, reviving town centres, positioning the towns as economic hubs between Central, Eastern and South-Eastern Europe, business development, social and economic links.",
        }),
        t("sl", "Razvoj skupnih pilotnih projektov, aktivnosti in akcij ter postavitev skupne razvojne strategije.", {
          en: "Joint pilot projects, activities and actions, and a joint development strategy.",
        }),
        t(
          "sl",
          "Razvoj in vzpostavitev organizacijskega modela za načrtovanje in izvedbo teh skupnih aktivnosti mest znotraj in med posameznimi deželami.",
          { en: "An organisational model for planning and carrying out the joint activities." },
        ),
        t(
          "sl",
          "Izoblikovanje koncepta za trajno vzpostavitev skupaj izdelane strategije in za nadaljevanje sodelovanja po koncu predstavljenega koncepta oz. projekta.",
          { en: "A concept for continuing the strategy and the cooperation after the project." },
        ),
      ],
      fund: "erdf",
      budget: { amount: "1800000.00", currency: "EUR", cite: [cite(CC1_DOC, "Vrednost projekta: 1.800.000,00 EUR")] },
      period: { precision: "MONTH", value: "2008-05", until: "2012-10" },
      declaredTownCount: 24,
      declaredCountries: ["AT", "SI", "HU"],
      towns: ["lendava", "murska-sobota", "radenci", "gornja-radgona", "ormoz", "ptuj", "ljutomer", "lenart"].map(
        (town) => ({ town, cite: [cite(CC1_DOC, CC1_TOWNS)] }),
      ),
      partners: [
        {
          organisation: "eu-regionalmanagement-oststeiermark",
          role: "LEAD_PARTNER",
          cite: [cite(CC1_DOC, "Vodja projekta je: EU- Regionalmanagement Oststeiermark, Avstrija")],
        },
        {
          organisation: "bistra-ptuj",
          role: "PARTNER",
          cite: [
            cite(CC1_DOC, "Partnerji iz Slovenije v tem projektu so:Znanstveno- raziskovalno središče Bistra Ptuj"),
          ],
        },
        {
          organisation: "razvojni-center-murska-sobota",
          role: "PARTNER",
          cite: [cite(CC1_DOC, "Razvojni center Murska Sobota")],
        },
        {
          organisation: "prleska-razvojna-agencija",
          role: "PARTNER",
          cite: [cite(CC1_DOC, "Prleška razvojna agencija")],
        },
      ],
      cite: [
        cite(CC1_DOC, "Projekt City Cooperation – Sodelovanje mest je mednarodni projekt", "names"),
        cite(CC1_DOC, "Projekt traja od maja 2008 do oktobra 2012.", "period"),
        cite(CC1_DOC, "Financiranje: ESRR", "fund"),
        cite(
          CC1_DOC,
          "Izgradnja trajnega partnerstva pri projektu udeleženih 24 mest v trideželnem trikotniku med Avstrijo, Slovenijo in Madžarsko.",
          "declaredTownCount",
        ),
        cite(
          CC1_DOC,
          "tesno sodelovanje mest obmejnih regij vzhodne avstrijske Štajerske, vzhodne Slovenije in jugozahodne Madžarske",
          "area",
        ),
      ],
    },
    {
      key: "city-cooperation-ii",
      names: t("en", "City Cooperation II"),
      description: t(
        "sl",
        "Namen projekta je krepitev policentričnih mest v mreži čezmejne regije, ki je usmerjena k razvoju in trajnostni rasti. Mesta na podlagi projekta med seboj izmenjujejo izkušnje, znanja in odgovore na razvojne izzive.",
        {
          en: "Strengthening polycentric towns in the cross-border network, aimed at development and sustainable growth; the towns exchange experience, knowledge and answers to development challenges.",
        },
      ),
      programme: "interreg-v-a-slovenia-austria",
      fund: "erdf",
      periodNote: t("sl", "Projekt se uradno zaključi letos.", {
        en: 'The project officially ends "this year"; the page gives no calendar year.',
      }),
      declaredTownCount: 24,
      declaredCountries: ["AT", "SI", "HU"],
      predecessor: "city-cooperation",
      partners: [
        {
          organisation: "oststeirische-stadtekooperation",
          role: "LEAD_PARTNER",
          cite: [
            cite(CC2_DOC, "projekt City Cooperation II izvaja vodilni partner - The Oststeirische Städtekooperation"),
          ],
        },
        {
          organisation: "razvojni-center-murska-sobota",
          role: "CONSORTIUM_PARTNER",
          cite: [cite(CC2_DOC, "s konzorcijskimi projektnimi partnerji Razvojnim centrom Murska Sobota")],
        },
        {
          organisation: "bistra-ptuj",
          role: "CONSORTIUM_PARTNER",
          cite: [cite(CC2_DOC, "Znanstveno-raziskovalnim središčem Bistra Ptuj")],
        },
        {
          organisation: "pora-gornja-radgona",
          role: "CONSORTIUM_PARTNER",
          cite: [cite(CC2_DOC, "PORA Razvojno agencijo Gornja Radgona")],
        },
      ],
      cite: [
        cite(CC2_DOC, "Partnerski dnevi projekta City Cooperation II so pred vrati.", "names"),
        cite(
          CC2_DOC,
          "Projekt se izvaja v okviru Operativnega programa že vzpostavljenega čezmejnega sodelovanja Interreg V-A Slovenija-Avstrija 2014-2020, med 24 mesti iz držav Avstrije, Slovenije in Madžarske",
          "programme",
        ),
        cite(CC2_DOC, "je sofinanciran s strani EU v okviru Evropskega sklada za regionalni razvoj (ESRR)", "fund"),
        cite(CC2_DOC, "Projekt se uradno zaključi letos", "periodNote"),
        cite(
          CC2_DOC,
          "Namen projekta je krepitev policentričnih mest v mreži čezmejne regije, ki je usmerjena k razvoju in trajnostni rasti.",
          "description",
        ),
      ],
    },
    {
      key: "europe-goes-local",
      names: t("en", "Europe Goes Local"),
      description: t(
        "cs",
        "Dlouhodobá mezinárodní spolupráce zaměřená na zvýšení kvality práce s mládeží na místní úrovni, nově otevřená také obcím z České republiky.",
        {
          en: "A long-term international cooperation since 2016 on the quality of youth work at local level, now open to Czech municipalities too.",
        },
      ),
      period: { precision: "YEAR", value: "2016" },
      periodNote: t("cs", "Již od roku 2016 funguje dlouhodobá mezinárodní spolupráce", {
        en: "Running since 2016; no end is given.",
      }),
      partners: [
        {
          organisation: "erasmus-plus-national-agencies",
          role: "PARTNER",
          cite: [cite(SMO_DOC, "partnerství Národních agentur Erasmus+")],
        },
        {
          organisation: "council-of-europe",
          role: "PARTNER",
          cite: [cite(SMO_DOC, "(Rada Evropy, Evropské fórum mládeže a další)")],
        },
        {
          organisation: "european-youth-forum",
          role: "PARTNER",
          cite: [cite(SMO_DOC, "(Rada Evropy, Evropské fórum mládeže a další)")],
        },
      ],
      programme: "erasmus-plus",
      cite: [
        cite(
          SMO_DOC,
          "V rámci této spolupráce funguje projekt Europe Goes Local, do něhož se nyní mohou zapojit také obce z České republiky.",
        ),
        cite(
          SMO_DOC,
          "Již od roku 2016 funguje dlouhodobá mezinárodní spolupráce zaměřená na zvýšení kvality práce s mládeží na místní úrovni",
          "period",
        ),
      ],
    },
  ],

  events: [
    ...conferences.map(([season, year, hostTown, line, themeCs, themeEn]) => ({
      key: `medium-sized-cities-${year}-${season}`,
      kind: "CONFERENCE" as const,
      names: t("cs", `Tematická konference sítě měst střední velikosti, ${SEASON_CS[season]} ${year}`, {
        en: `Thematic conference of the medium-sized cities network, ${season} ${year}`,
      }),
      theme: t("cs", themeCs, { en: themeEn }),
      network: "medium-sized-cities",
      hostTown,
      date: { precision: "SEASON" as const, value: `${year}-${season}` },
      cite: [cite(NETWORK_DOC, conferenceLine(line, themeCs))],
    })),
    {
      key: "cemr-congress-2020",
      kind: "CONGRESS",
      names: t("cs", "Kongres Rady evropských obcí a regionů 2020", { en: "CEMR Congress 2020" }),
      theme: t("cs", "Jak města a obce reagují na měnící se svět?", {
        en: "How do towns and municipalities respond to a changing world?",
      }),
      organiser: "cemr",
      hostTown: "innsbruck",
      date: { precision: "DAY", value: "2020-05-06", until: "2020-05-08" },
      topics: [
        "climate-change-impacts",
        "energy-savings",
        "alternative-energy",
        "clean-mobility",
        "clean-air-and-water",
        "drought",
      ],
      cite: [
        cite(
          SMO_DOC,
          "Kongres Rady evropských obcí a regionů (CEMR), který se uskuteční ve dnech 6. – 8. května 2020 v rakouském Innsbrucku",
        ),
        cite(
          SMO_DOC,
          "jak obce řeší dopady klimatických změn, jaké realizují projekty energetických úspor, jak se dívají na alternativní zdroje energie, čistou mobilitu, čistotu ovzduší a vod či jak bojují s dopady sucha",
          "topics",
        ),
      ],
    },
    {
      key: "historic-cities-forum-2020",
      kind: "FORUM",
      names: t("cs", "Třetí Mezinárodní fórum historických měst", {
        en: "Third International Forum of Historic Cities",
      }),
      edition: 3,
      hostTown: "ryazan",
      date: { precision: "DAY", value: "2020-08-19", until: "2020-08-23" },
      topics: ["traditions-and-culture", "partnership-cooperation", "historic-heritage"],
      cite: [
        cite(
          SMO_DOC,
          "Třetí Mezinárodní fórum historických měst se uskuteční ve dnech 19. – 23. srpna 2020 v ruské Rjazani.",
        ),
        cite(
          SMO_DOC,
          "zachování a rozvoj tradic a kultury, partnerská spolupráce vedoucí k celkovému zlepšení prostředí ve městech, popularizaci historického dědictví",
          "topics",
        ),
      ],
    },
    {
      key: "euregionsweek-2021",
      kind: "WEEK",
      names: t("pl", "Europejski Tydzień Regionów i Miast 2021", { en: "European Week of Regions and Cities 2021" }),
      description: t("pl", "druga edycja cyfrowa", { en: "the second digital edition" }),
      online: true,
      date: { precision: "YEAR", value: "2021" },
      registered: { value: 18000, qualifier: "ALMOST" },
      sessions: { value: 300, qualifier: "EXACT" },
      partners: { value: 590, qualifier: "MORE_THAN" },
      cite: [
        cite(
          WEEK_DOC,
          "W 2021 roku druga edycja cyfrowa osiągnęła rekordową liczbę prawie 18 000 zarejestrowanych uczestników i 300 sesji w ciągu tygodnia, z udziałem ponad 590 partnerów.",
        ),
      ],
    },
    {
      key: "euregionsweek-2022",
      kind: "WEEK",
      names: t("pl", "20. Europejski Tydzień Regionów i Miast", {
        en: "20th European Week of Regions and Cities (#EURegionsWeek)",
      }),
      description: t("pl", "Największe coroczne wydarzenie w Brukseli poświęcone polityce spójności.", {
        en: "The largest annual event in Brussels on cohesion policy.",
      }),
      edition: 20,
      hostTown: "brussels",
      date: { precision: "DAY", value: "2022-10-10", until: "2022-10-13" },
      topics: ["green-transition", "territorial-cohesion", "digital-transformation", "youth-empowerment"],
      cite: [
        cite(
          WEEK_DOC,
          "Europejski Tydzień Regionów i Miast (#EURegionsWeek) to największe coroczne wydarzenie w Brukseli poświęcone polityce spójności. Będzie trwać od 10 do 13 października 2022 r.",
        ),
        cite(
          WEEK_DOC,
          "na cztery tematy: zielona transformacja, spójność terytorialna, transformacja cyfrowa, wzmocnienie pozycji młodzieży",
          "topics",
        ),
      ],
    },
    {
      key: "euregionsweek-2022-networking-session",
      kind: "ONLINE_SESSION",
      names: t("en", "Networking of cities and municipalities as a way to transfer knowledge and innovation", {
        pl: "Sieciowanie miast i gmin sposobem na transfer wiedzy i innowacji",
      }),
      parent: "euregionsweek-2022",
      online: true,
      platform: "Zoom",
      date: { precision: "DATE_TIME", value: "2022-10-11T14:30:00Z", timeZone: "Europe/Brussels" },
      featuredNetworks: ["partnership-initiative-of-cities", "inc2-circular-cities"],
      featuredProgrammes: ["urban-agenda-for-the-eu", "urbact"],
      cite: [
        cite(
          WEEK_DOC,
          "Zapraszamy na sesję online „Sieciowanie miast i gmin sposobem na transfer wiedzy i innowacji”, która odbędzie się ramach Europejskiego Tygodnia Regionów i Miast na platformie ZOOM we wtorek, 11 października 2022 r. o godz. 16:30.",
        ),
        cite(
          WEEK_DOC,
          "Zapraszamy szczególnie do udziału w sesji „Networking of cities and municipalities as a way to transfer knowledge and innovation”.",
          "names",
        ),
        cite(
          WEEK_DOC,
          "Będzie okazja usłyszeć praktyków pracujących dla i w ramach krajowych sieci, takich jak Partnerska Inicjatywa Miast w Polsce i Sieci Okrężnych Miast - InC2 w Portugalii.",
          "featuredNetworks",
        ),
        cite(
          WEEK_DOC,
          "Czy Agenda Miejska dla UE i Program URBACT przyczyniły się do tworzenia sieci krajowych i w jaki sposób?",
          "featuredProgrammes",
        ),
      ],
    },
    {
      key: "city-cooperation-first-event",
      kind: "PROJECT_EVENT",
      names: t("sl", "Prvi dogodek v okviru sodelovanja mest", { en: "First event of City Cooperation" }),
      description: t(
        "sl",
        "Vseh 24 mest iz Slovenije, Avstrije in Madžarske je na stojnicah predstavilo svoje izdelke, spominke in turistične prospekte; v kulturnem programu so sodelovale folklorne, pevske skupine in pihalne godbe.",
        {
          en: "All 24 towns presented products, souvenirs and tourist brochures at stands; folk, choir and wind-band programme.",
        },
      ),
      project: "city-cooperation",
      hostTown: "furstenfeld",
      date: { precision: "DAY", value: "2009-10-01" },
      declaredTownCount: 24,
      participants: [
        {
          town: "lenart",
          contribution: t(
            "sl",
            "Iz občine Lenart je nastopil Pihalni orkester MOL. Lenart je predstavil svoje domače izdelke, spominke in prospekte.",
            {
              en: 'The wind orchestra "Pihalni orkester MOL" performed; Lenart presented its local products, souvenirs and brochures.',
            },
          ),
          cite: [cite(CC1_DOC, "Iz občine Lenart je nastopil Pihalni orkester MOL.")],
        },
      ],
      cite: [
        cite(
          CC1_DOC,
          "Prvi dogodek v okviru projekta Sodelovanje mest se je odvijal v četrtek, 1. oktobra 2009 na avstrijskem Štajerskem, v mestu Fürstenfeld.",
        ),
        cite(
          CC1_DOC,
          "Ob tej priložnosti je vseh 24 mest iz Slovenije, Avstrije in Madžarske na stojnicah predstavilo svoje izdelke, spominke in turistične prospekte.",
          "declaredTownCount",
        ),
      ],
    },
    {
      key: "forum24",
      kind: "FORUM",
      names: t("sl", "Forum24"),
      project: "city-cooperation-ii",
      organiser: "oststeirische-stadtekooperation",
      hostTown: "hartberg",
      venue: "grad Hartberg",
      dateNote: t("sl", "lansko leto", { en: '"last year" relative to an undated page; no calendar year is given' }),
      cite: [
        cite(
          CC2_DOC,
          "Podpis trilateralnega sporazuma o sodelovanju je potekal v okviru dogodka Forum24, ki ga je lansko leto organiziral vodilni partner projekta, Združenje 8 mest vzhodne Štajerske, na gradu Hartberg.",
        ),
      ],
    },
    {
      key: "city-cooperation-ii-partner-days",
      kind: "PARTNER_DAYS",
      names: t("sl", "Partnerski dnevi projekta City Cooperation II", { en: "City Cooperation II partner days" }),
      description: t(
        "sl",
        "V sodelujočih mestih se odvijajo partnerski dnevi, ob katerih se imajo župani in relevantni deležniki sodelujočih mest možnost srečati, izmenjati izkušnje ter se dogovoriti za skupne projekte v prihodnosti.",
        {
          en: "Partner days held in the participating towns, where mayors and stakeholders meet, exchange experience and agree on future joint projects.",
        },
      ),
      project: "city-cooperation-ii",
      declaredTownCount: 24,
      dateNote: t("sl", "v letošnjem letu", {
        en: '"this year" relative to an undated page; no calendar year is given',
      }),
      cite: [
        cite(
          CC2_DOC,
          "V sodelujočih mestih se odvijajo partnerski dnevi, ob katerih se imajo župani in relevantni deležniki sodelujočih mest možnost srečati, izmenjati izkušnje ter se dogovoriti za skupne projekte v prihodnosti.",
        ),
        cite(
          CC2_DOC,
          "V letošnjem letu se bodo v sklopu projektnih aktivnosti Projekta City Cooperation II srečali župani iniciative 24 mest iz Avstrije, Slovenije in Madžarske.",
          "declaredTownCount",
        ),
      ],
    },
  ],

  agreements: [
    {
      key: "city-cooperation-declaration-2009",
      kind: "DECLARATION",
      names: t("sl", "Izjava o sodelovanju", { en: "Declaration of cooperation" }),
      summary: t(
        "en",
        "The 24 towns on the Hungarian–Austrian–Slovenian border will cooperate intensively on joint projects for the cultural and economic development of their towns.",
      ),
      text: t(
        "sl",
        "Mi, to je 24 mest na tromeji Madžarske, Avstrije in Slovenije, bomo v bodočnosti intenzivno sodelovali, da bomo lahko uresničili skupne projekte za kulturni in gospodarski razvoj naših mest v naši regiji.",
      ),
      event: "city-cooperation-first-event",
      project: "city-cooperation",
      signatoriesNote: t("sl", "Župani sodelujočih mest", { en: "The mayors of the participating towns" }),
      declaredSignatoryCount: 24,
      signatoryTowns: [
        "lendava",
        "murska-sobota",
        "radenci",
        "gornja-radgona",
        "ormoz",
        "ptuj",
        "ljutomer",
        "lenart",
      ].map((town) => ({
        town,
        cite: [cite(CC1_DOC, "Župani sodelujočih mest so podpisali izjavo o sodelovanju"), cite(CC1_DOC, CC1_TOWNS)],
      })),
      cite: [
        cite(
          CC1_DOC,
          "Župani sodelujočih mest so podpisali izjavo o sodelovanju z naslednjo vsebino:Mi, to je 24 mest na tromeji Madžarske, Avstrije in Slovenije, bomo v bodočnosti intenzivno sodelovali, da bomo lahko uresničili skupne projekte za kulturni in gospodarski razvoj naših mest v naši regiji.",
        ),
      ],
    },
    {
      key: "city-cooperation-ii-trilateral-agreement",
      kind: "COOPERATION_AGREEMENT",
      names: t("sl", "Trilateralni sporazum o sodelovanju", { en: "Trilateral cooperation agreement" }),
      summary: t(
        "en",
        "Signed by all the mayors or town representatives at Forum24 to mark the continued cooperation of the towns.",
      ),
      event: "forum24",
      project: "city-cooperation-ii",
      signatoriesNote: t("sl", "vsi župani oziroma predstavniki mest", {
        en: "all the mayors or representatives of the towns",
      }),
      cite: [
        cite(
          CC2_DOC,
          "sodelovanje mest, ki so ga lansko leto s podpisom tudi obeležili vsi župani oziroma predstavniki mest",
        ),
        cite(CC2_DOC, "Podpis trilateralnega sporazuma o sodelovanju je potekal v okviru dogodka Forum24"),
      ],
    },
  ],

  partnerSearches: [
    {
      key: "lutsk-2020-cultural-events",
      town: "lutsk",
      kind: "COOPERATION",
      postedOn: "2020-01-31",
      description: t(
        "cs",
        "Město Luck, regionální centrum Volyňské oblasti na Ukrajině, má zájem o spolupráci s českými partnery na kulturních akcích pořádaných ve svém městě.",
        {
          en: "Lutsk, regional centre of Volyn Oblast, Ukraine, wants Czech partners for cultural events held in the city.",
        },
      ),
      wantedCountries: ["CZ"],
      topics: ["culture"],
      cite: [
        cite(
          SMO_DOC,
          "Město Luck, které je regionálním centrem Volyňské oblasti na Ukrajině, má zájem o spolupráci s českými partnery na kulturních akcích pořádaných ve svém městě.",
        ),
      ],
    },
    {
      key: "wolomin-2019-partner-town",
      town: "wolomin",
      kind: "TWINNING",
      postedOn: "2019-08-09",
      description: t(
        "cs",
        "Město Wolomin s 53 000 obyvateli, 20 km severovýchodně od Varšavy, hledá partnera. Budoucí partnerská spolupráce by mohla probíhat zejména v oblasti životního prostředí, kultury a nakládání s půdou.",
        {
          en: "Wołomin (53,000 inhabitants, 20 km north-east of Warsaw) seeks a partner town, mainly for the environment, culture and land management.",
        },
      ),
      topics: ["environment", "culture", "land-management"],
      cite: [
        cite(SMO_DOC, "Polské město Wolomin hledá partnera pro spolupráci"),
        cite(
          SMO_DOC,
          "Budoucí partnerská spolupráce by mohla probíhat zejména v oblasti životního prostředí, kultury a nakládání s půdou.",
          "topics",
        ),
      ],
    },
    {
      key: "montefranco-2019-partner-town",
      town: "montefranco",
      kind: "TWINNING",
      postedOn: "2019-06-17",
      description: t(
        "cs",
        "Montefranco má zájem najít partnerské město s 1 000 – 5 000 obyvateli, s nímž by mohlo spolupracovat v širokém okruhu témat.",
        {
          en: "Montefranco seeks a partner town of 1,000–5,000 inhabitants for cooperation on a wide range of topics.",
        },
      ),
      wantedPopulation: { min: 1000, max: 5000 },
      cite: [
        cite(
          SMO_DOC,
          "Montefranco má zájem najít partnerské město s 1 000 – 5 000 obyvateli, s nímž by mohlo spolupracovat v širokém okruhu témat.",
        ),
      ],
    },
  ],

  fundingCalls: [
    {
      key: "euki-2020-call",
      names: t(
        "cs",
        "Podpora mezinárodních projektů zaměřených na posílení spolupráce v Evropě a zmírnění dopadů klimatických změn",
        {
          en: "EUKI call for international projects on climate-change mitigation and cooperation in Europe",
        },
      ),
      funder: "german-environment-ministry",
      programme: "euki",
      eligibleApplicants: [
        "LOCAL_GOVERNMENT",
        "NGO",
        "PUBLIC_BODY",
        "ACADEMIC_INSTITUTION",
        "EDUCATIONAL_INSTITUTION",
        "OTHER",
      ],
      regions: t("cs", "střední, východní, jihovýchodní a jižní Evropa", {
        en: "Central, Eastern, South-Eastern and Southern Europe",
      }),
      publishedOn: "2020-01-10",
      deadline: "2020-02-18",
      cite: [
        cite(
          SMO_DOC,
          "Místní samosprávy, neziskové organizace, veřejné, akademické a vzdělávací instituce a další aktéři mohou získat prostředky na mezinárodní projekty",
          "eligibleApplicants",
        ),
        cite(
          SMO_DOC,
          "Podpora bude směřovat především do oblasti střední, východní, jihovýchodní a jižní Evropy.",
          "regions",
        ),
        cite(SMO_DOC, "žádosti je možné podávat do 18. února 2020", "deadline"),
      ],
    },
    {
      key: "clrae-young-people-2020",
      names: t("cs", "Výzva Kongresu místních a regionálních samospráv Rady Evropy pro mladé lidi", {
        en: "CLRAE call for young people aged 18–30",
      }),
      description: t(
        "cs",
        "Úspěšní žadatelé dostanou možnost zapojit se do činnosti Kongresu a zúčastnit se dvou plenárních zasedání v průběhu roku 2020.",
        {
          en: "Those chosen take part in the Congress's work and in two plenary sessions in 2020.",
        },
      ),
      funder: "clrae",
      eligibleApplicants: ["YOUNG_PERSON"],
      applicantAge: { min: 18, max: 30 },
      publishedOn: "2019-11-29",
      deadline: "2020-01-03",
      cite: [
        cite(
          SMO_DOC,
          "Do 3. ledna 2020 trvá výzva Kongresu místních a regionálních samospráv Rady Evropy zaměřená na mladé lidi ve věku 18 – 30 let.",
        ),
        cite(
          SMO_DOC,
          "Úspěšní žadatelé dostanou možnost zapojit se do činnosti Kongresu a zúčastnit se dvou plenárních zasedání v průběhu roku 2020.",
          "description",
        ),
      ],
    },
    {
      key: "norway-grants-bilateral-fund-second-call",
      names: t("cs", "Druhá otevřená výzva Fondu pro bilaterální vztahy", {
        en: "Second open call of the Fund for Bilateral Relations",
      }),
      description: t("cs", "Tato výzva je zaměřena pouze na spolupráci subjektů z ČR a Norska.", {
        en: "Only for cooperation between Czech and Norwegian entities.",
      }),
      programme: "fund-for-bilateral-relations",
      eligibleApplicants: [],
      eligibleCountries: ["CZ", "NO"],
      publishedOn: "2019-07-02",
      deadline: "2020-06-25",
      untilAllocationUsed: true,
      cite: [
        cite(SMO_DOC, "Žádosti mohou být předkládány do 25. 6. 2020 nebo do vyčerpání alokace.", "deadline"),
        cite(SMO_DOC, "Tato výzva je zaměřena pouze na spolupráci subjektů z ČR a Norska.", "eligibleCountries"),
      ],
    },
  ],

  news: [
    {
      key: "2020-02-14-cemr-congress",
      doc: SMO_DOC,
      publisher: "smo-cr",
      publishedOn: "2020-02-14",
      names: t("cs", "Kongres Rady evropských obcí a regionů se blíží: Jak města a obce reagují na měnící se svět?", {
        en: "The CEMR Congress is coming: how do towns and municipalities respond to a changing world?",
      }),
      summary: t(
        "en",
        "Congress of the Council of European Municipalities and Regions (CEMR), 6–8 May 2020, Innsbruck (AT): climate-change impacts, energy savings, alternative energy, clean mobility, clean air and water, drought.",
      ),
      subjects: [{ event: "cemr-congress-2020" }, { organisation: "cemr" }, { town: "innsbruck" }],
      cite: [
        cite(
          SMO_DOC,
          "14.02.2020\n\nKongres Rady evropských obcí a regionů se blíží: Jak města a obce reagují na měnící se svět?",
        ),
      ],
    },
    {
      key: "2020-01-31-lutsk",
      doc: SMO_DOC,
      publisher: "smo-cr",
      publishedOn: "2020-01-31",
      names: t("cs", "Město Luck uvítá spolupráci s českými partnery na kulturních akcích", {
        en: "Lutsk welcomes cooperation with Czech partners on cultural events",
      }),
      summary: t(
        "en",
        "The city of Lutsk, regional centre of Volyn Oblast, Ukraine, wants Czech partners for cultural events held in the city.",
      ),
      subjects: [{ town: "lutsk" }, { partnerSearch: "lutsk-2020-cultural-events" }],
      cite: [cite(SMO_DOC, "31.01.2020\n\nMěsto Luck uvítá spolupráci s českými partnery na kulturních akcích")],
    },
    {
      key: "2020-01-24-historic-cities-forum",
      doc: SMO_DOC,
      publisher: "smo-cr",
      publishedOn: "2020-01-24",
      names: t("cs", "Mezinárodní fórum přiblíží možnosti současného rozvoje historických měst", {
        en: "An international forum on the present-day development of historic cities",
      }),
      summary: t("en", "Third International Forum of Historic Cities, 19–23 Aug 2020, Ryazan (RU)."),
      subjects: [{ event: "historic-cities-forum-2020" }, { town: "ryazan" }],
      cite: [cite(SMO_DOC, "24.01.2020\n\nMezinárodní fórum přiblíží možnosti současného rozvoje historických měst")],
    },
    {
      key: "2020-01-10-euki-call",
      doc: SMO_DOC,
      publisher: "smo-cr",
      publishedOn: "2020-01-10",
      names: t(
        "cs",
        "Podpora mezinárodních projektů zaměřených na posílení spolupráce v Evropě a zmírnění dopadů klimatických změn",
        { en: "Support for international projects on cooperation in Europe and climate-change mitigation" },
      ),
      summary: t("en", "EUKI funding call of the German environment ministry; deadline 18 Feb 2020."),
      subjects: [
        { fundingCall: "euki-2020-call" },
        { programme: "euki" },
        { organisation: "german-environment-ministry" },
      ],
      cite: [
        cite(
          SMO_DOC,
          "10.01.2020\n\nPodpora mezinárodních projektů zaměřených na posílení spolupráce v Evropě a zmírnění dopadů klimatických změn",
        ),
      ],
    },
    {
      key: "2019-12-23-europe-goes-local",
      doc: SMO_DOC,
      publisher: "smo-cr",
      publishedOn: "2019-12-23",
      names: t("cs", "Mezinárodní projekt na podporu práce s mládeží na místní úrovni - nově také v ČR", {
        en: "An international project supporting local youth work, now also in Czechia",
      }),
      summary: t(
        "en",
        "Europe Goes Local, a cooperation since 2016 on youth work at local level, is now open to Czech municipalities.",
      ),
      subjects: [{ project: "europe-goes-local" }],
      cite: [
        cite(SMO_DOC, "23.12.2019\n\nMezinárodní projekt na podporu práce s mládeží na místní úrovni - nově také v ČR"),
      ],
    },
    {
      key: "2019-11-29-clrae-call",
      doc: SMO_DOC,
      publisher: "smo-cr",
      publishedOn: "2019-11-29",
      names: t(
        "cs",
        "Otevírá se další možnost vyzkoušet si práci v Kongresu místních a regionálních samospráv (CLRAE)",
        { en: "Another chance to try working in the Congress of Local and Regional Authorities (CLRAE)" },
      ),
      summary: t("en", "CLRAE call for young people aged 18–30, open until 3 Jan 2020."),
      subjects: [{ fundingCall: "clrae-young-people-2020" }, { organisation: "clrae" }],
      cite: [
        cite(
          SMO_DOC,
          "29.11.2019\n\nOtevírá se další možnost vyzkoušet si práci v Kongresu místních a regionálních samospráv (CLRAE)",
        ),
      ],
    },
    {
      key: "2019-08-09-wolomin",
      doc: SMO_DOC,
      publisher: "smo-cr",
      publishedOn: "2019-08-09",
      names: t("cs", "Polské město Wolomin hledá partnera pro spolupráci", {
        en: "The Polish town of Wołomin seeks a partner",
      }),
      summary: t(
        "en",
        "Wołomin, 53,000 inhabitants, 20 km north-east of Warsaw, seeks a partner town for the environment, culture and land management.",
      ),
      subjects: [{ town: "wolomin" }, { partnerSearch: "wolomin-2019-partner-town" }],
      cite: [cite(SMO_DOC, "09.08.2019\n\nPolské město Wolomin hledá partnera pro spolupráci")],
    },
    {
      key: "2019-07-02-norway-grants-call",
      doc: SMO_DOC,
      publisher: "smo-cr",
      publishedOn: "2019-07-02",
      names: t("cs", "Norské fondy: druhá otevřená výzva Fondu pro bilaterální vztahy", {
        en: "Norway Grants: second open call of the Fund for Bilateral Relations",
      }),
      summary: t(
        "en",
        "Applications until 25 Jun 2020 or until the allocation is used up; only for Czech–Norwegian cooperation.",
      ),
      subjects: [
        { fundingCall: "norway-grants-bilateral-fund-second-call" },
        { programme: "fund-for-bilateral-relations" },
      ],
      cite: [cite(SMO_DOC, "02.07.2019\n\nNorské fondy: druhá otevřená výzva Fondu pro bilaterální vztahy")],
    },
    {
      key: "2019-06-17-montefranco",
      doc: SMO_DOC,
      publisher: "smo-cr",
      publishedOn: "2019-06-17",
      names: t("cs", "Italské město Montefranco hledá partnera", {
        en: "The Italian town of Montefranco seeks a partner",
      }),
      summary: t(
        "en",
        "Montefranco, about 1,300 inhabitants, province of Terni, Umbria, seeks a partner town of 1,000–5,000 inhabitants.",
      ),
      subjects: [{ town: "montefranco" }, { partnerSearch: "montefranco-2019-partner-town" }],
      cite: [cite(SMO_DOC, "17.06.2019\n\nItalské město Montefranco hledá partnera")],
    },
    {
      key: "2019-05-24-norway-grants-update",
      doc: SMO_DOC,
      publisher: "smo-cr",
      publishedOn: "2019-05-24",
      names: t("cs", "Norské fondy aktuálně", { en: "Norway Grants update" }),
      summary: t(
        "en",
        "The EEA/Norway financial mechanism funds projects of partners from Czechia, Iceland, Norway and Liechtenstein.",
      ),
      subjects: [{ programme: "eea-norway-grants" }],
      cite: [cite(SMO_DOC, "24.05.2019\n\nNorské fondy aktuálně")],
    },
  ],
};
