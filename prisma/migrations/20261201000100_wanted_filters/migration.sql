-- Whether a written record is one a filter wants: the one definition a subscription's filter
-- and a saved search's criteria share (PartnerSearchPostedFilter, FundingCallPublishedFilter),
-- read by a live subscription after a write commits and by the write's own statement to raise
-- its alerts. A filter is all conditions it gives; none (null) wants every record.

-- A partner search as its audit snapshot gives it (partner_search_snapshot): the requesting
-- town in one of `countries` (ISO alpha-2, any case) and of a population within
-- populationMin–populationMax (a town of no known population is in no range), the search about
-- one of `topics` (slugs). On the snapshot, because the statement that writes a search cannot
-- read the search or its topics back from their tables.
CREATE FUNCTION partner_search_snapshot_wanted(search jsonb, filter jsonb) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT FROM "Town" t
     WHERE t.id = (search ->> 'townId')::int
       AND (jsonb_typeof(filter -> 'countries') IS DISTINCT FROM 'array'
            OR t."countryCode" IN (SELECT upper(code) FROM jsonb_array_elements_text(filter -> 'countries') code))
       AND (jsonb_typeof(filter -> 'populationMin') IS DISTINCT FROM 'number'
            OR t.population >= (filter ->> 'populationMin')::int)
       AND (jsonb_typeof(filter -> 'populationMax') IS DISTINCT FROM 'number'
            OR t.population <= (filter ->> 'populationMax')::int)
       AND (jsonb_typeof(filter -> 'topics') IS DISTINCT FROM 'array'
            OR (search -> 'topics') ?| ARRAY(SELECT jsonb_array_elements_text(filter -> 'topics'))))
$$;

-- The same, of a partner search as its tables hold it.
CREATE FUNCTION partner_search_wanted(search_id int, filter jsonb) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT partner_search_snapshot_wanted(partner_search_snapshot(s), filter) FROM "PartnerSearch" s WHERE s.id = search_id),
    false)
$$;

-- Open to applicants of one of `countries` (ISO alpha-2, any case), of one of `programmes` (slugs).
CREATE FUNCTION funding_call_wanted(call_id int, filter jsonb) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT FROM "FundingCall" c
     WHERE c.id = call_id
       AND (jsonb_typeof(filter -> 'countries') IS DISTINCT FROM 'array'
            OR EXISTS (SELECT FROM "FundingCallCountry" e
                        WHERE e."fundingCallId" = c.id
                          AND e."countryCode" IN (SELECT upper(code) FROM jsonb_array_elements_text(filter -> 'countries') code)))
       AND (jsonb_typeof(filter -> 'programmes') IS DISTINCT FROM 'array'
            OR EXISTS (SELECT FROM "Programme" p
                        WHERE p.id = c."programmeId"
                          AND p.slug IN (SELECT jsonb_array_elements_text(filter -> 'programmes')))))
$$;
