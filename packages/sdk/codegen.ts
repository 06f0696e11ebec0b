// Generates the typed documents (client preset, with a persisted-documents manifest) from the
// served schema and the curated operations. Output in src/generated/, never edited by hand.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../../schema.graphql",
  // Only the curated operations are the package's API (and its persisted documents).
  documents: ["operations/**/*.graphql"],
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  generates: {
    "src/generated/": {
      preset: "client",
      presetConfig: {
        gqlTagName: "graphql",
        fragmentMasking: false,
        persistedDocuments: { mode: "embedHashInDocument", hashPropertyName: "hash", hashAlgorithm: "sha256" },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: {
          Date: { input: "string", output: "string" },
          DateTime: { input: "string", output: "string" },
          Decimal: { input: "string", output: "string" },
        },
      },
    },
    "src/generated/cache-config.ts": {
      plugins: ["./codegen/cache-config.cjs"],
    },
    "src/generated/operations.ts": {
      documents: ["operations/**/*.graphql"],
      plugins: ["./codegen/curated-operations.cjs"],
    },
  },
};

export default config;
