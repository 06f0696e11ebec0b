// A town's profile, written by its editors: a description in their languages, a website and
// contacts. GeoNames' fields and the documents' facts are not editable; a correction of one is
// a new fact with its own source (a contribution citation), never an overwrite of a document's.
import type { Prisma } from "../../generated/prisma/index.js";
import { builder, rootIn } from "../builder.js";
import { badInput } from "../common/errors.js";
import { maxLength } from "../common/input-limits.js";
import type { Context } from "../context.js";
import {
  CitationInput,
  editorOf,
  LocalizedTextInput,
  requiredBySlug,
  townBySlug,
  writeInput,
  writePayload,
} from "../contributions/inputs.js";
import {
  checkCitation,
  checkLength,
  checkUrl,
  type Facts,
  json,
  optionalTexts,
  type Tx,
  updateVersioned,
  writerFor,
} from "../contributions/write.js";

const MAX_DESCRIPTION = 5000;
const MAX_NAME = 200;
const MAX_CONTACT = 300;
const MAX_WEBSITE = 500;

const UpdateTownProfileInput = builder.inputType("UpdateTownProfileInput", {
  description: "Changes to a town's profile; absent fields stay as they are, null clears one.",
  fields: (t) => ({
    town: t.string({ required: true, description: "Slug of the town (the caller must edit it)." }),
    expectedVersion: t.int({ required: true, description: "The profileVersion read; CONFLICT if it changed since." }),
    description: t.field({
      type: [LocalizedTextInput],
      required: false,
      description: `What the town says about itself, in one or more languages (at most ${MAX_DESCRIPTION} characters each).`,
    }),
    website: t.string({
      required: false,
      description: `An http(s) URL (at most ${MAX_WEBSITE} characters).`,
      extensions: maxLength(MAX_WEBSITE),
    }),
    publicContact: t.string({
      required: false,
      description: `A contact for partner towns (at most ${MAX_CONTACT} characters).`,
      extensions: maxLength(MAX_CONTACT),
    }),
    privateContact: t.string({
      required: false,
      description: `A contact for the town's editors only (at most ${MAX_CONTACT} characters).`,
      extensions: maxLength(MAX_CONTACT),
    }),
    citation: t.field({ type: CitationInput, required: false, description: "What the profile rests on, if anything." }),
  }),
});

const TownPayload = writePayload("TownPayload", "town", "Town", "town");

/**
 * The profile and names as the audit log records them (the private contact included: the log
 * is for admins and editors).
 */
const profileSnapshot = (tx: Tx, id: number) =>
  tx.town.findUniqueOrThrow({
    where: { id },
    select: {
      slug: true,
      description: true,
      website: true,
      publicContact: true,
      privateContact: true,
      profileVersion: true,
      names: { select: { name: true, kind: true, lang: true }, orderBy: { id: "asc" } },
    },
  });

const NameKind = builder.enumType("ContributedTownNameKind", {
  description: "The kinds of name a town's editors may add.",
  values: {
    EXONYM: { value: "EXONYM", description: "The name in another language (Troppau for Opava)." },
    ALTERNATE: { value: "ALTERNATE", description: "Another name, in the town's own language or none." },
  } as const,
});

const AddTownAlternateNameInput = builder.inputType("AddTownAlternateNameInput", {
  description: "Another name of a town, found by search from then on.",
  fields: (t) => ({
    town: t.string({ required: true, description: "Slug of the town (the caller must edit it)." }),
    expectedVersion: t.int({ required: true, description: "The profileVersion read; CONFLICT if it changed since." }),
    name: t.string({ required: true, description: `The name (at most ${MAX_NAME} characters).` }),
    kind: t.field({ type: NameKind, required: true, description: "Exonym or alternate name." }),
    lang: t.string({ required: false, description: "ISO 639-1 language of the name." }),
    citation: t.field({ type: CitationInput, required: false, description: "What the name rests on, if anything." }),
  }),
});

const RemoveTownAlternateNameInput = builder.inputType("RemoveTownAlternateNameInput", {
  description: "Removes a name the town's editors added (GeoNames' and the documents' names stay).",
  fields: (t) => ({
    town: t.string({ required: true, description: "Slug of the town (the caller must edit it)." }),
    expectedVersion: t.int({ required: true, description: "The profileVersion read; CONFLICT if it changed since." }),
    name: t.string({ required: true, description: "The name, as listed in the town's names." }),
  }),
});

/** A write to a town's profile or names, versioned by its profileVersion. */
const updateTown = (
  ctx: Context,
  town: { id: number; slug: string },
  expectedVersion: number,
  mutation: string,
  change: (tx: Tx) => Promise<Facts>,
) =>
  updateVersioned(
    ctx,
    writerFor(ctx, town),
    {
      table: "Town",
      id: town.id,
      expectedVersion,
      label: "town profile",
      column: "profileVersion",
      mutation,
      snapshot: profileSnapshot,
    },
    async (tx) => {
      const facts = await change(tx);
      await tx.town.update({ where: { id: town.id }, data: { profileVersion: { increment: 1 } } });
      return facts;
    },
  );

