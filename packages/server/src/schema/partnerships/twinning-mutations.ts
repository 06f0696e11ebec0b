import { builder, rootIn } from "../builder.js";
import { badInput } from "../common/errors.js";
import { memo } from "../common/request-memo.js";
import type { Context } from "../context.js";
import {
  CitationInput,
  checkedRange,
  editorOf,
  PartialDateInput,
  requiredBySlug,
  rowId,
  townBySlug,
  writeInput,
  writePayload,
} from "../contributions/inputs.js";
import {
  checkCitation,
  once,
  record,
  statementsOf,
  type Tx,
  updateVersioned,
  write,
  writerFor,
} from "../contributions/write.js";
import { Twinning, TwinningKind } from "./twinning.js";

const ProposeTwinningInput = builder.inputType("ProposeTwinningInput", {
  description: "One town proposes a twinning or partnership with another.",
  fields: (t) => ({
    town: t.string({ required: true, description: "Slug of the proposing town (the caller must edit it)." }),
    partner: t.string({ required: true, description: "Slug of the other town." }),
    kind: t.field({ type: TwinningKind, required: true, description: "Twinning, partnership or cooperation." }),
    since: t.field({ type: PartialDateInput, required: false, description: "When it began." }),
    agreement: t.string({ required: false, description: "Slug of the agreement it rests on, if CityNet has it." }),
    citation: t.field({ type: CitationInput, required: false, description: "What it rests on (a URL, a quote)." }),
    idempotencyKey: t.string({
      required: false,
      description: "Any string (at most 200 characters): a retry with the same key returns the first proposal.",
    }),
  }),
});

const ConfirmTwinningInput = builder.inputType("ConfirmTwinningInput", {
  description: "The other town confirms a proposed twinning, which makes it public.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: [Twinning], description: "The twinning." }),
    expectedVersion: t.int({ required: true, description: "The version read; CONFLICT if it changed since." }),
  }),
});

const EndTwinningInput = builder.inputType("EndTwinningInput", {
  description: "Records that a twinning ended.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: [Twinning], description: "The twinning." }),
    expectedVersion: t.int({ required: true, description: "The version read; CONFLICT if it changed since." }),
    until: t.field({ type: PartialDateInput, required: true, description: "When it ended." }),
    citation: t.field({ type: CitationInput, required: false, description: "What the end rests on." }),
  }),
});

const TwinningPayload = writePayload("TwinningPayload", "twinning", "Twinning", "twinning");

async function twinningSnapshot(tx: Tx, id: number) {
  const { createdAt, confirmedAt, ...row } = await tx.twinning.findUniqueOrThrow({ where: { id } });
  return { ...row, createdAt: createdAt.toISOString(), confirmedAt: confirmedAt?.toISOString() ?? null };
}

const twinningTowns = (ctx: Context, id: number) =>
  memo(ctx, `twinning-towns:${id}`, () =>
    ctx.prisma.twinning.findUnique({
      where: { id },
      select: {
        confirmedAt: true,
        proposedByTownId: true,
        townA: { select: { id: true, slug: true } },
        townB: { select: { id: true, slug: true } },
      },
    }),
  );

/** The town of the pair that did not propose it: the one that confirms. */
const confirmingTown = (twinning: NonNullable<Awaited<ReturnType<typeof twinningTowns>>>) =>
  twinning.townA.id === twinning.proposedByTownId ? twinning.townB : twinning.townA;

