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

query FundingCallsOpen {
  fundingCalls(filter: { openOn: "2020-01-15" }) {
    edges { node { name(lang: "en") deadline untilAllocationUsed eligibleApplicants } }
  }
}
`;
