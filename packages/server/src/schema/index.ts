// Assembles the schema: importing each domain registers its types and root fields.
import { lexicographicSortSchema } from "graphql";
import { builder } from "./builder.js";
import "./common/scalars.js";
import "./common/sources.js";
import "./contributions/contribution.js";
import "./events/event.js";
import "./events/mutations.js";
import "./events/queries.js";
import "./funding/funding-call.js";
import "./funding/mutations.js";
import "./funding/queries.js";
import "./graph/connection.js";
import "./graph/neighbourhood.js";
import "./graph/rate-limit.js";
import "./networks/membership.js";
import "./networks/mutations.js";
import "./networks/network.js";
import "./networks/queries.js";
import "./news/mutations.js";
import "./news/news-item.js";
import "./news/queries.js";
import "./organisations/organisation.js";
import "./organisations/programme.js";
import "./organisations/queries.js";
import "./partnerships/agreement.js";
import "./partnerships/interest.js";
import "./partnerships/mutations.js";
import "./partnerships/twinning.js";
import "./partnerships/twinning-mutations.js";
import "./partnerships/partner-search.js";
import "./partnerships/queries.js";
import "./partnerships/suggestions.js";
import "./places/country.js";
import "./places/mutations.js";
import "./places/queries.js";
import "./places/town.js";
import "./projects/mutations.js";
import "./projects/project.js";
import "./projects/queries.js";
import "./search/search.js";
import "./statistics/statistics.js";
import "./federation.js";

export const schema = builder.toSchema();

/** The schema as printed to schema.graphql: sorted, so the file diffs cleanly. */
export const sortedSchema = lexicographicSortSchema(schema);
