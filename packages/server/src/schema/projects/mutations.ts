// Projects written by their programme's editors: name, fund, budget, period and goals, and the
// partner organisations with their roles and participating towns. A partner a document names
// stays: document facts are not editable here. Each write is cited and audited.
import type { Prisma } from "../../generated/prisma/index.js";
import { builder, rootIn } from "../builder.js";
import { badInput } from "../common/errors.js";
import type { Context } from "../context.js";
import {
  CitationInput,
  checkedRange,
  LocalizedTextInput,
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
  adminWriter,
  checkCitation,
  checkLength,
  checkTexts,
  createRecord,
  type Facts,
  json,
  optionalTexts,
  snapshotOf,
  type Tx,
  updateVersioned,
  type Writer,
  writerForProgramme,
} from "../contributions/write.js";
import { PartnerRole, Project } from "./project.js";

const MAX_NAME = 300;
const MAX_TEXT = 5000;
const MAX_GOALS = 50;
const MAX_BUDGET = 1e12;

const BudgetInput = builder.inputType("BudgetInput", {
  description: "An amount of money.",
  fields: (t) => ({
    amount: t.field({ type: "Decimal", required: true, description: "The amount, exact (1800000.00)." }),
    currency: t.string({ required: true, description: "ISO 4217 code (EUR)." }),
  }),
});

const GoalInput = builder.inputType("ProjectGoalInput", {
  description: "One goal of a project, in one or more languages.",
  fields: (t) => ({
    texts: t.field({
      type: [LocalizedTextInput],
      required: true,
      description: `The goal (at most ${MAX_TEXT} characters each).`,
    }),
  }),
});

/** What a programme's editor sets on a project, on create and (each optional) on update. */
const projectFields = (t: PothosSchemaTypes.InputFieldBuilder<typeof builder.$inferSchemaTypes, "InputObject">) => ({
  description: t.field({
    type: [LocalizedTextInput],
    required: false,
    description: `What the project does, in one or more languages (at most ${MAX_TEXT} characters each).`,
  }),
  fund: t.string({ required: false, description: "Slug of the fund co-financing it (erdf)." }),
  budget: t.field({ type: BudgetInput, required: false, description: "The project's budget." }),
  period: t.field({
    type: PartialDateInput,
    required: false,
    description: "When it runs, as precisely as known: 2008-05 until 2012-10.",
  }),
  goals: t.field({ type: [GoalInput], required: false, description: `Its goals, in order (at most ${MAX_GOALS}).` }),
  citation: t.field({ type: CitationInput, required: false, description: "What the facts rest on, if anything." }),
});

const CreateProjectInput = builder.inputType("CreateProjectInput", {
  description: "A programme's new project.",
  fields: (t) => ({
    programme: t.string({ required: true, description: "Slug of the programme (the caller must edit it)." }),
    names: t.field({
      type: [LocalizedTextInput],
      required: true,
      description: `The project's name, in one or more languages (at most ${MAX_NAME} characters each).`,
    }),
    ...projectFields(t),
    idempotencyKey: t.string({
      required: false,
      description: "Any string (at most 200 characters): a retry with the same key returns the first project.",
    }),
  }),
});

const UpdateProjectInput = builder.inputType("UpdateProjectInput", {
  description: "Changes to a project; absent fields stay as they are, null clears an optional one.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: [Project], description: "The project." }),
    expectedVersion: t.int({ required: true, description: "The version read; CONFLICT if it changed since." }),
    names: t.field({ type: [LocalizedTextInput], required: false, description: "The name, replaced whole." }),
    ...projectFields(t),
  }),
});

const AddProjectPartnerInput = builder.inputType("AddProjectPartnerInput", {
  description: "An organisation joins a project as a partner, with the towns taking part through it.",
  fields: (t) => ({
    project: t.globalID({ required: true, for: [Project], description: "The project." }),
    expectedVersion: t.int({ required: true, description: "The project's version read; CONFLICT if it changed." }),
    organisation: t.string({ required: true, description: "Slug of the partner organisation." }),
    role: t.field({ type: PartnerRole, required: true, description: "Lead partner, partner or consortium partner." }),
    towns: t.stringList({
      required: false,
      description: "Slugs of towns taking part through this partner (added to the project's towns).",
    }),
    citation: t.field({ type: CitationInput, required: false, description: "What the partnership rests on." }),
  }),
});

const RemoveProjectPartnerInput = builder.inputType("RemoveProjectPartnerInput", {
  description: "Removes a partner added through the API (a partner a document names stays).",
  fields: (t) => ({
    project: t.globalID({ required: true, for: [Project], description: "The project." }),
    expectedVersion: t.int({ required: true, description: "The project's version read; CONFLICT if it changed." }),
    organisation: t.string({ required: true, description: "Slug of the partner organisation." }),
  }),
});

const ProjectPayload = writePayload("ProjectPayload", "project", "Project", "project");

type ProjectFieldsInput = {
  names?: { lang: string; text: string }[] | null;
  description?: { lang: string; text: string }[] | null;
  fund?: string | null;
  budget?: { amount: string; currency: string } | null;
  period?: Parameters<typeof checkedRange>[0] | null;
  goals?: { texts: { lang: string; text: string }[] }[] | null;
};

