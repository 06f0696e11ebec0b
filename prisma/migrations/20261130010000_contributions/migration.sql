-- Contributions: callers (API keys, tokens) write partner searches and interests. Each write
-- cites a CONTRIBUTION source naming its contributor, is recorded in the append-only audit log
-- in the same transaction, and carries a version for optimistic concurrency.
-- CreateEnum
CREATE TYPE "InterestStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('TOWN_EDITOR', 'NETWORK_SECRETARIAT', 'PROGRAMME_EDITOR', 'PUBLISHER', 'ADMIN');

-- AlterEnum
ALTER TYPE "SourceKind" ADD VALUE 'CONTRIBUTION';



ALTER TYPE "PartnerSearchStatus" ADD VALUE 'MATCHED';
ALTER TYPE "PartnerSearchStatus" ADD VALUE 'WITHDRAWN';

-- AlterTable
ALTER TABLE "PartnerSearch" ADD COLUMN     "validUntil" DATE,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "PartnerSearchInterest" (
    "id" SERIAL NOT NULL,
    "partnerSearchId" INTEGER NOT NULL,
    "townId" INTEGER NOT NULL,
    "message" JSONB NOT NULL,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "status" "InterestStatus" NOT NULL DEFAULT 'PENDING',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PartnerSearchInterest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "townId" INTEGER,
    "networkId" INTEGER,
    "programmeId" INTEGER,
    "organisationId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contribution" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "actingForTownId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "scope" TEXT,
    "mutation" TEXT NOT NULL,
    "recordType" TEXT NOT NULL,
    "recordId" INTEGER NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "actor" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "mutation" TEXT NOT NULL,
    "recordType" TEXT NOT NULL,
    "recordId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("actor","key")
);

-- CreateIndex
CREATE INDEX "PartnerSearchInterest_townId_idx" ON "PartnerSearchInterest"("townId");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerSearchInterest_partnerSearchId_townId_key" ON "PartnerSearchInterest"("partnerSearchId", "townId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE UNIQUE INDEX "Contribution_sourceId_key" ON "Contribution"("sourceId");

-- CreateIndex
CREATE INDEX "AuditEntry_recordType_recordId_idx" ON "AuditEntry"("recordType", "recordId");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- AddForeignKey
ALTER TABLE "PartnerSearchInterest" ADD CONSTRAINT "PartnerSearchInterest_partnerSearchId_fkey" FOREIGN KEY ("partnerSearchId") REFERENCES "PartnerSearch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerSearchInterest" ADD CONSTRAINT "PartnerSearchInterest_townId_fkey" FOREIGN KEY ("townId") REFERENCES "Town"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_townId_fkey" FOREIGN KEY ("townId") REFERENCES "Town"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_actingForTownId_fkey" FOREIGN KEY ("actingForTownId") REFERENCES "Town"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The audit log is append-only for everyone, the API included: nothing updates or deletes it.
CREATE FUNCTION citynet_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "AuditEntry_append_only" BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION citynet_audit_is_append_only();
CREATE TRIGGER "AuditEntry_no_truncate" BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION citynet_audit_is_append_only();
