// Relay's compiler is the strictest reader of a schema's Relay conventions (Node with node(id:),
// connections with edges, cursors and pageInfo, refetchable fragments): it compiles
// pagination fragments over the shipped schema, including connections of participations.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";

const SDK_ROOT = path.resolve(fileURLToPath(import.meta.url), "../..");
const project = mkdtempSync(path.join(tmpdir(), "citynet-relay-"));
afterAll(() => rmSync(project, { recursive: true, force: true }));

const DOCUMENTS = `
import { graphql } from "relay-runtime";

export const TownPage = graphql\`
  query TownPageQuery($slug: String!) {
    town(slug: $slug) { id name ...TownMemberships ...TownProjects }
  }
\`;

export const TownMemberships = graphql\`
  fragment TownMemberships on Town
  @argumentDefinitions(count: { type: "Int", defaultValue: 5 }, cursor: { type: "String" })
  @refetchable(queryName: "TownMembershipsPaginationQuery") {
    memberships(first: $count, after: $cursor) @connection(key: "TownMemberships_memberships") {
      edges { node { id role network { id name } } }
    }
  }
\`;

export const TownProjects = graphql\`
  fragment TownProjects on Town
  @argumentDefinitions(count: { type: "Int", defaultValue: 5 }, cursor: { type: "String" })
  @refetchable(queryName: "TownProjectsPaginationQuery") {
    projects(first: $count, after: $cursor) @connection(key: "TownProjects_projects") {
      edges { node { id project { id name } } }
    }
  }
\`;

export const Towns = graphql\`
  fragment TownsList on Query
  @argumentDefinitions(count: { type: "Int", defaultValue: 10 }, cursor: { type: "String" })
  @refetchable(queryName: "TownsPaginationQuery") {
    towns(first: $count, after: $cursor) @connection(key: "TownsList_towns") {
      edges { node { id name } }
    }
  }
\`;
`;

it("relay-compiler compiles refetchable pagination fragments against the shipped schema", () => {
  mkdirSync(path.join(project, "src"));
  writeFileSync(path.join(project, "src/documents.ts"), DOCUMENTS);
  writeFileSync(
    path.join(project, "relay.config.json"),
    JSON.stringify({ src: "./src", schema: path.join(SDK_ROOT, "schema.graphql"), language: "typescript" }),
  );
  const output = execFileSync(path.join(SDK_ROOT, "node_modules/.bin/relay-compiler"), [], {
    cwd: project,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  expect(output).not.toMatch(/ERROR/);
  for (const artifact of [
    "TownPageQuery",
    "TownMembershipsPaginationQuery",
    "TownProjectsPaginationQuery",
    "TownsList",
  ])
    expect(existsSync(path.join(project, `src/__generated__/${artifact}.graphql.ts`)), artifact).toBe(true);
});