/** The editor's changes, checked, as a Prisma write and the names of the facts it sets. */
async function projectData(ctx: Context, input: ProjectFieldsInput) {
  const data: Prisma.ProjectUncheckedUpdateInput = {};
  const fields: string[] = [];
  const set = (field: string, change: Prisma.ProjectUncheckedUpdateInput) => {
    Object.assign(data, change);
    fields.push(field);
  };
  if (input.names != null) set("names", { names: checkTexts(input.names, "input.names", MAX_NAME) as never });
  if (input.description !== undefined)
    set("description", { description: json(optionalTexts(input.description, "input.description", MAX_TEXT)) });
  if (input.fund !== undefined)
    set("fund", { fundId: input.fund ? (await requiredBySlug(ctx, "programme", input.fund, "input.fund")).id : null });
  if (input.budget !== undefined) {
    const budget = input.budget;
    if (budget) {
      const amount = Number(budget.amount);
      if (!/^\d+(\.\d{1,2})?$/.test(budget.amount) || amount > MAX_BUDGET)
        throw badInput(`An amount from 0 to ${MAX_BUDGET} with at most two decimals`, "input.budget.amount");
      if (!/^[A-Z]{3}$/.test(budget.currency)) throw badInput("An ISO 4217 code (EUR)", "input.budget.currency");
    }
    set("budget", { budgetAmount: budget?.amount ?? null, budgetCurrency: budget?.currency ?? null });
  }
  if (input.period !== undefined) {
    const range = input.period && checkedRange(input.period, "input.period");
    set("period", {
      periodPrecision: range ? range.precision : null,
      periodStart: range ? range.start : null,
      periodEnd: range ? range.end : null,
    });
  }
  if (input.goals !== undefined) {
    if (input.goals && input.goals.length > MAX_GOALS) throw badInput(`At most ${MAX_GOALS} goals`, "input.goals");
    const goals = input.goals?.map((goal, i) => checkTexts(goal.texts, `input.goals.${i}.texts`, MAX_TEXT));
    set("goals", { goals: json(goals ?? null) });
  }
  return { data, fields };
}

async function projectSnapshot(tx: Tx, id: number) {
  const { partners, towns, ...project } = await tx.project.findUniqueOrThrow({
    where: { id },
    include: {
      partners: { select: { organisation: { select: { slug: true } }, role: true }, orderBy: { id: "asc" } },
      towns: { select: { town: { select: { slug: true } } }, orderBy: { id: "asc" } },
    },
  });
  return {
    ...snapshotOf(project),
    partners: partners.map((p) => ({ organisation: p.organisation.slug, role: p.role })),
    towns: towns.map((t) => t.town.slug),
  };
}

const projectProgramme = (ctx: Context, id: number) =>
  recordOwner(ctx, {
    table: "Project",
    id,
    column: "programmeId",
    relation: "programme",
    owner: "programme",
    optional: true,
  });

/** The scopes of a write to an existing project (by the id at `path`). */
const projectScopes = async (ctx: Context, globalId: { id: string }, path: string) => {
  const project = await projectProgramme(ctx, rowId(globalId, path));
  return ownerScopes("programmeEditor", project?.programme, Boolean(project));
};

/** The project named at `path`, and who writes it: its programme's editor or an admin. */
async function writableProject(ctx: Context, globalId: { id: string }, path: string) {
  const id = rowId(globalId, path);
  const project = await projectProgramme(ctx, id);
  if (!project) throw badInput("No such project", path);
  const writer = project.programme ? writerForProgramme(ctx, project.programme) : adminWriter(ctx);
  return { id, writer };
}

/** A versioned update of a project, as every project mutation makes it. */
const updateProject = (
  ctx: Context,
  target: { id: number; writer: Writer },
  expectedVersion: number,
  mutation: string,
  change: (tx: Tx) => Promise<Facts | Facts[]>,
) =>
  updateVersioned(
    ctx,
    target.writer,
    {
      table: "Project",
      id: target.id,
      expectedVersion,
      label: "project",
      mutation,
      snapshot: projectSnapshot,
    },
    async (tx) => {
      const facts = await change(tx);
      await tx.project.update({ where: { id: target.id }, data: { version: { increment: 1 } } });
      return facts;
    },
  );

