// The generated data model, parsed once and indexed by model, for the Pothos builder, the
// plan cache and the SQL planner. Pothos's copy: the client's own (Prisma.dmmf) leaves out the
// relations' foreign-key columns.
import type { PothosPrismaDatamodel } from "@pothos/plugin-prisma";
import { getDatamodel } from "../generated/pothos-types.js";

export const datamodel: PothosPrismaDatamodel = getDatamodel();

export interface ModelField {
  name: string;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isId: boolean;
  relationName?: string;
  /** The foreign-key columns on this side of a relation; they reference the other model's id. */
  relationFromFields?: readonly string[];
}

export interface Model {
  name: string;
  fields: Map<string, ModelField>;
  idField: string | null;
}

export const models = new Map<string, Model>(
  Object.entries(datamodel.datamodel.models).map(([name, model]) => {
    const fields = model.fields as unknown as ModelField[];
    return [
      name,
      {
        name,
        fields: new Map(fields.map((field) => [field.name, field])),
        idField: fields.find((field) => field.isId)?.name ?? null,
      },
    ];
  }),
);
