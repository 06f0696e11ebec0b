// Builds ESM and CommonJS with type declarations; copies the persisted-documents manifest and
// the schema the SDK was generated from.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const tscBin = createRequire(import.meta.url).resolve("typescript/bin/tsc");

rmSync("dist", { recursive: true, force: true });
const tsc = (...args) =>
  execFileSync(process.execPath, [tscBin, "-p", "tsconfig.build.json", ...args], { stdio: "inherit" });
tsc("--outDir", "dist/esm", "--module", "ESNext", "--moduleResolution", "Bundler");
tsc("--outDir", "dist/cjs", "--module", "CommonJS", "--moduleResolution", "Node10", "--verbatimModuleSyntax", "false");
writeFileSync("dist/cjs/package.json", '{ "type": "commonjs" }\n');
mkdirSync("dist", { recursive: true });
copyFileSync("src/generated/persisted-documents.json", "persisted-documents.json");
copyFileSync("../../schema.graphql", "schema.graphql");