builder.mutationFields((t) => ({
  createProject: t.field({
    ...rootIn("projects"),
    type: ProjectPayload,
    description: "Records a programme's project (its PROGRAMME_EDITOR, or an ADMIN).",
    args: { input: t.arg({ type: CreateProjectInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) =>
      ownerScopes("programmeEditor", await recordBySlug(ctx, "programme", input.programme), false),
    resolve: async (_root, { input }, ctx) => {
      const programme = await requiredBySlug(ctx, "programme", input.programme, "input.programme");
      const { data, fields } = await projectData(ctx, input);
      checkCitation(input.citation, "input.citation");
      checkLength(input.idempotencyKey, "input.idempotencyKey", 200);
      const writer = writerForProgramme(ctx, programme);
      const id = await createRecord(
        ctx,
        writer,
        {
          table: "Project",
          mutation: "createProject",
          idempotencyKey: input.idempotencyKey,
          snapshot: projectSnapshot,
        },
        async (tx, id) => {
          await tx.project.create({
            data: {
              ...(data as Prisma.ProjectUncheckedCreateInput),
              id,
              slug: `${programme.slug}-project-${id}`,
              programmeId: programme.id,
            },
          });
          return { subject: "PROJECT", fields: ["programme", ...fields], citation: input.citation };
        },
      );
      return { id };
    },
  }),

  updateProject: t.field({
    ...rootIn("projects"),
    type: ProjectPayload,
    description:
      "Changes a project (its programme's PROGRAMME_EDITOR, or an ADMIN); CONFLICT if it changed since expectedVersion.",
    args: { input: t.arg({ type: UpdateProjectInput, ...writeInput }) },
    authScopes: (_root, { input }, ctx) => projectScopes(ctx, input.id, "input.id"),
    resolve: async (_root, { input }, ctx) => {
      const project = await writableProject(ctx, input.id, "input.id");
      const { data, fields } = await projectData(ctx, input);
      if (!fields.length) throw badInput("Nothing to change", "input");
      checkCitation(input.citation, "input.citation");
      await updateProject(ctx, project, input.expectedVersion, "updateProject", async (tx) => {
        await tx.project.update({ where: { id: project.id }, data });
        return { subject: "PROJECT", fields, citation: input.citation };
      });
      return { id: project.id };
    },
  }),

  addProjectPartner: t.field({
    ...rootIn("projects"),
    type: ProjectPayload,
    description:
      "Adds a partner organisation, with the towns taking part through it (the programme's PROGRAMME_EDITOR, or an ADMIN).",
    args: { input: t.arg({ type: AddProjectPartnerInput, ...writeInput }) },
    authScopes: (_root, { input }, ctx) => projectScopes(ctx, input.project, "input.project"),
    resolve: async (_root, { input }, ctx) => {
      const project = await writableProject(ctx, input.project, "input.project");
      const organisation = await requiredBySlug(ctx, "organisation", input.organisation, "input.organisation");
      const towns = await Promise.all(
        (input.towns ?? []).map((slug, i) => requiredBySlug(ctx, "town", slug, `input.towns.${i}`)),
      );
      checkCitation(input.citation, "input.citation");
      await updateProject(ctx, project, input.expectedVersion, "addProjectPartner", async (tx) => {
        const existing = await tx.projectPartner.findUnique({
          where: { projectId_organisationId: { projectId: project.id, organisationId: organisation.id } },
        });
        if (existing) throw badInput(`${organisation.slug} is a partner already`, "input.organisation");
        const partner = await tx.projectPartner.create({
          data: { projectId: project.id, organisationId: organisation.id, role: input.role },
        });
        const facts: Facts[] = [
          {
            subject: "PROJECT_PARTNER",
            subjectId: partner.id,
            fields: ["organisation", "role"],
            citation: input.citation,
          },
        ];
        for (const town of towns) {
          const participation = await tx.projectTown.upsert({
            where: { projectId_townId: { projectId: project.id, townId: town.id } },
            create: { projectId: project.id, townId: town.id },
            update: {},
          });
          facts.push({
            subject: "PROJECT_TOWN",
            subjectId: participation.id,
            fields: ["town"],
            citation: input.citation,
          });
        }
        return facts;
      });
      return { id: project.id };
    },
  }),

  removeProjectPartner: t.field({
    ...rootIn("projects"),
    type: ProjectPayload,
    description:
      "Removes a partner added through the API (the programme's PROGRAMME_EDITOR, or an ADMIN); a partner a document names stays.",
    args: { input: t.arg({ type: RemoveProjectPartnerInput, ...writeInput }) },
    authScopes: (_root, { input }, ctx) => projectScopes(ctx, input.project, "input.project"),
    resolve: async (_root, { input }, ctx) => {
      const project = await writableProject(ctx, input.project, "input.project");
      const organisation = await requiredBySlug(ctx, "organisation", input.organisation, "input.organisation");
      await updateProject(ctx, project, input.expectedVersion, "removeProjectPartner", async (tx) => {
        const partner = await tx.projectPartner.findUnique({
          where: { projectId_organisationId: { projectId: project.id, organisationId: organisation.id } },
          select: { id: true },
        });
        if (!partner) throw badInput(`${organisation.slug} is no partner of the project`, "input.organisation");
        const documented = await tx.citation.count({
          where: { subjectType: "PROJECT_PARTNER", subjectId: partner.id, source: { kind: { not: "CONTRIBUTION" } } },
        });
        if (documented)
          throw badInput("A document names this partner; its facts are not editable here", "input.organisation");
        await tx.projectPartner.delete({ where: { id: partner.id } });
        // Its contributed citations went with it; the audit entry keeps who removed what.
        await tx.citation.deleteMany({ where: { subjectType: "PROJECT_PARTNER", subjectId: partner.id } });
        return [];
      });
      return { id: project.id };
    },
  }),
}));
