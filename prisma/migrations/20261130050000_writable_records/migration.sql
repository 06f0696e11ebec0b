-- Events, projects, funding calls and news written through the API: each takes a version
-- for optimistic concurrency, as partner searches, twinnings and memberships do.
ALTER TABLE "Event" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Project" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "FundingCall" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "NewsItem" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
