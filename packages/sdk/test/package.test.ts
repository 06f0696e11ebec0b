// The built package: ESM and CommonJS entry points, tree-shaking, and the size budget
// (gzipped bytes of a browser bundle, stable where timings are not).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(fileURLToPath(import.meta.url), "../..");
/**
 * Size budget of a browser bundle that creates a client (all curated operations included: 12
 * reads and, since the writes, 21 mutations).
 */
const CLIENT_BUDGET_GZIP_BYTES = 14 * 1024;

async function gzippedBundle(entry: string): Promise<number> {
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
  });
  return gzipSync(result.outputFiles[0].contents).length;
}

it("ships ESM and CommonJS entry points with type declarations", async () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
  expect(pkg.sideEffects).toBe(false);
  const esm = await import(path.join(ROOT, pkg.exports["."].import.default));
  const cjs = createRequire(import.meta.url)(path.join(ROOT, pkg.exports["."].require.default));
  for (const entry of [esm, cjs])
    expect([typeof entry.createClient, typeof entry.paginate, typeof entry.graphql]).toEqual([
      "function",
      "function",
      "function",
    ]);
  expect(readFileSync(path.join(ROOT, pkg.exports["."].import.types), "utf8")).toContain("createClient");
  expect(JSON.parse(readFileSync(path.join(ROOT, "persisted-documents.json"), "utf8"))).toBeTypeOf("object");
});

it(`keeps a client bundle within ${CLIENT_BUDGET_GZIP_BYTES} gzipped bytes`, async () => {
  const bytes = await gzippedBundle(
    `import { createClient } from "./dist/esm/index.js"; export const client = createClient({ endpoint: "/graphql" });`,
  );
  expect(bytes).toBeLessThanOrEqual(CLIENT_BUDGET_GZIP_BYTES);
});

it("is tree-shakeable: importing paginate alone costs under 300 bytes", async () => {
  expect(await gzippedBundle(`export { paginate } from "./dist/esm/index.js";`)).toBeLessThan(300);
});

describe("the packed tarball, as a consumer installs it", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "citynet-sdk-tarball-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const run = (command: string, args: string[]) =>
    execFileSync(command, args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const tarball = run(process.execPath, ["pack.mjs", scratch]).trim();
  const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);

  it("keeps no workspace-only fields and states its engines", () => {
    const manifest = JSON.parse(run("tar", ["xzf", tarball, "-O", "package/package.json"]));
    expect(manifest.devDependencies).toBeUndefined();
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.engines).toEqual({ node: ">=20" });
    expect(run("tar", ["tzf", tarball]).split("\n")).toEqual(
      expect.arrayContaining(["package/persisted-documents.json", "package/schema.graphql", "package/README.md"]),
    );
  });

  it("passes publint --strict", () => {
    expect(run(bin("publint"), ["--strict", tarball])).toContain("All good!");
  });

  // schema.graphql is a non-JS asset (for codegen and linters), not a module to type.
  it("passes @arethetypeswrong/cli in every resolution mode", () => {
    expect(run(bin("attw"), [tarball, "--exclude-entrypoints", "./schema.graphql"])).toContain("No problems found");
  });
});
