// The SQL planner answers public data only: for every planned root and every non-public field
// (a field or type with auth scopes) of the record it returns, the planner declines the
// operation and leaves it to the resolvers, which run the scopes. Built from the schema: a new
// guarded field is covered without a new test.
import {
  type GraphQLField,
  type GraphQLObjectType,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
} from "graphql";
import { expect, it } from "vitest";
import { schema } from "../../src/schema/index.js";
import { SQL_ROOT } from "../../src/sql-plan/annotations.js";
import { planOperation } from "../../src/sql-plan/plan.js";

const guarded = (element: { extensions?: Record<string, unknown> | null }) =>
  Boolean((element.extensions?.pothosOptions as { authScopes?: unknown } | undefined)?.authScopes);

/** An operation asking `root` for `selection` on the record it returns, its required arguments as variables. */
function operation(root: GraphQLField<unknown, unknown>, selection: string, page: boolean): string {
  const required = root.args.filter((arg) => isNonNullType(arg.type));
  const variables = required.map((arg) => `$${arg.name}: ${arg.type}`).join(", ");
  const args = required.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const call = `${root.name}${args ? `(${args})` : ""}`;
  const body = page ? `edges { node { ${selection} } }` : selection;
  return `query${variables ? `(${variables})` : ""} { ${call} { ${body} } }`;
}

const recordOf = (root: GraphQLField<unknown, unknown>, page: boolean): GraphQLObjectType => {
  const type = getNamedType(root.type) as GraphQLObjectType;
  if (!page) return type;
  const edges = getNamedType(type.getFields().edges.type) as GraphQLObjectType;
  return getNamedType(edges.getFields().node.type) as GraphQLObjectType;
};

it("declines every operation that asks a planned root for a non-public field", () => {
  const roots = Object.values(schema.getQueryType()!.getFields()).filter((field) => field.extensions[SQL_ROOT]);
  expect(roots.length).toBeGreaterThan(3);
  let checked = 0;
  for (const root of roots) {
    const page = (root.extensions[SQL_ROOT] as { kind: string }).kind !== "unique";
    const record = recordOf(root, page);
    // The same operation without the guarded field is planned: the refusal is the field's.
    const publicOne = operation(root, "__typename", page);
    expect(planOperation(schema, parse(publicOne), undefined), publicOne).not.toBeNull();
    for (const field of Object.values(record.getFields())) {
      const type = getNamedType(field.type);
      if (!guarded(field) && !(isObjectType(type) && guarded(type))) continue;
      const selection = isLeafType(type) ? field.name : `${field.name} { __typename }`;
      const document = operation(root, selection, page);
      expect(planOperation(schema, parse(document), undefined), document).toBeNull();
      checked++;
    }
  }
  // Town.privateContact and Town.history at least.
  expect(checked).toBeGreaterThanOrEqual(2);
});
