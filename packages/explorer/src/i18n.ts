// The explorer's own words in its five languages; the records' texts come from the API in the
// same language (its `lang` arguments).
export const LANGUAGES = ["en", "cs", "pl", "sl", "de"] as const;
export type Lang = (typeof LANGUAGES)[number];

const WORDS = {
  search: ["Search", "Hledat", "Szukaj", "Iskanje", "Suche"],
  searchPlaceholder: [
    "A town, network, project… in any spelling",
    "Město, síť, projekt… v jakémkoli zápisu",
    "Miasto, sieć, projekt… w dowolnej pisowni",
    "Mesto, mreža, projekt… v katerem koli zapisu",
    "Stadt, Netzwerk, Projekt… in jeder Schreibweise",
  ],
  connection: ["Connection", "Spojení", "Połączenie", "Povezava", "Verbindung"],
  statistics: ["Statistics", "Statistika", "Statystyki", "Statistika", "Statistik"],
  partnerFinder: [
    "Partner finder",
    "Hledání partnerů",
    "Wyszukiwarka partnerów",
    "Iskalnik partnerjev",
    "Partnersuche",
  ],
  language: ["Language", "Jazyk", "Język", "Jezik", "Sprache"],
  noResults: ["Nothing found.", "Nic nenalezeno.", "Nic nie znaleziono.", "Ni zadetkov.", "Nichts gefunden."],
  loading: ["Loading…", "Načítání…", "Ładowanie…", "Nalaganje…", "Lädt…"],
  notFound: ["Not found.", "Nenalezeno.", "Nie znaleziono.", "Ni najdeno.", "Nicht gefunden."],
  population: ["Population", "Počet obyvatel", "Ludność", "Prebivalstvo", "Einwohner"],
  country: ["Country", "Země", "Kraj", "Država", "Land"],
  region: ["Region", "Region", "Region", "Regija", "Region"],
  sources: ["Sources", "Zdroje", "Źródła", "Viri", "Quellen"],
  memberships: ["Memberships", "Členství", "Członkostwa", "Članstva", "Mitgliedschaften"],
  members: ["Members", "Členové", "Członkowie", "Člani", "Mitglieder"],
  events: ["Events", "Akce", "Wydarzenia", "Dogodki", "Veranstaltungen"],
  projects: ["Projects", "Projekty", "Projekty", "Projekti", "Projekte"],
  partnerSearches: [
    "Partner searches",
    "Hledání partnerů",
    "Poszukiwania partnerów",
    "Iskanja partnerjev",
    "Partnersuchen",
  ],
  twinnings: ["Twinnings", "Partnerství měst", "Partnerstwa miast", "Pobratenja", "Partnerschaften"],
  map: ["Map", "Mapa", "Mapa", "Zemljevid", "Karte"],
  partnersMap: [
    "The town and its partners",
    "Město a jeho partneři",
    "Miasto i jego partnerzy",
    "Mesto in njegovi partnerji",
    "Die Stadt und ihre Partner",
  ],
  membersByYear: [
    "Members by year of joining",
    "Členové podle roku vstupu",
    "Członkowie według roku przystąpienia",
    "Člani po letu pristopa",
    "Mitglieder nach Beitrittsjahr",
  ],
  conferencesPerYear: [
    "Conferences per year",
    "Konference podle let",
    "Konferencje w latach",
    "Konference po letih",
    "Konferenzen pro Jahr",
  ],
  declaredNamed: [
    "Members declared / named",
    "Členové uvedení / jmenovaní",
    "Członkowie deklarowani / wymienieni",
    "Člani navedeni / poimenovani",
    "Mitglieder angegeben / genannt",
  ],
  from: ["From", "Odkud", "Skąd", "Od", "Von"],
  to: ["To", "Kam", "Dokąd", "Do", "Nach"],
  draw: ["Draw", "Zobrazit", "Pokaż", "Prikaži", "Zeichnen"],
  paths: ["Shortest paths", "Nejkratší cesty", "Najkrótsze ścieżki", "Najkrajše poti", "Kürzeste Wege"],
  neighbourhood: ["Neighbourhood", "Okolí", "Sąsiedztwo", "Soseščina", "Umgebung"],
  noPath: [
    "No connection within reach.",
    "Žádné spojení v dosahu.",
    "Brak połączenia w zasięgu.",
    "Ni povezave v dosegu.",
    "Keine Verbindung in Reichweite.",
  ],
  evidence: ["Evidence", "Doklad", "Dowód", "Dokaz", "Beleg"],
  eventsPerYear: [
    "Events per year",
    "Akce podle let",
    "Wydarzenia w latach",
    "Dogodki po letih",
    "Veranstaltungen pro Jahr",
  ],
  eventsPerSeason: [
    "Events per season",
    "Akce podle ročního období",
    "Wydarzenia według pory roku",
    "Dogodki po letnih časih",
    "Veranstaltungen pro Jahreszeit",
  ],
  membersPerCountry: [
    "Network members per country",
    "Členové sítě podle zemí",
    "Członkowie sieci według krajów",
    "Člani mreže po državah",
    "Netzwerkmitglieder pro Land",
  ],
  projectsPerProgramme: [
    "Projects per programme",
    "Projekty podle programu",
    "Projekty według programu",
    "Projekti po programih",
    "Projekte pro Programm",
  ],
  projectsPerFund: [
    "Projects per fund",
    "Projekty podle fondu",
    "Projekty według funduszu",
    "Projekti po skladih",
    "Projekte pro Fonds",
  ],
  townsPerCountry: [
    "Towns per country",
    "Města podle zemí",
    "Miasta według krajów",
    "Mesta po državah",
    "Städte pro Land",
  ],
  town: ["Town", "Město", "Miasto", "Mesto", "Stadt"],
  countries: [
    "Countries (ISO codes, comma-separated)",
    "Země (kódy ISO, oddělené čárkou)",
    "Kraje (kody ISO, po przecinku)",
    "Države (kode ISO, ločene z vejico)",
    "Länder (ISO-Codes, durch Komma getrennt)",
  ],
  topics: [
    "Topics (comma-separated)",
    "Témata (oddělená čárkou)",
    "Tematy (po przecinku)",
    "Teme (ločene z vejico)",
    "Themen (durch Komma getrennt)",
  ],
  populationMin: [
    "Population at least",
    "Obyvatel alespoň",
    "Ludność co najmniej",
    "Prebivalcev vsaj",
    "Einwohner mindestens",
  ],
  populationMax: [
    "Population at most",
    "Obyvatel nejvýše",
    "Ludność najwyżej",
    "Prebivalcev največ",
    "Einwohner höchstens",
  ],
  maxKm: ["Within km", "Do km", "W promieniu km", "Do km", "Im Umkreis von km"],
  find: ["Find partners", "Najít partnery", "Znajdź partnerów", "Najdi partnerje", "Partner finden"],
  score: ["Score", "Skóre", "Wynik", "Ocena", "Punkte"],
  distance: ["Distance", "Vzdálenost", "Odległość", "Razdalja", "Entfernung"],
  reasons: ["Why", "Proč", "Dlaczego", "Zakaj", "Warum"],
  name: ["Name", "Název", "Nazwa", "Ime", "Name"],
  role: ["Role", "Role", "Rola", "Vloga", "Rolle"],
  joined: ["Joined", "Vstup", "Przystąpienie", "Pristop", "Beitritt"],
  date: ["Date", "Datum", "Data", "Datum", "Datum"],
  year: ["Year", "Rok", "Rok", "Leto", "Jahr"],
  season: ["Season", "Období", "Pora roku", "Letni čas", "Jahreszeit"],
  count: ["Count", "Počet", "Liczba", "Število", "Anzahl"],
  network: ["Network", "Síť", "Sieć", "Mreža", "Netzwerk"],
  kind: ["Kind", "Druh", "Rodzaj", "Vrsta", "Art"],
  status: ["Status", "Stav", "Status", "Stanje", "Status"],
  since: ["Since", "Od", "Od", "Od", "Seit"],
  partners: ["Partners", "Partneři", "Partnerzy", "Partnerji", "Partner"],
  period: ["Period", "Období", "Okres", "Obdobje", "Zeitraum"],
  description: ["Description", "Popis", "Opis", "Opis", "Beschreibung"],
  downloadCsv: ["Download CSV", "Stáhnout CSV", "Pobierz CSV", "Prenesi CSV", "CSV herunterladen"],
  downloadXlsx: ["Download XLSX", "Stáhnout XLSX", "Pobierz XLSX", "Prenesi XLSX", "XLSX herunterladen"],
  table: ["Table", "Tabulka", "Tabela", "Tabela", "Tabelle"],
  grouping: ["Group by", "Seskupit podle", "Grupuj według", "Združi po", "Gruppieren nach"],
  programme: ["Programme", "Program", "Program", "Program", "Programm"],
  fund: ["Fund", "Fond", "Fundusz", "Sklad", "Fonds"],
  towns: ["Towns", "Města", "Miasta", "Mesta", "Städte"],
  openPage: ["Open", "Otevřít", "Otwórz", "Odpri", "Öffnen"],
  error: [
    "Something went wrong:",
    "Něco se nepovedlo:",
    "Coś poszło nie tak:",
    "Nekaj je šlo narobe:",
    "Etwas ist schiefgegangen:",
  ],
  hops: ["hops", "kroky", "kroki", "koraki", "Schritte"],
  via: ["via", "přes", "przez", "prek", "über"],
  unknownYear: ["year not stated", "rok neuveden", "rok nieznany", "leto ni navedeno", "Jahr nicht angegeben"],
} satisfies Record<string, [string, string, string, string, string]>;

