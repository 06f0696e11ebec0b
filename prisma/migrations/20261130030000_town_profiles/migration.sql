-- Town profiles written by the towns' editors: a description, website and contacts, with a
-- version of their own. GeoNames' fields and the documents' facts stay as they are.
-- AlterTable
ALTER TABLE "Town" ADD COLUMN     "description" JSONB,
ADD COLUMN     "privateContact" TEXT,
ADD COLUMN     "profileVersion" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "publicContact" TEXT,
ADD COLUMN     "website" TEXT;