builder.mutationFields((t) => ({
  proposeTwinning: t.field({
    ...rootIn("partnerships"),
    type: TwinningPayload,
    description:
      "Proposes a twinning or partnership (the proposing town's TOWN_EDITOR, or an ADMIN); public once the other town confirms it.",
    args: { input: t.arg({ type: ProposeTwinningInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) => editorOf(await townBySlug(ctx, input.town)),
    resolve: async (_root, { input }, ctx) => {
      const town = await requiredBySlug(ctx, "town", input.town, "input.town");
      const partner = await requiredBySlug(ctx, "town", input.partner, "input.partner");
      if (partner.id === town.id) throw badInput("A town cannot twin with itself", "input.partner");
      const since = input.since ? checkedRange(input.since, "input.since") : null;
      const agreement = input.agreement
        ? await ctx.prisma.agreement.findUnique({ where: { slug: input.agreement }, select: { id: true } })
        : null;
      if (input.agreement && !agreement) throw badInput(`No agreement with slug ${input.agreement}`, "input.agreement");
      checkCitation(input.citation, "input.citation");
      const [townAId, townBId] = town.id < partner.id ? [town.id, partner.id] : [partner.id, town.id];
      const writer = writerFor(ctx, town);
      const id = await write(ctx, (tx) =>
        once(
          statementsOf(tx),
          writer.actor,
          input.idempotencyKey,
          { mutation: "proposeTwinning", recordType: "Twinning" },
          async () => {
            const existing = await tx.twinning.findUnique({
              where: { townAId_townBId_kind: { townAId, townBId, kind: input.kind } },
              select: { id: true },
            });
            if (existing)
              throw badInput(
                `${town.slug} and ${partner.slug} have this ${input.kind.toLowerCase()} already`,
                "input.partner",
              );
            const { id } = await tx.twinning.create({
              data: {
                townAId,
                townBId,
                kind: input.kind,
                proposedByTownId: town.id,
                agreementId: agreement?.id ?? null,
                startPrecision: since?.precision,
                startStart: since?.start,
                startEnd: since?.end,
              },
              select: { id: true },
            });
            const fields = ["towns", "kind", ...(input.since ? ["since"] : []), ...(agreement ? ["agreement"] : [])];
            await record(tx, ctx, writer, {
              facts: { subject: "TWINNING", fields, citation: input.citation },
              mutation: "proposeTwinning",
              recordType: "Twinning",
              recordId: id,
              before: null,
              after: await twinningSnapshot(tx, id),
            });
            return id;
          },
        ),
      );
      return { id };
    },
  }),

  confirmTwinning: t.field({
    ...rootIn("partnerships"),
    type: TwinningPayload,
    description: "Confirms a proposed twinning (the other town's TOWN_EDITOR, or an ADMIN), which makes it public.",
    args: { input: t.arg({ type: ConfirmTwinningInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) => {
      const twinning = await twinningTowns(ctx, rowId(input.id, "input.id"));
      return editorOf(twinning ? confirmingTown(twinning) : null);
    },
    resolve: async (_root, { input }, ctx) => {
      const id = rowId(input.id, "input.id");
      const twinning = await twinningTowns(ctx, id);
      if (!twinning) throw badInput("No such twinning", "input.id");
      if (twinning.confirmedAt) throw badInput("The twinning is confirmed already", "input.id");
      const writer = writerFor(ctx, confirmingTown(twinning));
      await updateVersioned(
        ctx,
        writer,
        {
          table: "Twinning",
          id,
          expectedVersion: input.expectedVersion,
          label: "twinning",
          mutation: "confirmTwinning",
          snapshot: twinningSnapshot,
        },
        async (tx) => {
          await tx.twinning.update({ where: { id }, data: { confirmedAt: new Date(), version: { increment: 1 } } });
          return { subject: "TWINNING", fields: ["towns", "kind"] };
        },
      );
      return { id };
    },
  }),

  endTwinning: t.field({
    ...rootIn("partnerships"),
    type: TwinningPayload,
    description: "Records when a twinning ended (an editor of either town, or an ADMIN).",
    args: { input: t.arg({ type: EndTwinningInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) => {
      const twinning = await twinningTowns(ctx, rowId(input.id, "input.id"));
      if (!twinning) return { authenticated: true };
      return { townEditorOfAny: [twinning.townA.id, twinning.townB.id] };
    },
    resolve: async (_root, { input }, ctx) => {
      const id = rowId(input.id, "input.id");
      const twinning = await twinningTowns(ctx, id);
      if (!twinning) throw badInput("No such twinning", "input.id");
      const until = checkedRange(input.until, "input.until");
      checkCitation(input.citation, "input.citation");
      const actingFor = [twinning.townA, twinning.townB].find((town) =>
        ctx.actor?.grants.some((g) => g.role === "TOWN_EDITOR" && g.townId === town.id),
      );
      const writer = writerFor(ctx, actingFor ?? twinning.townA);
      await updateVersioned(
        ctx,
        writer,
        {
          table: "Twinning",
          id,
          expectedVersion: input.expectedVersion,
          label: "twinning",
          mutation: "endTwinning",
          snapshot: twinningSnapshot,
        },
        async (tx) => {
          await tx.twinning.update({
            where: { id },
            data: {
              endPrecision: until.precision,
              endStart: until.start,
              endEnd: until.end,
              version: { increment: 1 },
            },
          });
          return { subject: "TWINNING", fields: ["until"], citation: input.citation };
        },
      );
      return { id };
    },
  }),
}));
