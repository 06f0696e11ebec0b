
-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('YEAR', 'SEASON', 'MONTH', 'DAY', 'DATE_TIME');

-- CreateEnum
CREATE TYPE "QuantityQualifier" AS ENUM ('EXACT', 'ABOUT', 'ALMOST', 'MORE_THAN');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('DOCUMENT', 'REGISTRY');

-- CreateEnum
CREATE TYPE "SubjectType" AS ENUM ('TOWN', 'TOWN_NAME', 'POPULATION_FIGURE', 'ORGANISATION', 'PROGRAMME', 'NETWORK', 'MEMBERSHIP', 'EVENT', 'EVENT_PARTICIPATION', 'PROJECT', 'PROJECT_TOWN', 'PROJECT_PARTNER', 'AGREEMENT', 'AGREEMENT_SIGNATORY', 'PARTNER_SEARCH', 'FUNDING_CALL', 'NEWS_ITEM', 'TOPIC');

-- CreateEnum
CREATE TYPE "TownNameKind" AS ENUM ('ASCII', 'EXONYM', 'SOURCE_SPELLING', 'ALTERNATE');

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('MUNICIPAL_ASSOCIATION', 'EUROPEAN_ASSOCIATION', 'INTERNATIONAL_ORGANISATION', 'INTERNATIONAL_ASSEMBLY', 'GOVERNMENT_BODY', 'NATIONAL_AGENCY', 'REGIONAL_MANAGEMENT', 'DEVELOPMENT_AGENCY', 'RESEARCH_CENTRE', 'YOUTH_ORGANISATION');

-- CreateEnum
CREATE TYPE "ProgrammeKind" AS ENUM ('EU_FUND', 'EU_PROGRAMME', 'OPERATIONAL_PROGRAMME', 'POLICY_INITIATIVE', 'FINANCIAL_MECHANISM', 'FUND', 'CLIMATE_INITIATIVE');

-- CreateEnum
CREATE TYPE "MembershipRole" AS ENUM ('FOUNDING_MEMBER', 'MEMBER');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('CONFERENCE', 'CONGRESS', 'FORUM', 'WEEK', 'ONLINE_SESSION', 'PROJECT_EVENT', 'PARTNER_DAYS');

-- CreateEnum
CREATE TYPE "PartnerRole" AS ENUM ('LEAD_PARTNER', 'PARTNER', 'CONSORTIUM_PARTNER');

-- CreateEnum
CREATE TYPE "AgreementKind" AS ENUM ('DECLARATION', 'COOPERATION_AGREEMENT');

-- CreateEnum
CREATE TYPE "PartnershipKind" AS ENUM ('TWINNING', 'COOPERATION');

