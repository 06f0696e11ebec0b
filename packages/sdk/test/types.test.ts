// Type-level guarantees, checked by `tsc` (pnpm typecheck) as well as run.
import { expectTypeOf, it } from "vitest";
import { createClient, graphql, type TownPageQuery, type TownPageQueryVariables } from "../src/index.js";

const client = createClient({ endpoint: "http://127.0.0.1:9/graphql" });

it("types curated operations' variables and results", () => {
  expectTypeOf(client.townPage).parameter(0).toEqualTypeOf<TownPageQueryVariables>();
  expectTypeOf(client.townPage).returns.resolves.toEqualTypeOf<TownPageQuery>();
  expectTypeOf<TownPageQuery["town"]["name"]>().toEqualTypeOf<string>();
  expectTypeOf<TownPageQuery["town"]["population"]>().toEqualTypeOf<number | null>();
  expectTypeOf<TownPageQuery["town"]["memberships"]["edges"][number]["node"]["role"]>().toEqualTypeOf<
    "FOUNDING_MEMBER" | "MEMBER"
  >();
});

it("rejects wrong variables at compile time", () => {
  const neverCalled = () => {
    // @ts-expect-error slug must be a string
    void client.townPage({ slug: 42, today: "2026-01-01" });
    // @ts-expect-error today is required
    void client.townPage({ slug: "opava" });
    // @ts-expect-error unknown variable
    void client.news({ nope: true });
  };
  expectTypeOf(neverCalled).toBeFunction();
});

it("leaves a custom document's types to its author: the SDK types its curated operations", () => {
  // The SDK types only its curated operations; another document is typed by its author.
  const custom = graphql(`query CustomTownNames { towns(first: 3) { edges { node { name } } } }`);
  expectTypeOf(custom).toBeUnknown();
});
