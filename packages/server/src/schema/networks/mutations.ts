// Memberships written by a network's secretariat: a town joins (with its role and when), and
// when it left. Each write is cited to the secretariat and audited like every other.
import { builder, rootIn } from "../builder.js";
import { badInput } from "../common/errors.js";
import type { Context } from "../context.js";
import {
  CitationInput,
  checkedRange,
  ownerScopes,
  PartialDateInput,
  recordBySlug,
  recordOwner,
  requiredBySlug,
  rowId,
  writeInput,
  writePayload,
} from "../contributions/inputs.js";
import {
  checkCitation,
  checkLength,
  once,
  record,
  statementsOf,
  type Tx,
  updateVersioned,
  write,
  writerForNetwork,
} from "../contributions/write.js";
import { Membership, MembershipRole } from "./membership.js";

const AddMembershipInput = builder.inputType("AddMembershipInput", {
  description: "A town joins a network.",
  fields: (t) => ({
    network: t.string({ required: true, description: "Slug of the network (the caller must be its secretariat)." }),
    town: t.string({ required: true, description: "Slug of the member town." }),
    role: t.field({ type: MembershipRole, required: true, description: "Founding member or member." }),
    joined: t.field({ type: PartialDateInput, required: false, description: "When it joined." }),
    citation: t.field({ type: CitationInput, required: false, description: "What the membership rests on." }),
    idempotencyKey: t.string({
      required: false,
      description: "Any string (at most 200 characters): a retry with the same key returns the first membership.",
    }),
  }),
});

const EndMembershipInput = builder.inputType("EndMembershipInput", {
  description: "Records that a town left a network.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: [Membership], description: "The membership." }),
    expectedVersion: t.int({ required: true, description: "The version read; CONFLICT if it changed since." }),
    left: t.field({ type: PartialDateInput, required: true, description: "When it left." }),
    citation: t.field({ type: CitationInput, required: false, description: "What the end rests on." }),
  }),
});

const MembershipPayload = writePayload("MembershipPayload", "membership", "Membership", "membership");

const membershipNetwork = (ctx: Context, id: number) =>
  recordOwner(ctx, { table: "Membership", id, column: "networkId", relation: "network", owner: "network" });

async function membershipSnapshot(tx: Tx, id: number) {
  const row = await tx.membership.findUniqueOrThrow({ where: { id } });
  const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;
  return {
    ...row,
    joinedStart: day(row.joinedStart),
    joinedEnd: day(row.joinedEnd),
    leftStart: day(row.leftStart),
    leftEnd: day(row.leftEnd),
  };
}

builder.mutationFields((t) => ({
  addMembership: t.field({
    ...rootIn("networks"),
    type: MembershipPayload,
    description: "Records that a town joined a network (the network's NETWORK_SECRETARIAT, or an ADMIN).",
    args: { input: t.arg({ type: AddMembershipInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) =>
      ownerScopes("networkSecretariat", await recordBySlug(ctx, "network", input.network), false),
    resolve: async (_root, { input }, ctx) => {
      const network = await requiredBySlug(ctx, "network", input.network, "input.network");
      const town = await requiredBySlug(ctx, "town", input.town, "input.town");
      const joined = input.joined ? checkedRange(input.joined, "input.joined") : null;
      checkCitation(input.citation, "input.citation");
      checkLength(input.idempotencyKey, "input.idempotencyKey", 200);
      const writer = writerForNetwork(ctx, network);
      const id = await write(ctx, (tx) =>
        once(
          statementsOf(tx),
          writer.actor,
          input.idempotencyKey,
          { mutation: "addMembership", recordType: "Membership" },
          async () => {
            const existing = await tx.membership.findUnique({
              where: { networkId_townId: { networkId: network.id, townId: town.id } },
              select: { id: true },
            });
            if (existing) throw badInput(`${town.slug} is (or was) a member of ${network.slug} already`, "input.town");
            const { id } = await tx.membership.create({
              data: {
                networkId: network.id,
                townId: town.id,
                role: input.role,
                joinedPrecision: joined?.precision,
                joinedStart: joined?.start,
                joinedEnd: joined?.end,
              },
              select: { id: true },
            });
            await record(tx, ctx, writer, {
              facts: {
                subject: "MEMBERSHIP",
                fields: ["town", "network", "role", ...(joined ? ["joined"] : [])],
                citation: input.citation,
              },
              mutation: "addMembership",
              recordType: "Membership",
              recordId: id,
              before: null,
              after: await membershipSnapshot(tx, id),
            });
            return id;
          },
        ),
      );
      return { id };
    },
  }),

  endMembership: t.field({
    ...rootIn("networks"),
    type: MembershipPayload,
    description: "Records when a town left a network (the network's NETWORK_SECRETARIAT, or an ADMIN).",
    args: { input: t.arg({ type: EndMembershipInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) =>
      ownerScopes("networkSecretariat", (await membershipNetwork(ctx, rowId(input.id, "input.id")))?.network, false),
    resolve: async (_root, { input }, ctx) => {
      const id = rowId(input.id, "input.id");
      const membership = await membershipNetwork(ctx, id);
      if (!membership) throw badInput("No such membership", "input.id");
      const left = checkedRange(input.left, "input.left");
      checkCitation(input.citation, "input.citation");
      const writer = writerForNetwork(ctx, membership.network);
      await updateVersioned(
        ctx,
        writer,
        {
          table: "Membership",
          id,
          expectedVersion: input.expectedVersion,
          label: "membership",
          mutation: "endMembership",
          snapshot: membershipSnapshot,
        },
        async (tx) => {
          await tx.membership.update({
            where: { id },
            data: {
              leftPrecision: left.precision,
              leftStart: left.start,
              leftEnd: left.end,
              version: { increment: 1 },
            },
          });
          return { subject: "MEMBERSHIP", fields: ["left"], citation: input.citation };
        },
      );
      return { id };
    },
  }),
}));
