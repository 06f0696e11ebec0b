// The operations GraphiQL opens with: one tab of examples an analyst can run at once.
export const EXAMPLE_OPERATIONS = `# Welcome to CityNet: the graph of European municipal cooperation.
# Run an operation with the ▶ button; every fact carries its sources.

query TownPage {
  town(slug: "opava") {
    name
    country { name(lang: "en") }
    population
    memberships { edges { node { role joined { text } network { name(lang: "en") } } } }
    hostedEvents { edges { node { name(lang: "en") theme(lang: "en") date { text } } } }
    sources { source { key } quote }
  }
}

query NetworkConferences {
  network(slug: "medium-sized-cities") {
    name
    foundedYear
    declaredMemberCount
    declaredCountries { code }
    memberships { totalCount edges { node { role town { name } } } }
    events(order: DATE_ASC, first: 20) {
      totalCount
      edges { node { date { text(lang: "cs") } hostTown { name country { code } } theme(lang: "en") } }
    }
  }
}

query ProjectPage {
  project(slug: "city-cooperation") {
    name
    budget { amount currency }
    period { text }
    declaredTownCount
    towns { totalCount edges { node { town { name } } } }
    partners { role organisation { name } }
    successor { name programme { name(lang: "en") } }
    events { name(lang: "en") date { text } agreements { name(lang: "en") text } }
  }
}

query PartnerSearches {
  partnerSearches {
    edges { node { town { name population } postedOn description(lang: "en") wantedPopulationMin wantedPopulationMax topics { name(lang: "en") } } }
  }
}

query Search {
  search(text: "Pasov", first: 5) {
    totalCount
    results { match matchedName entity { __typename ... on Town { name country { code } population } } }
  }
}

query PartnerSuggestionsForMontefranco {
  partnerSuggestions(partnerSearch: "montefranco-2019-partner-town", first: 5) {
    town { name country { code } population }
    score
    reasons { factor points explanation }
  }
}

query HowAreTheyConnected {
  connection(from: "leoben", to: "opava") {
    hops
    steps { from { town { name } kind } via { __typename ... on Network { name(lang: "en") } } to { town { name } kind } }
  }
}

query EventsPerYear {
  statistics { eventsPerYear(network: "medium-sized-cities") { year count } eventsPerHostCountry { country { code } count } }
}

query FundingCallsOpen {
  fundingCalls(filter: { openOn: "2020-01-15" }) {
    edges { node { name(lang: "en") deadline untilAllocationUsed eligibleApplicants } }
  }
}

# Live: run it and leave it open; partner searches posted from now on (by anyone, through any
# replica) appear in the result pane as they are written.
subscription NewPartnerSearches {
  partnerSearchPosted { slug postedOn description(lang: "en") town { name country { name(lang: "en") } } }
}

# Writing needs a key: run \`pnpm citynet keys create --name dev --role TOWN_EDITOR --town opava\`
# and set it in the Headers tab below: {"Authorization": "Bearer cnk_…"}
mutation PostAPartnerSearchForOpava {
  createPartnerSearch(input: {
    town: "opava"
    kind: TWINNING
    description: [{ lang: "en", text: "Opava is looking for a partner town in Slovenia." }]
    wantedCountries: ["SI"]
    citation: { url: "https://www.opava-city.cz/" }
  }) {
    partnerSearch { id slug version status sources { source { kind contribution { contributor role at } } } }
  }
}
`;
