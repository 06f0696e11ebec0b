// The README's TypeScript examples, as written, in a scratch project that installs this package
// under its name: its codegen config generates the typed graphql() of the custom query, every
// example type-checks, and each runs against a live server (its endpoint in place of the
// README's) without an error. A server of its own: the write example must not change what the
// other files read.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKey } from "../../server/test/support/processes.js";
import { type LiveServer, startLiveServer } from "./support/live-server.js";

const SDK_ROOT = path.resolve(fileURLToPath(import.meta.url), "../..");
const README_ENDPOINT = "https://api.citynet.example/graphql";
const BIN = (name: string) => path.join(SDK_ROOT, "node_modules/.bin", name);

const blocks = [...readFileSync(path.join(SDK_ROOT, "README.md"), "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map(
  (match) => match[1],
);
const codegenConfig = blocks.find((block) => block.includes("satisfies CodegenConfig"));
const examples = blocks.filter((block) => block !== codegenConfig);

describe("the README's examples", () => {
  let server: LiveServer;
  // Inside the package, so the examples' other imports (Apollo, urql) resolve from its
  // devDependencies; node_modules/@citynet/sdk is this package, built, as a consumer gets it.
  const project = mkdtempSync(path.join(SDK_ROOT, ".readme-"));
  const run = (command: string, args: string[], env: Record<string, string> = {}) =>
    execFileSync(command, args, {
      cwd: project,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    });

  beforeAll(async () => {
    server = await startLiveServer();
    mkdirSync(path.join(project, "node_modules/@citynet"), { recursive: true });
    symlinkSync(SDK_ROOT, path.join(project, "node_modules/@citynet/sdk"));
    writeFileSync(path.join(project, "package.json"), '{ "type": "module" }\n');
    writeFileSync(
      path.join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "Bundler",
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ["node"],
        },
        include: ["src"],
      }),
    );
    mkdirSync(path.join(project, "src"));
    for (const [i, example] of examples.entries())
      writeFileSync(
        path.join(project, `src/example-${i + 1}.ts`),
        example.replaceAll(README_ENDPOINT, server.endpoint),
      );
    writeFileSync(path.join(project, "codegen.ts"), codegenConfig!);
  }, 180_000);
  afterAll(async () => {
    rmSync(project, { recursive: true, force: true });
    await server?.stop();
  });

  it("has its codegen config, and examples that use the SDK", () => {
    expect(codegenConfig).toContain('schema: "node_modules/@citynet/sdk/schema.graphql"');
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const example of examples) expect(example).toContain(README_ENDPOINT);
  });

  it("generates the custom query's types with the README's codegen config and type-checks every example", () => {
    run(BIN("graphql-codegen"), ["--config", "codegen.ts"]);
    expect(readFileSync(path.join(project, "src/gql/graphql.ts"), "utf8")).toContain("TownNamesQuery");
    run(BIN("tsc"), ["-p", "."]);
  }, 120_000);

  it("runs every example against a live server", () => {
    const key = createKey(server.dataDir, "README example", "TOWN_EDITOR", "opava");
    examples.forEach((_, i) => {
      const file = `src/example-${i + 1}.ts`;
      expect(() => run(process.execPath, ["--import", "tsx", file], { CITYNET_KEY: key }), file).not.toThrow();
    });
  }, 120_000);
});
