// Saved searches and their alerts: a signed-in caller (a town's editor, a portal's key) saves
// what it wants to hear of; each committed write that matches becomes an alert, kept until read
// and delivered live by alertRaised. Everything here is its owner's alone.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { unauthenticated } from "../../auth/identity.js";
import { SavedSearchKind as SavedSearchKindValues } from "../../generated/prisma/index.js";
import { writes } from "../../live/writes.js";
import { builder, loadNode, rootIn } from "../builder.js";
import { badInput, notFound } from "../common/errors.js";
import { pageSize } from "../common/pagination.js";
import type { Context } from "../context.js";
import { recordBySlug, rowId, writeInput } from "../contributions/inputs.js";
import { FundingCallPublishedFilter } from "../funding/subscriptions.js";
import { PartnerSearchPostedFilter } from "../partnerships/subscriptions.js";

const owns = (ctx: Context, owner: string) => ctx.actor?.id === owner;
/** The signed-in caller's id (the owner of what it saves). */
const ownerOf = (ctx: Context) => {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor.id;
};

const SavedSearchKind = builder.enumType(SavedSearchKindValues, {
  name: "SavedSearchKind",
  description: "What a saved search follows.",
  values: {
    PARTNER_SEARCHES: { description: "New partner searches matching a filter." },
    FUNDING_CALLS: { description: "Newly published funding calls matching a filter." },
    TOWN: { description: "Writes about a town: its profile, partner searches, memberships, hosted events." },
    NETWORK: { description: "Writes about a network: its memberships and events." },
  },
});

