// graphql(): the curated operations' typed documents, and any other document parsed as given.
// graphql-codegen's client preset answers an unknown text with an empty object, which fails
// at run time ("Invalid AST Node"); a custom document runs here, typed by the codegen of the
// project that writes it (see the README).
import { parse } from "graphql";
import { graphql as compiled } from "./generated/gql.js";

export const graphql: typeof compiled = ((source: string) => {
  const known = compiled(source) as object;
  return Object.keys(known).length ? known : parse(source);
}) as typeof compiled;
