// A town's profile, written by its editors: a description in their languages, a website and
// contacts. GeoNames' fields and the documents' facts are not editable; a correction of one is
// a new fact with its own source (a contribution citation), never an overwrite of a document's.
import type { Prisma } from "../../generated/prisma/index.js";
import { builder, rootIn } from "../builder.js";
import { badInput } from "../common/errors.js";
import { CitationInput, editorOf, LocalizedTextInput, townBySlug, writePayload } from "../contributions/inputs.js";
import { checkCitation, checkLength, checkTexts, type Tx, updateVersioned, writerFor } from "../contributions/write.js";

const MAX_DESCRIPTION = 5000;

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
    website: t.string({ required: false, description: "An http(s) URL." }),
    publicContact: t.string({ required: false, description: "A contact for partner towns (at most 300 characters)." }),
    privateContact: t.string({
      required: false,
      description: "A contact for the town's editors only (at most 300 characters).",
    }),
    citation: t.field({ type: CitationInput, required: false, description: "What the profile rests on, if anything." }),
  }),
});

const TownPayload = writePayload("TownPayload", "town", "Town", "town");

/** The profile as the audit log records it (the private contact included: the log is for admins and editors). */
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
    },
  });

builder.mutationField("updateTownProfile", (t) =>
  t.field({
    ...rootIn("places"),
    type: TownPayload,
    description:
      "Changes a town's profile (its TOWN_EDITOR, or an ADMIN); CONFLICT if it changed since expectedVersion.",
    args: { input: t.arg({ type: UpdateTownProfileInput, required: true }) },
    authScopes: async (_root, { input }, ctx) => editorOf(await townBySlug(ctx, input.town)),
    resolve: async (_root, { input }, ctx) => {
      const town = await townBySlug(ctx, input.town);
      if (!town) throw badInput(`No town with slug ${input.town}`, "input.town");
      const data: Prisma.TownUpdateInput = {};
      if (input.description !== undefined)
        data.description =
          input.description === null
            ? (null as unknown as Prisma.InputJsonValue)
            : (checkTexts(input.description, "input.description", MAX_DESCRIPTION) as unknown as Prisma.InputJsonValue);
      if (input.website !== undefined) {
        checkLength(input.website, "input.website", 500);
        if (input.website !== null && !/^https?:\/\/\S+$/.test(input.website))
          throw badInput("The URL must start with http:// or https://", "input.website");
        data.website = input.website;
      }
      for (const field of ["publicContact", "privateContact"] as const) {
        if (input[field] === undefined) continue;
        checkLength(input[field], `input.${field}`, 300);
        data[field] = input[field];
      }
      const fields = Object.keys(data);
      if (!fields.length) throw badInput("Nothing to change", "input");
      checkCitation(input.citation, "input.citation");
      const writer = writerFor(ctx, town);
      await updateVersioned(
        ctx,
        writer,
        {
          table: "Town",
          id: town.id,
          expectedVersion: input.expectedVersion,
          label: "town profile",
          column: "profileVersion",
          mutation: "updateTownProfile",
          recordType: "Town",
          snapshot: profileSnapshot,
        },
        async (tx) => {
          await tx.town.update({ where: { id: town.id }, data: { ...data, profileVersion: { increment: 1 } } });
          // The private contact is no public fact: it is audited, not cited.
          const cited = fields.filter((field) => field !== "privateContact");
          return { subject: "TOWN", fields: cited, citation: input.citation };
        },
      );
      return { id: town.id };
    },
  }),
);