-- CreateEnum
CREATE TYPE "PartnerSearchStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ApplicantKind" AS ENUM ('LOCAL_GOVERNMENT', 'NGO', 'PUBLIC_BODY', 'ACADEMIC_INSTITUTION', 'EDUCATIONAL_INSTITUTION', 'YOUNG_PERSON', 'OTHER');

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "language" TEXT,
    "licence" TEXT,
    "url" TEXT,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "subjectType" "SubjectType" NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "field" TEXT,
    "quote" TEXT NOT NULL,

    CONSTRAINT "Citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Country" (
    "code" CHAR(2) NOT NULL,
    "alpha3" CHAR(3) NOT NULL,
    "names" JSONB NOT NULL,

    CONSTRAINT "Country_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Town" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "asciiName" TEXT NOT NULL,
    "countryCode" CHAR(2) NOT NULL,
    "admin1Code" TEXT,
    "region" TEXT,
    "admin2Code" TEXT,
    "subregion" TEXT,
    "population" INTEGER,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "elevation" INTEGER,
    "timezone" TEXT,
    "geonameId" INTEGER,
    "featureCode" TEXT,
    "geonamesUpdatedOn" DATE,

    CONSTRAINT "Town_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TownName" (
    "id" SERIAL NOT NULL,
    "townId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "TownNameKind" NOT NULL,
    "lang" TEXT,

    CONSTRAINT "TownName_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PopulationFigure" (
    "id" SERIAL NOT NULL,
    "townId" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    "qualifier" "QuantityQualifier" NOT NULL DEFAULT 'EXACT',
    "year" INTEGER,
    "statedOn" DATE,
    "sourceId" INTEGER NOT NULL,

    CONSTRAINT "PopulationFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "names" JSONB NOT NULL,
    "acronym" TEXT,
    "kind" "OrganisationKind" NOT NULL,
    "description" JSONB,
    "countryCode" CHAR(2),
    "townId" INTEGER,
    "parentId" INTEGER,
    "contactName" TEXT,
    "declaredMembers" INTEGER,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "names" JSONB NOT NULL,
    "acronym" TEXT,
    "kind" "ProgrammeKind" NOT NULL,
    "description" JSONB,
    "startYear" INTEGER,
    "endYear" INTEGER,
    "parentId" INTEGER,
    "managingBodyId" INTEGER,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgrammeCountry" (
    "programmeId" INTEGER NOT NULL,
    "countryCode" CHAR(2) NOT NULL,

    CONSTRAINT "ProgrammeCountry_pkey" PRIMARY KEY ("programmeId","countryCode")
);

-- CreateTable
CREATE TABLE "Network" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "names" JSONB NOT NULL,
    "description" JSONB,
    "foundedYear" INTEGER,
    "initiatorTownId" INTEGER,
    "homeCountryCode" CHAR(2),
    "declaredMemberCount" INTEGER,
    "meetingPattern" JSONB,

    CONSTRAINT "Network_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkCountry" (
    "networkId" INTEGER NOT NULL,
    "countryCode" CHAR(2) NOT NULL,

    CONSTRAINT "NetworkCountry_pkey" PRIMARY KEY ("networkId","countryCode")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" SERIAL NOT NULL,
    "networkId" INTEGER NOT NULL,
    "townId" INTEGER NOT NULL,
    "role" "MembershipRole" NOT NULL,
    "joinedPrecision" "DatePrecision",
    "joinedStart" DATE,
    "joinedEnd" DATE,
    "note" JSONB,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "names" JSONB NOT NULL,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "EventKind" NOT NULL,
    "names" JSONB NOT NULL,
    "theme" JSONB,
    "description" JSONB,
    "edition" INTEGER,
    "parentId" INTEGER,
    "networkId" INTEGER,
    "projectId" INTEGER,
    "organiserId" INTEGER,
    "hostTownId" INTEGER,
    "venue" TEXT,
    "online" BOOLEAN NOT NULL DEFAULT false,
    "platform" TEXT,
    "datePrecision" "DatePrecision",
    "dateStart" DATE,
    "dateEnd" DATE,
    "startsAt" TIMESTAMPTZ(3),
    "timeZone" TEXT,
    "dateNote" JSONB,
    "declaredTownCount" INTEGER,
    "registeredCount" INTEGER,
    "registeredQual" "QuantityQualifier",
    "sessionCount" INTEGER,
    "sessionQual" "QuantityQualifier",
    "partnerCount" INTEGER,
    "partnerQual" "QuantityQualifier",

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventParticipation" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "townId" INTEGER,
    "organisationId" INTEGER,
    "contribution" JSONB,

    CONSTRAINT "EventParticipation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "names" JSONB NOT NULL,
    "description" JSONB,
    "area" JSONB,
    "goals" JSONB,
    "programmeId" INTEGER,
    "fundId" INTEGER,
    "budgetAmount" DECIMAL(14,2),
    "budgetCurrency" CHAR(3),
    "periodPrecision" "DatePrecision",
    "periodStart" DATE,
    "periodEnd" DATE,
    "periodNote" JSONB,
    "declaredTownCount" INTEGER,
    "predecessorId" INTEGER,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectCountry" (
    "projectId" INTEGER NOT NULL,
    "countryCode" CHAR(2) NOT NULL,

    CONSTRAINT "ProjectCountry_pkey" PRIMARY KEY ("projectId","countryCode")
);

-- CreateTable
CREATE TABLE "ProjectTown" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "townId" INTEGER NOT NULL,

    CONSTRAINT "ProjectTown_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectPartner" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "role" "PartnerRole" NOT NULL,

    CONSTRAINT "ProjectPartner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agreement" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "AgreementKind" NOT NULL,
    "names" JSONB NOT NULL,
    "summary" JSONB,
    "text" JSONB,
    "eventId" INTEGER,
    "projectId" INTEGER,
    "signatoriesNote" JSONB,
    "declaredSignatoryCount" INTEGER,

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementSignatory" (
    "id" SERIAL NOT NULL,
    "agreementId" INTEGER NOT NULL,
    "townId" INTEGER NOT NULL,

    CONSTRAINT "AgreementSignatory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerSearch" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "townId" INTEGER NOT NULL,
    "kind" "PartnershipKind" NOT NULL,
    "postedOn" DATE NOT NULL,
    "description" JSONB NOT NULL,
    "wantedPopulationMin" INTEGER,
    "wantedPopulationMax" INTEGER,
    "status" "PartnerSearchStatus" NOT NULL,
    "statusAsOf" DATE NOT NULL,

    CONSTRAINT "PartnerSearch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerSearchCountry" (
    "partnerSearchId" INTEGER NOT NULL,
    "countryCode" CHAR(2) NOT NULL,

    CONSTRAINT "PartnerSearchCountry_pkey" PRIMARY KEY ("partnerSearchId","countryCode")
);

-- CreateTable
CREATE TABLE "FundingCall" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "names" JSONB NOT NULL,
    "description" JSONB,
    "funderId" INTEGER,
    "programmeId" INTEGER,
    "eligibleApplicants" "ApplicantKind"[],
    "applicantMinAge" INTEGER,
    "applicantMaxAge" INTEGER,
    "regions" JSONB,
    "publishedOn" DATE,
    "deadline" DATE,
    "untilAllocationUsed" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "FundingCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundingCallCountry" (
    "fundingCallId" INTEGER NOT NULL,
    "countryCode" CHAR(2) NOT NULL,

    CONSTRAINT "FundingCallCountry_pkey" PRIMARY KEY ("fundingCallId","countryCode")
);

-- CreateTable
CREATE TABLE "NewsItem" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "publisherId" INTEGER,
    "publishedOn" DATE NOT NULL,
    "language" TEXT NOT NULL,
    "names" JSONB NOT NULL,
    "summary" JSONB NOT NULL,

    CONSTRAINT "NewsItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewsSubject" (
    "id" SERIAL NOT NULL,
    "newsItemId" INTEGER NOT NULL,
    "subjectType" "SubjectType" NOT NULL,
    "subjectId" INTEGER NOT NULL,

    CONSTRAINT "NewsSubject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_EventToTopic" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_EventToTopic_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_EventFeaturedNetworks" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_EventFeaturedNetworks_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_EventFeaturedProgrammes" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_EventFeaturedProgrammes_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_PartnerSearchToTopic" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_PartnerSearchToTopic_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_key_key" ON "Source"("key");

-- CreateIndex
CREATE INDEX "Citation_subjectType_subjectId_idx" ON "Citation"("subjectType", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "Country_alpha3_key" ON "Country"("alpha3");

-- CreateIndex
CREATE UNIQUE INDEX "Town_slug_key" ON "Town"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Town_geonameId_key" ON "Town"("geonameId");

-- CreateIndex
CREATE INDEX "Town_countryCode_idx" ON "Town"("countryCode");

-- CreateIndex
CREATE INDEX "Town_name_idx" ON "Town"("name");

-- CreateIndex
CREATE INDEX "TownName_name_idx" ON "TownName"("name");

-- CreateIndex
CREATE UNIQUE INDEX "TownName_townId_name_kind_key" ON "TownName"("townId", "name", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_slug_key" ON "Organisation"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_slug_key" ON "Programme"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Network_slug_key" ON "Network"("slug");

-- CreateIndex
CREATE INDEX "Membership_townId_idx" ON "Membership"("townId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_networkId_townId_key" ON "Membership"("networkId", "townId");

-- CreateIndex
CREATE UNIQUE INDEX "Topic_slug_key" ON "Topic"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");

-- CreateIndex
CREATE INDEX "Event_networkId_dateStart_idx" ON "Event"("networkId", "dateStart");

-- CreateIndex
CREATE INDEX "Event_hostTownId_idx" ON "Event"("hostTownId");

-- CreateIndex
CREATE INDEX "Event_dateStart_idx" ON "Event"("dateStart");

-- CreateIndex
CREATE INDEX "EventParticipation_townId_idx" ON "EventParticipation"("townId");

-- CreateIndex
CREATE INDEX "EventParticipation_eventId_idx" ON "EventParticipation"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "Project_slug_key" ON "Project"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Project_predecessorId_key" ON "Project"("predecessorId");

-- CreateIndex
CREATE INDEX "ProjectTown_townId_idx" ON "ProjectTown"("townId");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectTown_projectId_townId_key" ON "ProjectTown"("projectId", "townId");

-- CreateIndex
CREATE INDEX "ProjectPartner_organisationId_idx" ON "ProjectPartner"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectPartner_projectId_organisationId_key" ON "ProjectPartner"("projectId", "organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_slug_key" ON "Agreement"("slug");

-- CreateIndex
CREATE INDEX "AgreementSignatory_townId_idx" ON "AgreementSignatory"("townId");

-- CreateIndex
CREATE UNIQUE INDEX "AgreementSignatory_agreementId_townId_key" ON "AgreementSignatory"("agreementId", "townId");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerSearch_slug_key" ON "PartnerSearch"("slug");

-- CreateIndex
CREATE INDEX "PartnerSearch_townId_idx" ON "PartnerSearch"("townId");

-- CreateIndex
CREATE INDEX "PartnerSearch_postedOn_idx" ON "PartnerSearch"("postedOn");

-- CreateIndex
CREATE UNIQUE INDEX "FundingCall_slug_key" ON "FundingCall"("slug");

-- CreateIndex
CREATE INDEX "FundingCall_deadline_idx" ON "FundingCall"("deadline");

-- CreateIndex
CREATE UNIQUE INDEX "NewsItem_slug_key" ON "NewsItem"("slug");

-- CreateIndex
CREATE INDEX "NewsItem_publishedOn_idx" ON "NewsItem"("publishedOn");

-- CreateIndex
CREATE INDEX "NewsSubject_subjectType_subjectId_idx" ON "NewsSubject"("subjectType", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "NewsSubject_newsItemId_subjectType_subjectId_key" ON "NewsSubject"("newsItemId", "subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "_EventToTopic_B_index" ON "_EventToTopic"("B");

-- CreateIndex
CREATE INDEX "_EventFeaturedNetworks_B_index" ON "_EventFeaturedNetworks"("B");

-- CreateIndex
CREATE INDEX "_EventFeaturedProgrammes_B_index" ON "_EventFeaturedProgrammes"("B");

-- CreateIndex
CREATE INDEX "_PartnerSearchToTopic_B_index" ON "_PartnerSearchToTopic"("B");

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Town" ADD CONSTRAINT "Town_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TownName" ADD CONSTRAINT "TownName_townId_fkey" FOREIGN KEY ("townId") REFERENCES "Town"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PopulationFigure" ADD CONSTRAINT "PopulationFigure_townId_fkey" FOREIGN KEY ("townId") REFERENCES "Town"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_townId_fkey" FOREIGN KEY ("townId") REFERENCES "Town"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Programme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_managingBodyId_fkey" FOREIGN KEY ("managingBodyId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeCountry" ADD CONSTRAINT "ProgrammeCountry_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeCountry" ADD CONSTRAINT "ProgrammeCountry_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Network" ADD CONSTRAINT "Network_initiatorTownId_fkey" FOREIGN KEY ("initiatorTownId") REFERENCES "Town"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Network" ADD CONSTRAINT "Network_homeCountryCode_fkey" FOREIGN KEY ("homeCountryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkCountry" ADD CONSTRAINT "NetworkCountry_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkCountry" ADD CONSTRAINT "NetworkCountry_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_townId_fkey" FOREIGN KEY ("townId") REFERENCES "Town"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_organiserId_fkey" FOREIGN KEY ("organiserId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_hostTownId_fkey" FOREIGN KEY ("hostTownId") REFERENCES "Town"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipation" ADD CONSTRAINT "EventParticipation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipation" ADD CONSTRAINT "EventParticipation_townId_fkey" FOREIGN KEY ("townId") REFERENCES "Town"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipation" ADD CONSTRAINT "EventParticipation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Programme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectCountry" ADD CONSTRAINT "ProjectCountry_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectCountry" ADD CONSTRAINT "ProjectCountry_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectTown" ADD CONSTRAINT "ProjectTown_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectTown" ADD CONSTRAINT "ProjectTown_townId_fkey" FOREIGN KEY ("townId") REFERENCES "Town"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectPartner" ADD CONSTRAINT "ProjectPartner_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectPartner" ADD CONSTRAINT "ProjectPartner_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementSignatory" ADD CONSTRAINT "AgreementSignatory_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementSignatory" ADD CONSTRAINT "AgreementSignatory_townId_fkey" FOREIGN KEY ("townId") REFERENCES "Town"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerSearch" ADD CONSTRAINT "PartnerSearch_townId_fkey" FOREIGN KEY ("townId") REFERENCES "Town"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerSearchCountry" ADD CONSTRAINT "PartnerSearchCountry_partnerSearchId_fkey" FOREIGN KEY ("partnerSearchId") REFERENCES "PartnerSearch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerSearchCountry" ADD CONSTRAINT "PartnerSearchCountry_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingCall" ADD CONSTRAINT "FundingCall_funderId_fkey" FOREIGN KEY ("funderId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingCall" ADD CONSTRAINT "FundingCall_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingCallCountry" ADD CONSTRAINT "FundingCallCountry_fundingCallId_fkey" FOREIGN KEY ("fundingCallId") REFERENCES "FundingCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingCallCountry" ADD CONSTRAINT "FundingCallCountry_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsItem" ADD CONSTRAINT "NewsItem_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsItem" ADD CONSTRAINT "NewsItem_publisherId_fkey" FOREIGN KEY ("publisherId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsSubject" ADD CONSTRAINT "NewsSubject_newsItemId_fkey" FOREIGN KEY ("newsItemId") REFERENCES "NewsItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EventToTopic" ADD CONSTRAINT "_EventToTopic_A_fkey" FOREIGN KEY ("A") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EventToTopic" ADD CONSTRAINT "_EventToTopic_B_fkey" FOREIGN KEY ("B") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EventFeaturedNetworks" ADD CONSTRAINT "_EventFeaturedNetworks_A_fkey" FOREIGN KEY ("A") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EventFeaturedNetworks" ADD CONSTRAINT "_EventFeaturedNetworks_B_fkey" FOREIGN KEY ("B") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EventFeaturedProgrammes" ADD CONSTRAINT "_EventFeaturedProgrammes_A_fkey" FOREIGN KEY ("A") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EventFeaturedProgrammes" ADD CONSTRAINT "_EventFeaturedProgrammes_B_fkey" FOREIGN KEY ("B") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_PartnerSearchToTopic" ADD CONSTRAINT "_PartnerSearchToTopic_A_fkey" FOREIGN KEY ("A") REFERENCES "PartnerSearch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_PartnerSearchToTopic" ADD CONSTRAINT "_PartnerSearchToTopic_B_fkey" FOREIGN KEY ("B") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

