// The ties between towns and what they share, as SQL: used by the path and neighbourhood
// queries, and by the benchmark's PostGraphile functions (no schema imports here).

/**
 * Every town–context incidence, with the evidence record (the citation subject it is filed
 * under) and a rank: direct ties (member, participant, signatory) are preferred as evidence.
 */
export const LINKS_SQL = `
  SELECT "townId" AS town, 'NETWORK' AS kind, "networkId" AS ctx, 'MEMBER' AS tie, 'MEMBERSHIP' AS subject, id AS subject_id, 1 AS rank FROM "Membership"
  UNION ALL SELECT "hostTownId", 'NETWORK', "networkId", 'CONFERENCE_HOST', 'EVENT', id, 2 FROM "Event" WHERE "hostTownId" IS NOT NULL AND "networkId" IS NOT NULL
  UNION ALL SELECT "townId", 'PROJECT', "projectId", 'PROJECT_PARTICIPANT', 'PROJECT_TOWN', id, 1 FROM "ProjectTown"
  UNION ALL SELECT "hostTownId", 'PROJECT', "projectId", 'PROJECT_EVENT_HOST', 'EVENT', id, 2 FROM "Event" WHERE "hostTownId" IS NOT NULL AND "projectId" IS NOT NULL
  UNION ALL SELECT "hostTownId", 'EVENT', id, 'EVENT_HOST', 'EVENT', id, 1 FROM "Event" WHERE "hostTownId" IS NOT NULL
  UNION ALL SELECT "townId", 'EVENT', "eventId", 'EVENT_PARTICIPANT', 'EVENT_PARTICIPATION', id, 1 FROM "EventParticipation" WHERE "townId" IS NOT NULL
  UNION ALL SELECT "townId", 'AGREEMENT', "agreementId", 'SIGNATORY', 'AGREEMENT_SIGNATORY', id, 1 FROM "AgreementSignatory"`;
