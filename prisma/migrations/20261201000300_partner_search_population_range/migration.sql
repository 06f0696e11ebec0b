-- A partner search's wanted population range is a range: the table holds it, so a write that
-- sets one end past the other (given or already there) fails as it writes, in its statement.
ALTER TABLE "PartnerSearch" ADD CONSTRAINT "PartnerSearch_wanted_population_range"
  CHECK ("wantedPopulationMin" IS NULL OR "wantedPopulationMax" IS NULL OR "wantedPopulationMin" <= "wantedPopulationMax");
