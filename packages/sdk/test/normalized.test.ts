// What normalized caches (Apollo Client's InMemoryCache, urql's graphcache) need of the curated
// operations: every object that has an id selects it, so that two operations asking for the
// same record in different shapes or languages merge instead of evicting each other.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  buildSchema,
  type DocumentNode,
  type FragmentDefinitionNode,
  isObjectType,
  Kind,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";
import { expect, it } from "vitest";

const ROOT = path.resolve(fileURLToPath(import.meta.url), "../..");
const schema = buildSchema(readFileSync(path.join(ROOT, "../../schema.graphql"), "utf8"));
const operations = readdirSync(path.join(ROOT, "operations"))
  .filter((file) => file.endsWith(".graphql"))
  .map((file) => readFileSync(path.join(ROOT, "operations", file), "utf8"))
  .join("\n");

/** Selection sets on objects with an id that do not select it, by operation or fragment. */
function missingIds(document: DocumentNode): string[] {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const selects = (set: import("graphql").SelectionSetNode, name: string): boolean =>
    set.selections.some(
      (selection) =>
        (selection.kind === Kind.FIELD && selection.name.value === name && !selection.alias) ||
        (selection.kind === Kind.FRAGMENT_SPREAD && selects(fragments.get(selection.name.value)!.selectionSet, name)) ||
        (selection.kind === Kind.INLINE_FRAGMENT && !selection.typeCondition && selects(selection.selectionSet, name)),
    );
  const typeInfo = new TypeInfo(schema);
  const missing: string[] = [];
  let where = "";
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition(node) {
        where = node.name?.value ?? "anonymous";
      },
      FragmentDefinition(node) {
        where = `fragment ${node.name.value}`;
      },
      SelectionSet(node, _key, parent) {
        const type = typeInfo.getParentType();
        if (!type || !isObjectType(type) || !("id" in type.getFields())) return;
        // A fragment's own selection is checked where it is defined.
        if ((parent as { kind?: string } | undefined)?.kind === Kind.OPERATION_DEFINITION) return;
        if (!selects(node, "id")) missing.push(`${where}: ${type.name}`);
      },
    }),
  );
  return missing;
}

it("selects the id of every object that has one, in every curated operation", () => {
  expect(missingIds(parse(operations))).toEqual([]);
});

it("finds a selection without the id (the check can fail)", () => {
  expect(missingIds(parse(`query Q { town(slug: "opava") { name country { name } } }`))).toEqual([
    "Q: Town",
    "Q: Country",
  ]);
});
