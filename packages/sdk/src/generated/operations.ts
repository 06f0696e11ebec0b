import { ClosePartnerSearchDocument, ConnectionDocument, CreatePartnerSearchDocument, CustomTownNamesDocument, EventListDocument, ExpressInterestDocument, FundingCallsOpenDocument, NetworkPageDocument, NewsDocument, PartnerSearchesDocument, PartnerSuggestionsDocument, ProjectPageDocument, RespondToInterestDocument, SearchDocument, TownPageDocument, TownWidgetDocument, TownsDocument, UpdatePartnerSearchDocument } from "./graphql.js";

/** The curated operations: `client.townPage(variables)` runs `TownPageDocument`. */
export const curatedOperations = {
  closePartnerSearch: ClosePartnerSearchDocument,
  connection: ConnectionDocument,
  createPartnerSearch: CreatePartnerSearchDocument,
  customTownNames: CustomTownNamesDocument,
  eventList: EventListDocument,
  expressInterest: ExpressInterestDocument,
  fundingCallsOpen: FundingCallsOpenDocument,
  networkPage: NetworkPageDocument,
  news: NewsDocument,
  partnerSearches: PartnerSearchesDocument,
  partnerSuggestions: PartnerSuggestionsDocument,
  projectPage: ProjectPageDocument,
  respondToInterest: RespondToInterestDocument,
  search: SearchDocument,
  townPage: TownPageDocument,
  townWidget: TownWidgetDocument,
  towns: TownsDocument,
  updatePartnerSearch: UpdatePartnerSearchDocument,
} as const;
