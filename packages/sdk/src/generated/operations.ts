import { AddMembershipDocument, ClosePartnerSearchDocument, ConfirmTwinningDocument, ConnectionDocument, CreatePartnerSearchDocument, CustomTownNamesDocument, EndMembershipDocument, EndTwinningDocument, EventListDocument, ExpressInterestDocument, FundingCallsOpenDocument, NetworkPageDocument, NewsDocument, PartnerSearchesDocument, PartnerSuggestionsDocument, ProjectPageDocument, ProposeTwinningDocument, RespondToInterestDocument, SearchDocument, TownPageDocument, TownWidgetDocument, TownsDocument, UpdatePartnerSearchDocument, UpdateTownProfileDocument } from "./graphql.js";

/** The curated operations: `client.townPage(variables)` runs `TownPageDocument`. */
export const curatedOperations = {
  addMembership: AddMembershipDocument,
  closePartnerSearch: ClosePartnerSearchDocument,
  confirmTwinning: ConfirmTwinningDocument,
  connection: ConnectionDocument,
  createPartnerSearch: CreatePartnerSearchDocument,
  customTownNames: CustomTownNamesDocument,
  endMembership: EndMembershipDocument,
  endTwinning: EndTwinningDocument,
  eventList: EventListDocument,
  expressInterest: ExpressInterestDocument,
  fundingCallsOpen: FundingCallsOpenDocument,
  networkPage: NetworkPageDocument,
  news: NewsDocument,
  partnerSearches: PartnerSearchesDocument,
  partnerSuggestions: PartnerSuggestionsDocument,
  projectPage: ProjectPageDocument,
  proposeTwinning: ProposeTwinningDocument,
  respondToInterest: RespondToInterestDocument,
  search: SearchDocument,
  townPage: TownPageDocument,
  townWidget: TownWidgetDocument,
  towns: TownsDocument,
  updatePartnerSearch: UpdatePartnerSearchDocument,
  updateTownProfile: UpdateTownProfileDocument,
} as const;
