import { ConnectionDocument, CustomTownNamesDocument, EventListDocument, FundingCallsOpenDocument, NetworkPageDocument, NewsDocument, PartnerSearchesDocument, PartnerSuggestionsDocument, ProjectPageDocument, SearchDocument, TownPageDocument, TownWidgetDocument, TownsDocument } from "./graphql.js";

/** The curated operations: `client.townPage(variables)` runs `TownPageDocument`. */
export const curatedOperations = {
  connection: ConnectionDocument,
  customTownNames: CustomTownNamesDocument,
  eventList: EventListDocument,
  fundingCallsOpen: FundingCallsOpenDocument,
  networkPage: NetworkPageDocument,
  news: NewsDocument,
  partnerSearches: PartnerSearchesDocument,
  partnerSuggestions: PartnerSuggestionsDocument,
  projectPage: ProjectPageDocument,
  search: SearchDocument,
  townPage: TownPageDocument,
  townWidget: TownWidgetDocument,
  towns: TownsDocument,
} as const;