export const SavedSearch = builder.prismaNode("SavedSearch", {
  select: { id: true, owner: true },
  ...rootIn("contributions"),
  id: { field: "id" },
  description: "A signed-in caller's standing question; what matches it becomes alerts (its owner's only).",
  authScopes: (search: { owner: string }, ctx) => owns(ctx, search.owner),
  fields: (t) => ({
    name: t.exposeString("name", { description: "Its owner's name for it." }),
    kind: t.expose("kind", { type: SavedSearchKind, description: "What it follows." }),
    criteria: t.field({
      type: "String",
      description: "Its filter, or the followed town's or network's id, as JSON.",
      select: { criteria: true },
      resolve: (search) => JSON.stringify(search.criteria),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was saved." }),
    unreadAlerts: t.relationCount("alerts", { where: { readAt: null }, description: "Alerts not yet read." }),
  }),
});

export const Alert = builder.prismaNode("Alert", {
  select: { id: true, savedSearch: { select: { owner: true } } },
  ...rootIn("contributions"),
  id: { field: "id" },
  description: "A committed write that matched a saved search.",
  authScopes: (alert: { savedSearch: { owner: string } }, ctx) => owns(ctx, alert.savedSearch.owner),
  fields: (t) => ({
    savedSearch: t.relation("savedSearch", { description: "The saved search it matched." }),
    record: t.field({
      type: builder.nodeInterfaceRef(),
      nullable: true,
      description: "The record written, as node(id:) gives it (null if it is gone or hidden from you).",
      select: { recordType: true, recordId: true },
      resolve: (alert, _args, ctx, info) =>
        loadNode({ typename: alert.recordType, id: String(alert.recordId) }, ctx, info).catch(() => null) as never,
    }),
    recordId: t.field({
      type: "ID",
      description: "The record's global id.",
      select: { recordType: true, recordId: true },
      resolve: (alert) => encodeGlobalID(alert.recordType, alert.recordId),
    }),
    mutation: t.exposeString("mutation", { description: "The write that matched." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the write committed." }),
    readAt: t.expose("readAt", { type: "DateTime", nullable: true, description: "When its owner marked it read." }),
  }),
});

const alertsWhere = (ctx: Context, unreadOnly: boolean | null | undefined) => ({
  savedSearch: { owner: ownerOf(ctx) },
  ...(unreadOnly ? { readAt: null } : {}),
});

builder.queryFields((t) => ({
  savedSearches: t.prismaField({
    ...rootIn("contributions"),
    type: ["SavedSearch"],
    description: "The caller's saved searches.",
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.savedSearch.findMany({ ...query, where: { owner: ownerOf(ctx) }, orderBy: { id: "asc" } }),
  }),
  alerts: t.prismaConnection({
    ...rootIn("contributions"),
    type: "Alert",
    cursor: "id",
    ...pageSize,
    description: "What matched the caller's saved searches, newest first: by default only what it has not read.",
    authScopes: { authenticated: true },
    args: { unreadOnly: t.arg.boolean({ defaultValue: true, description: "Only alerts not yet marked read." }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.alert.count({ where: alertsWhere(ctx, args.unreadOnly) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.alert.findMany({ ...query, where: alertsWhere(ctx, args.unreadOnly), orderBy: { id: "desc" } }),
  }),
}));

const SaveSearchInput = builder.inputType("SaveSearchInput", {
  description: "A search to save: give its name and exactly one of the four things it may follow.",
  fields: (t) => ({
    name: t.string({ required: true, description: "Your name for it." }),
    partnerSearches: t.field({ type: PartnerSearchPostedFilter, description: "New partner searches like these." }),
    fundingCalls: t.field({ type: FundingCallPublishedFilter, description: "New funding calls like these." }),
    town: t.string({ description: "Follow a town (slug)." }),
    network: t.string({ description: "Follow a network (slug)." }),
  }),
});

/** The kind and criteria of a saved search's input: exactly one thing to follow. */
async function followed(ctx: Context, input: typeof SaveSearchInput.$inferInput) {
  const given = (["partnerSearches", "fundingCalls", "town", "network"] as const).filter((k) => input[k] != null);
  if (given.length !== 1) throw badInput("Give exactly one of partnerSearches, fundingCalls, town, network", "input");
  if (input.partnerSearches) return { kind: "PARTNER_SEARCHES" as const, criteria: input.partnerSearches };
  if (input.fundingCalls) return { kind: "FUNDING_CALLS" as const, criteria: input.fundingCalls };
  const model = input.town ? "town" : "network";
  const slug = (input.town ?? input.network)!;
  const record = await recordBySlug(ctx, model, slug);
  if (!record) throw badInput(`No ${model} with slug ${slug}`, `input.${model}`);
  return model === "town"
    ? { kind: "TOWN" as const, criteria: { townId: record.id } }
    : { kind: "NETWORK" as const, criteria: { networkId: record.id } };
}

const DeleteSavedSearchInput = builder.inputType("DeleteSavedSearchInput", {
  description: "A saved search to delete, with its alerts.",
  fields: (t) => ({ id: t.globalID({ required: true, for: [SavedSearch], description: "The saved search." }) }),
});

const MarkAlertsReadInput = builder.inputType("MarkAlertsReadInput", {
  description: "Alerts to mark read.",
  fields: (t) => ({
    ids: t.globalIDList({ for: [Alert], description: "These alerts; every unread one of yours when omitted." }),
  }),
});

/** The owner of a saved search or alert the input names (null: there is none). */
const ownerOfRecord = async (ctx: Context, model: "savedSearch" | "alert", id: { id: string }) => {
  const where = { id: rowId(id, "input.id") };
  return model === "savedSearch"
    ? (await ctx.prisma.savedSearch.findUnique({ where, select: { owner: true } }))?.owner
    : (await ctx.prisma.alert.findUnique({ where, select: { savedSearch: { select: { owner: true } } } }))?.savedSearch
        .owner;
};

builder.mutationFields((t) => ({
  saveSearch: t.prismaField({
    ...rootIn("contributions"),
    type: "SavedSearch",
    description: "Saves a search for the caller (any signed-in caller); its matches become alerts from now on.",
    args: { input: t.arg({ type: SaveSearchInput, ...writeInput }) },
    authScopes: { authenticated: true },
    resolve: async (query, _root, { input }, ctx) => {
      const { kind, criteria } = await followed(ctx, input);
      return ctx.prisma.savedSearch.create({
        ...query,
        data: { owner: ownerOf(ctx), name: input.name, kind, criteria: JSON.parse(JSON.stringify(criteria)) },
      });
    },
  }),
  deleteSavedSearch: t.boolean({
    ...rootIn("contributions"),
    description: "Deletes one of the caller's saved searches and its alerts.",
    args: { input: t.arg({ type: DeleteSavedSearchInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) => {
      const owner = ctx.actor ? await ownerOfRecord(ctx, "savedSearch", input.id) : undefined;
      return owner === undefined || owns(ctx, owner) ? { authenticated: true } : false;
    },
    resolve: async (_root, { input }, ctx) => {
      const { count } = await ctx.prisma.savedSearch.deleteMany({
        where: { id: rowId(input.id, "input.id"), owner: ownerOf(ctx) },
      });
      if (!count) throw notFound("saved search", "its id");
      return true;
    },
  }),
  markAlertsRead: t.int({
    ...rootIn("contributions"),
    description: "Marks the caller's alerts read (these, or all); answers how many changed.",
    args: { input: t.arg({ type: MarkAlertsReadInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) => {
      if (!ctx.actor) return { authenticated: true };
      for (const id of input.ids ?? []) {
        const owner = await ownerOfRecord(ctx, "alert", id);
        if (owner !== undefined && !owns(ctx, owner)) return false;
      }
      return { authenticated: true };
    },
    resolve: async (_root, { input }, ctx) => {
      const ids = input.ids?.map((id) => rowId(id, "input.ids"));
      const { count } = await ctx.prisma.alert.updateMany({
        where: { savedSearch: { owner: ownerOf(ctx) }, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
        data: { readAt: new Date() },
      });
      return count;
    },
  }),
}));

builder.subscriptionField("alertRaised", (t) =>
  t.prismaField({
    ...rootIn("contributions"),
    type: ["Alert"],
    description: "The caller's alerts as writes raise them (those a client missed while away: `alerts`).",
    authScopes: { authenticated: true },
    subscribe: (_root, _args, ctx) => {
      const owner = ownerOf(ctx);
      return writes(
        ctx,
        async (event) =>
          (await ctx.prisma.alert.count({
            where: { recordType: event.recordType, recordId: event.recordId, savedSearch: { owner } },
          })) > 0,
      );
    },
    resolve: (query, event: { recordType: string; recordId: number; mutation: string }, _args, ctx) =>
      ctx.prisma.alert.findMany({
        ...query,
        where: {
          recordType: event.recordType,
          recordId: event.recordId,
          mutation: event.mutation,
          readAt: null,
          savedSearch: { owner: ownerOf(ctx) },
        },
        orderBy: { id: "desc" },
        take: 20,
      }),
  }),
);
