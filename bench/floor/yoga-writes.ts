// The writes' floor: what creating and updating a partner search with its audit entry costs in
// graphql-yoga with nothing of CityNet's (no authorization, citations, webhooks, alerts or Pothos):
// a schema of two mutations, each one statement writing the record and its audit entry with the
// record before and after. Beside it the writes table tells how much of CityNet's gap to
// PostGraphile is the framework and how much is what CityNet does per write.
import { createServer } from "node:http";
import { createSchema, createYoga } from "graphql-yoga";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

/** The audit entry of the change `written` made, as CityNet's columns hold it. */
const AUDIT = (mutation: string, before: string) => `
  audit AS (
    INSERT INTO "AuditEntry" (at, actor, "actorName", role, scope, mutation, "recordType", "recordId", before, after, "requestId")
    SELECT clock_timestamp(), 'bench', 'Bench', 'TOWN_EDITOR', 'bench', '${mutation}', 'PartnerSearch', (w).id,
           ${before}, to_jsonb(w), gen_random_uuid()::text
      FROM written)`;

const CREATE = `
  WITH written AS (
    INSERT INTO "PartnerSearch" AS w (slug, "townId", kind, "postedOn", description, status, "statusAsOf")
    VALUES ('yoga-floor-' || gen_random_uuid(), $1, $2::text::"PartnershipKind", current_date, $3::jsonb, 'OPEN', current_date)
    RETURNING w),
  ${AUDIT("createPartnerSearch", "NULL")}
  SELECT (w).id, (w).version FROM written`;

const UPDATE = `
  WITH locked AS (SELECT s FROM "PartnerSearch" s WHERE id = $1 FOR UPDATE),
  written AS (
    UPDATE "PartnerSearch" t SET description = $3::jsonb, version = t.version + 1
      FROM locked WHERE t.id = $1 AND t.version = $2
    RETURNING t AS w),
  ${AUDIT("updatePartnerSearch", "(SELECT to_jsonb(s) FROM locked)")}
  SELECT (w).id, (w).version FROM written`;

const write = async (name: string, text: string, values: unknown[]) => {
  const { rows } = await pool.query({ name, text, values });
  if (!rows.length) throw new Error("The partner search changed meanwhile");
  return { partnerSearch: rows[0] };
};

const schema = createSchema({
  typeDefs: /* GraphQL */ `
    type PartnerSearch { id: Int! version: Int! }
    type PartnerSearchPayload { partnerSearch: PartnerSearch! }
    input LocalizedTextInput { lang: String! text: String! }
    input CreatePartnerSearchInput { townId: Int! kind: String! description: [LocalizedTextInput!]! }
    input UpdatePartnerSearchInput { id: Int! expectedVersion: Int! description: [LocalizedTextInput!]! }
    type Query { ok: Boolean }
    type Mutation {
      createPartnerSearch(input: CreatePartnerSearchInput!): PartnerSearchPayload!
      updatePartnerSearch(input: UpdatePartnerSearchInput!): PartnerSearchPayload!
    }`,
  resolvers: {
    Mutation: {
      createPartnerSearch: (_: unknown, { input }: { input: Record<string, unknown> }) =>
        write("create", CREATE, [input.townId, input.kind, JSON.stringify(input.description)]),
      updatePartnerSearch: (_: unknown, { input }: { input: Record<string, unknown> }) =>
        write("update", UPDATE, [input.id, input.expectedVersion, JSON.stringify(input.description)]),
    },
  },
});

const server = createServer(createYoga({ schema, landingPage: false, logging: false }));
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log(`yoga floor: listening on ${process.env.PORT}`));
process.on("SIGTERM", () => server.close(() => pool.end().then(() => process.exit(0))));
