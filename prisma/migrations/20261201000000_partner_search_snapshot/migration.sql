-- A partner search as the audit log records it before and after a write: the fields an editor
-- sets, with its wanted countries and topics in order. One definition for every write of a
-- search, which reads it in the same statement as it writes the search.
CREATE FUNCTION partner_search_snapshot(s "PartnerSearch") RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'slug', s.slug,
    'townId', s."townId",
    'kind', s.kind,
    'description', s.description,
    'wantedPopulationMin', s."wantedPopulationMin",
    'wantedPopulationMax', s."wantedPopulationMax",
    'status', s.status,
    'statusAsOf', to_char(s."statusAsOf", 'YYYY-MM-DD'),
    'validUntil', to_char(s."validUntil", 'YYYY-MM-DD'),
    'version', s.version,
    'wantedCountries', coalesce(
      (SELECT jsonb_agg(c."countryCode" ORDER BY c."countryCode") FROM "PartnerSearchCountry" c
        WHERE c."partnerSearchId" = s.id), '[]'),
    'topics', coalesce(
      (SELECT jsonb_agg(t.slug ORDER BY t.slug) FROM "_PartnerSearchToTopic" j JOIN "Topic" t ON t.id = j."B"
        WHERE j."A" = s.id), '[]'))
$$;