builder.mutationField("updateTownProfile", (t) =>
  t.field({
    ...rootIn("places"),
    type: TownPayload,
    description:
      "Changes a town's profile (its TOWN_EDITOR, or an ADMIN); CONFLICT if it changed since expectedVersion.",
    args: { input: t.arg({ type: UpdateTownProfileInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) => editorOf(await townBySlug(ctx, input.town)),
    resolve: async (_root, { input }, ctx) => {
      const town = await requiredBySlug(ctx, "town", input.town, "input.town");
      const data: Prisma.TownUpdateInput = {};
      if (input.description !== undefined)
        data.description = json(optionalTexts(input.description, "input.description", MAX_DESCRIPTION));
      if (input.website !== undefined) {
        checkUrl(input.website, "input.website", MAX_WEBSITE);
        data.website = input.website;
      }
      for (const field of ["publicContact", "privateContact"] as const) {
        if (input[field] === undefined) continue;
        checkLength(input[field], `input.${field}`, MAX_CONTACT);
        data[field] = input[field];
      }
      const fields = Object.keys(data);
      if (!fields.length) throw badInput("Nothing to change", "input");
      checkCitation(input.citation, "input.citation");
      await updateTown(ctx, town, input.expectedVersion, "updateTownProfile", async (tx) => {
        await tx.town.update({ where: { id: town.id }, data });
        // The private contact is no public fact: it is audited, not cited.
        const cited = fields.filter((field) => field !== "privateContact");
        return { subject: "TOWN", fields: cited, citation: input.citation };
      });
      return { id: town.id };
    },
  }),
);

builder.mutationFields((t) => ({
  addTownAlternateName: t.field({
    ...rootIn("places"),
    type: TownPayload,
    description: "Adds an exonym or alternate name to a town (its TOWN_EDITOR, or an ADMIN); search finds it at once.",
    args: { input: t.arg({ type: AddTownAlternateNameInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) => editorOf(await townBySlug(ctx, input.town)),
    resolve: async (_root, { input }, ctx) => {
      const town = await requiredBySlug(ctx, "town", input.town, "input.town");
      const name = input.name.trim();
      if (!name || name.length > MAX_NAME) throw badInput(`A name of 1 to ${MAX_NAME} characters`, "input.name");
      if (input.lang != null && !/^[a-z]{2}$/.test(input.lang))
        throw badInput(`lang must be an ISO 639-1 code such as "en" or "cs"`, "input.lang");
      checkCitation(input.citation, "input.citation");
      await updateTown(ctx, town, input.expectedVersion, "addTownAlternateName", async (tx) => {
        const existing = await tx.townName.findFirst({ where: { townId: town.id, name }, select: { id: true } });
        if (existing) throw badInput(`${town.slug} has the name ${name} already`, "input.name");
        const row = await tx.townName.create({
          data: { townId: town.id, name, kind: input.kind, lang: input.lang ?? null },
          select: { id: true },
        });
        return { subject: "TOWN_NAME", subjectId: row.id, fields: ["name", "kind", "lang"], citation: input.citation };
      });
      return { id: town.id };
    },
  }),

  removeTownAlternateName: t.field({
    ...rootIn("places"),
    type: TownPayload,
    description: "Removes a name the town's editors added (its TOWN_EDITOR, or an ADMIN); other names stay.",
    args: { input: t.arg({ type: RemoveTownAlternateNameInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) => editorOf(await townBySlug(ctx, input.town)),
    resolve: async (_root, { input }, ctx) => {
      const town = await requiredBySlug(ctx, "town", input.town, "input.town");
      await updateTown(ctx, town, input.expectedVersion, "removeTownAlternateName", async (tx) => {
        const names = await tx.townName.findMany({
          where: { townId: town.id, name: input.name },
          select: { id: true },
        });
        const ids = names.map((n) => n.id);
        // Only a name every citation of which is a contribution was added through the API.
        const citations = await tx.citation.findMany({
          where: { subjectType: "TOWN_NAME", subjectId: { in: ids } },
          select: { subjectId: true, source: { select: { kind: true } } },
        });
        const contributed = ids.filter(
          (id) =>
            citations.some((c) => c.subjectId === id) &&
            citations.every((c) => c.subjectId !== id || c.source.kind === "CONTRIBUTION"),
        );
        if (!contributed.length)
          throw badInput(`${town.slug} has no name ${input.name} its editors added`, "input.name");
        await tx.townName.deleteMany({ where: { id: { in: contributed } } });
        await tx.citation.deleteMany({ where: { subjectType: "TOWN_NAME", subjectId: { in: contributed } } });
        return { subject: "TOWN", fields: [] };
      });
      return { id: town.id };
    },
  }),
}));
