// Provenance and audit of what is written through the API: who contributed a fact (public, on
// its Source), and the append-only audit log (editors see their records' history, admins all).
import { Role as RoleValues } from "../../generated/prisma/index.js";
import { builder, rootIn, type Types } from "../builder.js";
import { pageSize } from "../common/pagination.js";
import { Source } from "../common/sources.js";
import type { Context } from "../context.js";

export const RoleEnum = builder.enumType(RoleValues, {
  name: "Role",
  description:
    "What a caller may do: TOWN_EDITOR (its towns), NETWORK_SECRETARIAT (a network), PROGRAMME_EDITOR (a programme), PUBLISHER (an organisation's news and calls), ADMIN.",
  values: {
    ADMIN: { description: "May do everything, for every record." },
    TOWN_EDITOR: { description: "Writes for its towns: profile, names, partner searches, interests, twinnings." },
    NETWORK_SECRETARIAT: { description: "Writes for its network: memberships and events." },
    PROGRAMME_EDITOR: { description: "Writes for its programme: projects, their partners, funding calls." },
    PUBLISHER: { description: "Publishes for its organisation: news and funding calls." },
  },
});

export const Contribution = builder.prismaObject("Contribution", {
  select: { id: true },
  subGraphs: ["contributions", "news"],
  description:
    "Who wrote facts through the API, acting for whom, and when: the contributor a CONTRIBUTION source names.",
  fields: (t) => ({
    contributor: t.exposeString("actorName", { description: "The API key's name, or the signed-in person's name." }),
    role: t.expose("role", { type: RoleEnum, description: "The role it wrote in." }),
    actingFor: t.relation("actingForTown", { nullable: true, description: "The town it wrote for." }),
    at: t.expose("createdAt", { type: "DateTime", description: "When it was written." }),
  }),
});

builder.prismaObjectField(Source, "contribution", (t) =>
  t.relation("contribution", {
    nullable: true,
    description: "For a CONTRIBUTION source: who wrote the facts it backs. Null for documents and registries.",
  }),
);

export const AuditEntry = builder.prismaObject("AuditEntry", {
  select: { id: true },
  shareable: true,
  // Beside the log itself, wherever a writable record shows its history.
  subGraphs: ["contributions", "partnerships", "places", "networks", "events", "projects", "funding", "news"],
  description: "One write through the API, as the append-only audit log holds it.",
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime", description: "When the write committed." }),
    actor: t.exposeString("actor", { description: 'The caller: "api-key:<id>" or "token:<issuer>#<subject>".' }),
    actorName: t.exposeString("actorName", { description: "The key's name, or the token's name claim." }),
    role: t.expose("role", { type: RoleEnum, description: "The role it wrote in." }),
    scope: t.exposeString("scope", { nullable: true, description: 'What it acted for, e.g. "town:opava".' }),
    mutation: t.exposeString("mutation", { description: "The mutation." }),
    recordType: t.exposeString("recordType", { description: "The type of the record written." }),
    recordId: t.exposeInt("recordId", { description: "The record's database id." }),
    before: t.string({
      nullable: true,
      select: { before: true },
      description: "The record before the write, as JSON (null for a create).",
      resolve: (e) => (e.before === null ? null : JSON.stringify(e.before)),
    }),
    after: t.string({
      nullable: true,
      select: { after: true },
      description: "The record after the write, as JSON.",
      resolve: (e) => (e.after === null ? null : JSON.stringify(e.after)),
    }),
    requestId: t.exposeString("requestId", { description: "The request (X-Request-Id, else generated)." }),
  }),
});

/**
 * A writable record's `history`: every write to it through the API, oldest first, for those
 * `scopes` name (its editors) and admins.
 */
export function historyField<Parent extends { id: number }>(
  // Only the method used is compared with the caller's builder: whole builders are too deep to compare.
  t: Pick<PothosSchemaTypes.RootFieldBuilder<Types, Parent, "Object" | "PrismaObject">, "field">,
  recordType: string,
  whose: string,
  scopes: (parent: Parent) => Partial<Types["AuthScopes"]>,
) {
  return t.field({
    type: [AuditEntry],
    description: `Every write to this ${whose} through the API, oldest first: for its editors and admins only.`,
    authScopes: scopes,
    resolve: (parent: Parent, _args: object, ctx: Context) =>
      ctx.prisma.auditEntry.findMany({ where: { recordType, recordId: parent.id }, orderBy: { id: "asc" } }),
  } as never);
}

export const AuditFilter = builder.inputType("AuditFilter", {
  description: "Conditions on audit entries; all given conditions must hold.",
  fields: (t) => ({
    actor: t.string({ required: false, description: 'The caller, e.g. "api-key:3".' }),
    recordType: t.string({ required: false, description: "The record type, e.g. PartnerSearch." }),
    recordId: t.int({ required: false, description: "The record's database id (with recordType)." }),
    mutation: t.string({ required: false, description: "The mutation, e.g. updatePartnerSearch." }),
    since: t.field({ type: "DateTime", required: false, description: "Written at or after." }),
    until: t.field({ type: "DateTime", required: false, description: "Written before." }),
  }),
});

builder.queryField("auditLog", (t) =>
  t.prismaConnection({
    ...rootIn("contributions"),
    type: "AuditEntry",
    cursor: "id",
    ...pageSize,
    authScopes: { admin: true },
    description: "Every write through the API, latest first (admins only).",
    args: { filter: t.arg({ type: AuditFilter, description: "Which entries." }) },
    resolve: (query, _root, { filter }, ctx) =>
      ctx.prisma.auditEntry.findMany({
        ...query,
        where: {
          actor: filter?.actor ?? undefined,
          recordType: filter?.recordType ?? undefined,
          recordId: filter?.recordId ?? undefined,
          mutation: filter?.mutation ?? undefined,
          at: { gte: filter?.since ?? undefined, lt: filter?.until ?? undefined },
        },
        orderBy: { id: "desc" },
      }),
  }),
);
