// The partner's subgraph: its own TouristOffice type and a touristOffice field on CityNet's
// Town. Towns are referenced by slug, one of Town's federation keys, so the portal needs none
// of CityNet's ids and CityNet changes nothing for it.
import SchemaBuilder from "@pothos/core";
import DirectivePlugin from "@pothos/plugin-directives";
import FederationPlugin from "@pothos/plugin-federation";
import { OFFICES, type TouristOffice } from "./offices.js";

const builder = new SchemaBuilder<{ DefaultFieldNullability: false }>({
  plugins: [DirectivePlugin, FederationPlugin],
  defaultFieldNullability: false,
});

const Town = builder.externalRef("Town", builder.selection<{ slug: string }>("slug"), (town) => town);

const Office = builder.objectRef<TouristOffice>("TouristOffice").implement({
  description: "A tourist information office, from the tourism portal.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "The office's name." }),
    website: t.exposeString("website", { nullable: true, description: "Its website, where it has one." }),
    town: t.field({
      type: Town,
      description: "The town it serves (resolved by CityNet).",
      resolve: (office) => ({ slug: office.townSlug }),
    }),
  }),
});

Town.implement({
  externalFields: (t) => ({ slug: t.string() }),
  fields: (t) => ({
    touristOffice: t.field({
      type: Office,
      nullable: true,
      description: "The town's tourist information office, from the tourism portal.",
      resolve: (town) => OFFICES.find((office) => office.townSlug === town.slug) ?? null,
    }),
  }),
});

builder.queryType({
  fields: (t) => ({
    touristOffices: t.field({
      type: [Office],
      description: "Every tourist office the portal knows.",
      resolve: () => OFFICES,
    }),
  }),
});

export const schema = builder.toSubGraphSchema({ linkUrl: "https://specs.apollo.dev/federation/v2.6" });
