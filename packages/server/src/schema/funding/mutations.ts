// Funding calls published by the organisation that funds them (its PUBLISHER) or by the editors
// of the programme they belong to (PROGRAMME_EDITOR): who may apply, where from, until when.
// Each write is cited to its publisher and audited.
import type { Prisma } from "../../generated/prisma/index.js";
import { builder, rootIn } from "../builder.js";
import { badInput } from "../common/errors.js";
import { memo } from "../common/request-memo.js";
import type { Context } from "../context.js";
import {
  CitationInput,
  countryCodes,
  LocalizedTextInput,
  recordBySlug,
  requiredBySlug,
  rowId,
  writeInput,
  writePayload,
} from "../contributions/inputs.js";
import {
  adminWriter,
  checkCitation,
  checkLength,
  checkTexts,
  createRecord,
  json,
  optionalTexts,
  snapshotOf,
  type Tx,
  today,
  updateVersioned,
  type Writer,
  writerForProgramme,
  writerForPublisher,
} from "../contributions/write.js";
import { ApplicantKind, FundingCall } from "./funding-call.js";

const MAX_NAME = 300;
const MAX_TEXT = 5000;
/** Ages of applicants to calls for individuals. */
const MAX_AGE = 120;

/** What a call's publisher sets, on publishing and (each optional) on update. */
const callFields = (t: PothosSchemaTypes.InputFieldBuilder<typeof builder.$inferSchemaTypes, "InputObject">) => ({
  description: t.field({
    type: [LocalizedTextInput],
    required: false,
    description: `What the call funds, in one or more languages (at most ${MAX_TEXT} characters each).`,
  }),
  eligibleApplicants: t.field({ type: [ApplicantKind], required: false, description: "Who may apply." }),
  applicantMinAge: t.int({ required: false, description: "For calls to individuals: the youngest applicant." }),
  applicantMaxAge: t.int({ required: false, description: "For calls to individuals: the oldest applicant." }),
  regions: t.field({
    type: [LocalizedTextInput],
    required: false,
    description: `The target regions as stated, in one or more languages (at most ${MAX_NAME} characters each).`,
  }),
  eligibleCountries: t.stringList({
    required: false,
    description: "ISO alpha-2 codes of the countries applicants must come from; empty for any.",
  }),
  deadline: t.field({ type: "Date", required: false, description: "The last day to apply." }),
  untilAllocationUsed: t.boolean({
    required: false,
    description: "True when the call may close earlier, once its allocation is used up.",
  }),
  citation: t.field({ type: CitationInput, required: false, description: "What the call rests on (its web page)." }),
});

const PublishFundingCallInput = builder.inputType("PublishFundingCallInput", {
  description: "A new funding call, of an organisation (its publisher) and/or a programme (its editor).",
  fields: (t) => ({
    funder: t.string({ required: false, description: "Slug of the funding organisation." }),
    programme: t.string({ required: false, description: "Slug of the programme the call belongs to." }),
    names: t.field({
      type: [LocalizedTextInput],
      required: true,
      description: `The call's name, in one or more languages (at most ${MAX_NAME} characters each).`,
    }),
    ...callFields(t),
    idempotencyKey: t.string({
      required: false,
      description: "Any string (at most 200 characters): a retry with the same key returns the first call.",
    }),
  }),
});

const UpdateFundingCallInput = builder.inputType("UpdateFundingCallInput", {
  description: "Changes to a funding call; absent fields stay as they are, null clears an optional one.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: [FundingCall], description: "The call." }),
    expectedVersion: t.int({ required: true, description: "The version read; CONFLICT if it changed since." }),
    names: t.field({ type: [LocalizedTextInput], required: false, description: "The name, replaced whole." }),
    ...callFields(t),
  }),
});

const FundingCallPayload = writePayload("FundingCallPayload", "fundingCall", "FundingCall", "funding call");

