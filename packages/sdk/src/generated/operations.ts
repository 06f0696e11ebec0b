import { AddMembershipDocument, AddProjectPartnerDocument, AddTownAlternateNameDocument, ClosePartnerSearchDocument, ConfirmTwinningDocument, ConnectionDocument, CreateEventDocument, CreatePartnerSearchDocument, CreateProjectDocument, EndMembershipDocument, EndTwinningDocument, EventListDocument, ExpressInterestDocument, FundingCallPublishedDocument, FundingCallsOpenDocument, InterestExpressedDocument, MembershipChangedDocument, NetworkPageDocument, NewsDocument, PartnerSearchesDocument, PartnerSearchPostedDocument, PartnerSuggestionsDocument, ProjectPageDocument, ProposeTwinningDocument, PublishFundingCallDocument, PublishNewsDocument, RecordChangedDocument, RemoveProjectPartnerDocument, RemoveTownAlternateNameDocument, RespondToInterestDocument, SearchDocument, TownPageDocument, TownsDocument, TownWidgetDocument, UpdateEventDocument, UpdateFundingCallDocument, UpdateNewsDocument, UpdatePartnerSearchDocument, UpdateProjectDocument, UpdateTownProfileDocument } from "./graphql.js";

/** The curated queries and mutations: `client.townPage(variables)` runs `TownPageDocument`. */
export const curatedOperations = {
  addMembership: AddMembershipDocument,
  addProjectPartner: AddProjectPartnerDocument,
  addTownAlternateName: AddTownAlternateNameDocument,
  closePartnerSearch: ClosePartnerSearchDocument,
  confirmTwinning: ConfirmTwinningDocument,
  connection: ConnectionDocument,
  createEvent: CreateEventDocument,
  createPartnerSearch: CreatePartnerSearchDocument,
  createProject: CreateProjectDocument,
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
  publishFundingCall: PublishFundingCallDocument,
  publishNews: PublishNewsDocument,
  removeProjectPartner: RemoveProjectPartnerDocument,
  removeTownAlternateName: RemoveTownAlternateNameDocument,
  respondToInterest: RespondToInterestDocument,
  search: SearchDocument,
  townPage: TownPageDocument,
  towns: TownsDocument,
  townWidget: TownWidgetDocument,
  updateEvent: UpdateEventDocument,
  updateFundingCall: UpdateFundingCallDocument,
  updateNews: UpdateNewsDocument,
  updatePartnerSearch: UpdatePartnerSearchDocument,
  updateProject: UpdateProjectDocument,
  updateTownProfile: UpdateTownProfileDocument,
} as const;

/** The curated subscriptions: `client.partnerSearchPosted(variables)` iterates `PartnerSearchPostedDocument`. */
export const curatedSubscriptions = {
  fundingCallPublished: FundingCallPublishedDocument,
  interestExpressed: InterestExpressedDocument,
  membershipChanged: MembershipChangedDocument,
  partnerSearchPosted: PartnerSearchPostedDocument,
  recordChanged: RecordChangedDocument,
} as const;