export type Word = keyof typeof WORDS;

/** The API's enum values as readers see them (roles, ties, seasons, kinds). */
const VALUES: Record<string, [string, string, string, string, string]> = {
  FOUNDING_MEMBER: ["founding member", "zakládající člen", "członek założyciel", "ustanovni član", "Gründungsmitglied"],
  MEMBER: ["member", "člen", "członek", "član", "Mitglied"],
  CONFERENCE_HOST: [
    "conference host",
    "hostitel konference",
    "gospodarz konferencji",
    "gostitelj konference",
    "Konferenzgastgeber",
  ],
  EVENT_HOST: ["event host", "hostitel akce", "gospodarz wydarzenia", "gostitelj dogodka", "Gastgeber"],
  EVENT_PARTICIPANT: ["event participant", "účastník akce", "uczestnik wydarzenia", "udeleženec dogodka", "Teilnehmer"],
  PROJECT_EVENT_HOST: [
    "project event host",
    "hostitel akce projektu",
    "gospodarz wydarzenia projektu",
    "gostitelj dogodka projekta",
    "Gastgeber einer Projektveranstaltung",
  ],
  PROJECT_PARTICIPANT: [
    "project partner",
    "partner projektu",
    "partner projektu",
    "partner projekta",
    "Projektpartner",
  ],
  SIGNATORY: ["signatory", "signatář", "sygnatariusz", "podpisnik", "Unterzeichner"],
  SPRING: ["spring", "jaro", "wiosna", "pomlad", "Frühling"],
  SUMMER: ["summer", "léto", "lato", "poletje", "Sommer"],
  AUTUMN: ["autumn", "podzim", "jesień", "jesen", "Herbst"],
  WINTER: ["winter", "zima", "zima", "zima", "Winter"],
  COOPERATION: ["cooperation", "spolupráce", "współpraca", "sodelovanje", "Zusammenarbeit"],
  TWINNING: ["twinning", "partnerství měst", "partnerstwo miast", "pobratenje", "Städtepartnerschaft"],
  PARTNERSHIP: ["partnership", "partnerství", "partnerstwo", "partnerstvo", "Partnerschaft"],
};

let current: Lang = "en";

export function setLang(lang: string | null | undefined): Lang {
  current = (LANGUAGES as readonly string[]).includes(lang ?? "") ? (lang as Lang) : "en";
  document.documentElement.lang = current;
  return current;
}

export const lang = () => current;

/** The word in the current language. */
export const t = (word: Word) => WORDS[word][LANGUAGES.indexOf(current)];

/** An enum value of the API in the current language (the value itself if unknown). */
export const valueLabel = (value: string) => VALUES[value]?.[LANGUAGES.indexOf(current)] ?? value;