type CallFieldsInput = {
  names?: { lang: string; text: string }[] | null;
  description?: { lang: string; text: string }[] | null;
  eligibleApplicants?: Prisma.FundingCallUncheckedUpdateInput["eligibleApplicants"] | null;
  applicantMinAge?: number | null;
  applicantMaxAge?: number | null;
  regions?: { lang: string; text: string }[] | null;
  eligibleCountries?: string[] | null;
  deadline?: Date | null;
  untilAllocationUsed?: boolean | null;
};

type Ages = { applicantMinAge: number | null; applicantMaxAge: number | null };

/** The publisher's changes, checked, as a Prisma write and the names of the facts it sets. */
async function callData(
  tx: Tx,
  input: CallFieldsInput,
  current: Ages = { applicantMinAge: null, applicantMaxAge: null },
) {
  const data: Prisma.FundingCallUncheckedUpdateInput = {};
  if (input.names != null) data.names = checkTexts(input.names, "input.names", MAX_NAME) as never;
  if (input.description !== undefined)
    data.description = json(optionalTexts(input.description, "input.description", MAX_TEXT));
  if (input.regions !== undefined) data.regions = json(optionalTexts(input.regions, "input.regions", MAX_NAME));
  if (input.eligibleApplicants != null) data.eligibleApplicants = input.eligibleApplicants;
  for (const key of ["applicantMinAge", "applicantMaxAge"] as const) {
    const age = input[key];
    if (age === undefined) continue;
    if (age !== null && (age < 0 || age > MAX_AGE)) throw badInput(`An age from 0 to ${MAX_AGE}`, `input.${key}`);
    data[key] = age;
  }
  const min = input.applicantMinAge === undefined ? current.applicantMinAge : input.applicantMinAge;
  const max = input.applicantMaxAge === undefined ? current.applicantMaxAge : input.applicantMaxAge;
  if (min !== null && max !== null && min > max)
    throw badInput("applicantMaxAge must not be below applicantMinAge", "input.applicantMaxAge");
  if (input.eligibleCountries != null) {
    const codes = await countryCodes(tx, input.eligibleCountries, "input.eligibleCountries");
    data.eligibleCountries = { deleteMany: {}, create: codes.map((countryCode) => ({ countryCode })) };
  }
  if (input.deadline !== undefined) {
    if (input.deadline && input.deadline < today()) throw badInput("The deadline has passed", "input.deadline");
    data.deadline = input.deadline;
  }
  if (input.untilAllocationUsed != null) data.untilAllocationUsed = input.untilAllocationUsed;
  return { data, fields: Object.keys(data) };
}

async function callSnapshot(tx: Tx, id: number) {
  const { eligibleCountries, ...call } = await tx.fundingCall.findUniqueOrThrow({
    where: { id },
    include: { eligibleCountries: { select: { countryCode: true }, orderBy: { countryCode: "asc" } } },
  });
  return { ...snapshotOf(call), eligibleCountries: eligibleCountries.map((c) => c.countryCode) };
}

type Owner = { id: number; slug: string } | null | undefined;

/** A call's write is for its funder's PUBLISHER or its programme's PROGRAMME_EDITOR (or an ADMIN). */
const publisherOf = (funder: Owner, programme: Owner) =>
  funder || programme
    ? { $any: { ...(funder ? { publisher: funder.id } : {}), ...(programme ? { programmeEditor: programme.id } : {}) } }
    : { admin: true };

/** Who writes: the funder's publisher, else the programme's editor, else an admin. */
function callWriter(ctx: Context, funder: Owner, programme: Owner): Writer {
  const asPublisher = funder && writerForPublisher(ctx, funder);
  if (asPublisher && asPublisher.role !== "ADMIN") return asPublisher;
  return programme ? writerForProgramme(ctx, programme) : (asPublisher ?? adminWriter(ctx));
}

const callOwners = (ctx: Context, id: number) =>
  memo(ctx, `call-owners:${id}`, () =>
    ctx.prisma.fundingCall.findUnique({
      where: { id },
      select: {
        funder: { select: { id: true, slug: true } },
        programme: { select: { id: true, slug: true } },
      },
    }),
  );

