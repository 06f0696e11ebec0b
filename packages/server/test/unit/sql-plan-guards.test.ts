// The SQL planner answers public data only: for every planned root and every non-public field
// (a field or type with auth scopes) of the record it returns, or of any record reached from it
// through relations the planner follows, the planner declines the operation and leaves it to the
// resolvers, which run the scopes. Built from the schema: a new guarded field is covered without
// a new test.
import {
  type GraphQLField,
  type GraphQLObjectType,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
  parse,
} from "graphql";
import { expect, it } from "vitest";
import { planNeighbourhood } from "../../src/schema/graph/neighbourhood-answer.js";
import { schema } from "../../src/schema/index.js";
import { SQL_ROOT } from "../../src/sql-plan/annotations.js";
import { planOperation } from "../../src/sql-plan/plan.js";

type Field = GraphQLField<unknown, unknown>;

const guarded = (element: { extensions?: Record<string, unknown> | null }) =>
  Boolean((element.extensions?.pothosOptions as { authScopes?: unknown } | undefined)?.authScopes);

/** A field with auth scopes, or one whose type has them. */
const nonPublic = (field: Field) => {
  const type = getNamedType(field.type);
  return guarded(field) || (isObjectType(type) && guarded(type));
};

const isConnection = (type: GraphQLObjectType) => "edges" in type.getFields() && "pageInfo" in type.getFields();

/** `inner` asked of the record a field leads to: through a connection's nodes when it is one. */
function within(field: Field, inner: string): string {
  const type = getNamedType(field.type);
  return isObjectType(type) && isConnection(type) ? `edges { node { ${inner} } }` : inner;
}

/** The record a field leads to: its object type, or a connection's node type. */
function recordBehind(field: Field): GraphQLObjectType | null {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return null;
  if (!isConnection(type)) return type;
  const edges = getNamedType(type.getFields().edges.type) as GraphQLObjectType;
  return getNamedType(edges.getFields().node.type) as GraphQLObjectType;
}

/** A field's selection of `inner`: through a connection's nodes when it is one. */
const selectionOf = (field: Field, inner: string) => `${field.name} { ${within(field, inner)} }`;

/** `field` itself as a selection: its name, or its name and `__typename` of what it leads to. */
const asked = (field: Field) => (isLeafType(getNamedType(field.type)) ? field.name : selectionOf(field, "__typename"));

/** An operation asking `root` for `selection` on the record it returns, its required arguments as variables. */
function operation(root: Field, selection: string): string {
  const required = root.args.filter((arg) => isNonNullType(arg.type));
  const variables = required.map((arg) => `$${arg.name}: ${arg.type}`).join(", ");
  const args = required.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const call = `${root.name}${args ? `(${args})` : ""}`;
  return `query${variables ? `(${variables})` : ""} { ${call} { ${within(root, selection)} } }`;
}

const plannedRoots = () =>
  Object.values(schema.getQueryType()!.getFields()).filter((field) => field.extensions[SQL_ROOT]);
const planned = (document: string) => planOperation(schema, parse(document), undefined) !== null;

it("declines every operation that asks a planned root for a non-public field", () => {
  const roots = plannedRoots();
  expect(roots.length).toBeGreaterThan(3);
  let checked = 0;
  for (const root of roots) {
    // The same operation without the guarded field is planned: the refusal is the field's.
    const publicOne = operation(root, "__typename");
    expect(planned(publicOne), publicOne).toBe(true);
    for (const field of Object.values(recordBehind(root)!.getFields())) {
      if (!nonPublic(field)) continue;
      const document = operation(root, asked(field));
      expect(planned(document), document).toBe(false);
      checked++;
    }
  }
  // Town.privateContact and Town.history at least.
  expect(checked).toBeGreaterThanOrEqual(2);
});

it("declines every operation that reaches a non-public field through relations it plans", () => {
  const reached = new Set<string>();
  let checked = 0;
  /** Every guarded field of `record`, asked at `wrap`'s place, then the records behind its planned relations. */
  const walk = (root: Field, record: GraphQLObjectType, wrap: (inner: string) => string, seen: string[]) => {
    for (const field of Object.values(record.getFields())) {
      if (field.args.some((arg) => isNonNullType(arg.type))) continue;
      if (nonPublic(field)) {
        const document = operation(root, wrap(asked(field)));
        expect(planned(document), document).toBe(false);
        if (seen.length) checked++;
        continue;
      }
      const next = recordBehind(field);
      if (!next || seen.includes(next.name) || seen.length >= 3) continue;
      const deeper = (inner: string) => wrap(selectionOf(field, inner));
      // Only relations the planner follows: where it declines the path itself, nothing there is planned.
      if (!planned(operation(root, deeper("__typename")))) continue;
      reached.add(`${record.name}.${field.name}`);
      walk(root, next, deeper, [...seen, record.name]);
    }
  };
  for (const root of plannedRoots()) walk(root, recordBehind(root)!, (inner) => inner, []);
  // The relations the SDK's pages follow are among those walked.
  expect([...reached]).toEqual(expect.arrayContaining(["Town.partnerSearches", "Event.hostTown", "Project.towns"]));
  // Below the roots (334 when written): a search's interests, a host town's private contact, a
  // contribution's acting town's history…
  expect(checked).toBeGreaterThan(100);
});

it("declines every neighbourhood that asks a non-public field of a town or of what towns share", () => {
  const answered = (inner: string) =>
    planNeighbourhood(schema, parse(`{ neighbourhood(town: "opava") { nodes { ${inner} } } }`), undefined) !== null;
  expect(answered("__typename ... on Town { slug }")).toBe(true);
  const nodes = schema.getType("GraphNode");
  if (!isUnionType(nodes)) throw new Error("GraphNode is a union");
  let checked = 0;
  for (const type of nodes.getTypes())
    for (const field of Object.values(type.getFields())) {
      if (!nonPublic(field)) continue;
      expect(answered(`... on ${type.name} { ${asked(field)} }`), `${type.name}.${field.name}`).toBe(false);
      checked++;
    }
  expect(checked).toBeGreaterThanOrEqual(2);
});

it("leaves an operation asking nothing but __typename to the resolvers, which need no statement", () => {
  expect(planOperation(schema, parse("{ __typename }"), undefined)).toBeNull();
  expect(planOperation(schema, parse("query Ping { a: __typename b: __typename }"), "Ping")).toBeNull();
  expect(planOperation(schema, parse(`{ __typename town(slug: "opava") { name } }`), undefined)).not.toBeNull();
});
