// The SQL planner answers public data only: for every planned root and every non-public field
// (a field or type with auth scopes) of the record it returns, or of any record reached from it
// through relations the planner follows, the planner declines the operation and leaves it to the
// resolvers, which run the scopes. Built from the schema: a new guarded field is covered without
// a new test.
import {
  type GraphQLField,
  type GraphQLNamedType,
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

/** A field's selection of `inner`: through a connection's nodes when it is one. */
function selectionOf(field: GraphQLField<unknown, unknown>, inner: string): string {
  const type = getNamedType(field.type) as GraphQLObjectType;
  return "edges" in type.getFields() && "pageInfo" in type.getFields()
    ? `${field.name} { edges { node { ${inner} } } }`
    : `${field.name} { ${inner} }`;
}

/** The record a field leads to: its object type, or a connection's node type. */
function recordBehind(field: GraphQLField<unknown, unknown>): GraphQLObjectType | null {
  const type: GraphQLNamedType = getNamedType(field.type);
  if (!isObjectType(type)) return null;
  const edges = type.getFields().edges;
  if (!edges || !type.getFields().pageInfo) return type;
  const node = (getNamedType(edges.type) as GraphQLObjectType).getFields().node;
  return node ? (getNamedType(node.type) as GraphQLObjectType) : null;
}

it("declines every operation that reaches a non-public field through relations it plans", () => {
  const roots = Object.values(schema.getQueryType()!.getFields()).filter((field) => field.extensions[SQL_ROOT]);
  const planned = (document: string) => planOperation(schema, parse(document), undefined) !== null;
  const reached = new Set<string>();
  let checked = 0;
  /** Every guarded field of `record`, asked at `wrap`'s place, then the records behind its planned relations. */
  const walk = (
    root: GraphQLField<unknown, unknown>,
    page: boolean,
    record: GraphQLObjectType,
    wrap: (inner: string) => string,
    seen: string[],
  ) => {
    for (const field of Object.values(record.getFields())) {
      if (field.args.some((arg) => isNonNullType(arg.type))) continue;
      const type = getNamedType(field.type);
      const next = recordBehind(field);
      if (guarded(field) || (isObjectType(type) && guarded(type))) {
        const document = operation(root, wrap(isLeafType(type) ? field.name : selectionOf(field, "__typename")), page);
        expect(planOperation(schema, parse(document), undefined), document).toBeNull();
        if (seen.length) checked++;
        continue;
      }
      if (!next || seen.includes(next.name) || seen.length >= 3) continue;
      const deeper = (inner: string) => wrap(selectionOf(field, inner));
      // Only relations the planner follows: where it declines the path itself, nothing there is planned.
      if (!planned(operation(root, deeper("__typename"), page))) continue;
      reached.add(`${record.name}.${field.name}`);
      walk(root, page, next, deeper, [...seen, record.name]);
    }
  };
  for (const root of roots) {
    const page = (root.extensions[SQL_ROOT] as { kind: string }).kind !== "unique";
    walk(root, page, recordOf(root, page), (inner) => inner, []);
  }
  // The relations the SDK's pages follow are among those walked.
  expect([...reached]).toEqual(expect.arrayContaining(["Town.partnerSearches", "Event.hostTown", "Project.towns"]));
  // Below the roots (334 when written): a search's interests, a host town's private contact, a
  // contribution's acting town's history…
  expect(checked).toBeGreaterThan(100);
});
