-- A partner search's and an event's town are read by key (a lateral lookup of one row), not
-- joined. The trigger reindexes the few records a write touched, and PostgreSQL merge-joined
-- them with the towns along Town's primary key from its start whenever its statistics had not
-- yet seen the town (a town's first searches, before the next ANALYZE): 0.63 ms of a write for
-- a town 3,800 rows in, and it grows with the town's id. LIMIT 1 keeps each lookup a lookup
-- (PostgreSQL does not flatten a subquery with a LIMIT into a join); the key makes it no limit.
CREATE OR REPLACE VIEW search_term AS
  SELECT 'TOWN'::text AS entity_type, t.id AS entity_id, t.name AS term, NULL::text AS lang, t.population, t."countryCode" AS country_code
    FROM "Town" t
  UNION ALL
  SELECT 'TOWN', n."townId", n.name, n.lang, t.population, t."countryCode"
    FROM "TownName" n JOIN "Town" t ON t.id = n."townId"
  UNION ALL
  SELECT 'ORGANISATION', o.id, x->>'text', x->>'lang', NULL, o."countryCode"
    FROM "Organisation" o, jsonb_array_elements(o.names) x
  UNION ALL
  SELECT 'ORGANISATION', o.id, o.acronym, NULL, NULL, o."countryCode" FROM "Organisation" o WHERE o.acronym IS NOT NULL
  UNION ALL
  SELECT 'PROGRAMME', g.id, x->>'text', x->>'lang', NULL, NULL
    FROM "Programme" g, jsonb_array_elements(g.names) x
  UNION ALL
  SELECT 'PROGRAMME', g.id, g.acronym, NULL, NULL, NULL FROM "Programme" g WHERE g.acronym IS NOT NULL
  UNION ALL
  SELECT 'NETWORK', w.id, x->>'text', x->>'lang', NULL, w."homeCountryCode"
    FROM "Network" w, jsonb_array_elements(w.names) x
  UNION ALL
  SELECT 'PROJECT', p.id, x->>'text', x->>'lang', NULL, NULL
    FROM "Project" p, jsonb_array_elements(p.names) x
  UNION ALL
  SELECT 'EVENT', e.id, x->>'text', x->>'lang', NULL, h."countryCode"
    FROM "Event" e
    LEFT JOIN LATERAL (SELECT "countryCode" FROM "Town" WHERE id = e."hostTownId" LIMIT 1) h ON true,
    jsonb_array_elements(e.names || coalesce(e.theme, '[]'::jsonb)) x
  UNION ALL
  SELECT 'PARTNER_SEARCH', s.id, t.name, NULL, t.population, t."countryCode"
    FROM "PartnerSearch" s
    CROSS JOIN LATERAL (SELECT name, population, "countryCode" FROM "Town" WHERE id = s."townId" LIMIT 1) t
  UNION ALL
  SELECT 'FUNDING_CALL', f.id, x->>'text', x->>'lang', NULL, NULL
    FROM "FundingCall" f, jsonb_array_elements(f.names) x;
