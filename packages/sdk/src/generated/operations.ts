import { CustomTownNamesDocument, EventListDocument, FundingCallsOpenDocument, NetworkPageDocument, NewsDocument, PartnerSearchesDocument, ProjectPageDocument, TownPageDocument, TownWidgetDocument, TownsDocument } from "./graphql.js";

/** The curated operations: `client.townPage(variables)` runs `TownPageDocument`. */
export const curatedOperations = {
  customTownNames: CustomTownNamesDocument,
  eventList: EventListDocument,
  fundingCallsOpen: FundingCallsOpenDocument,
  networkPage: NetworkPageDocument,
  news: NewsDocument,
  partnerSearches: PartnerSearchesDocument,
  projectPage: ProjectPageDocument,
  townPage: TownPageDocument,
  townWidget: TownWidgetDocument,
  towns: TownsDocument,
} as const;