builder.mutationFields((t) => ({
  publishFundingCall: t.field({
    ...rootIn("funding"),
    type: FundingCallPayload,
    description:
      "Publishes a funding call (the funder's PUBLISHER, the programme's PROGRAMME_EDITOR, or an ADMIN); it cites the caller.",
    args: { input: t.arg({ type: PublishFundingCallInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) => {
      const funder = input.funder ? await recordBySlug(ctx, "organisation", input.funder) : null;
      const programme = input.programme ? await recordBySlug(ctx, "programme", input.programme) : null;
      // A slug that names nothing is the resolver's to report (to a signed-in caller).
      if ((input.funder && !funder) || (input.programme && !programme)) return { authenticated: true };
      return publisherOf(funder, programme);
    },
    resolve: async (_root, { input }, ctx) => {
      const funder = input.funder ? await requiredBySlug(ctx, "organisation", input.funder, "input.funder") : undefined;
      const programme = input.programme
        ? await requiredBySlug(ctx, "programme", input.programme, "input.programme")
        : undefined;
      if (!funder && !programme) throw badInput("Name the funder or the programme (or both)", "input.funder");
      checkCitation(input.citation, "input.citation");
      checkLength(input.idempotencyKey, "input.idempotencyKey", 200);
      const writer = callWriter(ctx, funder, programme);
      const owner = (funder ?? programme)!;
      const id = await createRecord(
        ctx,
        writer,
        {
          table: "FundingCall",
          mutation: "publishFundingCall",
          idempotencyKey: input.idempotencyKey,
          snapshot: callSnapshot,
        },
        async (tx, id) => {
          const { data, fields } = await callData(tx, input);
          // Relations are written as an update's are (a create cannot replace them).
          const { eligibleCountries, ...columns } = data;
          await tx.fundingCall.create({
            data: {
              ...(columns as Prisma.FundingCallUncheckedCreateInput),
              id,
              slug: `${owner.slug}-call-${id}`,
              funderId: funder?.id,
              programmeId: programme?.id,
              publishedOn: today(),
            },
          });
          if (eligibleCountries) await tx.fundingCall.update({ where: { id }, data: { eligibleCountries } });
          const owners = [...(funder ? ["funder"] : []), ...(programme ? ["programme"] : [])];
          return { subject: "FUNDING_CALL", fields: [...owners, ...fields], citation: input.citation };
        },
      );
      return { id };
    },
  }),

  updateFundingCall: t.field({
    ...rootIn("funding"),
    type: FundingCallPayload,
    description:
      "Changes a funding call (its funder's PUBLISHER, its programme's PROGRAMME_EDITOR, or an ADMIN); CONFLICT if it changed since expectedVersion.",
    args: { input: t.arg({ type: UpdateFundingCallInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) => {
      const call = await callOwners(ctx, rowId(input.id, "input.id"));
      return call ? publisherOf(call.funder, call.programme) : { authenticated: true };
    },
    resolve: async (_root, { input }, ctx) => {
      const id = rowId(input.id, "input.id");
      const call = await callOwners(ctx, id);
      if (!call) throw badInput("No such funding call", "input.id");
      checkCitation(input.citation, "input.citation");
      await updateVersioned(
        ctx,
        callWriter(ctx, call.funder, call.programme),
        {
          table: "FundingCall",
          id,
          expectedVersion: input.expectedVersion,
          label: "funding call",
          mutation: "updateFundingCall",
          snapshot: callSnapshot,
        },
        async (tx, before) => {
          const { data, fields } = await callData(tx, input, before as unknown as Ages);
          if (!fields.length) throw badInput("Nothing to change", "input");
          await tx.fundingCall.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
          return { subject: "FUNDING_CALL", fields, citation: input.citation };
        },
      );
      return { id };
    },
  }),
}));
