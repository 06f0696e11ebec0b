// The explorer's own queries, typed against the served schema. Output in src/generated/, never
// edited by hand; the test script checks it is current.
import type { CodegenConfig } from "@graphql-codegen/cli";

export default {
  schema: "../../schema.graphql",
  documents: ["src/**/*.ts", "!src/generated/**"],
  ignoreNoDocuments: false,
  generates: {
    "src/generated/": {
      preset: "client",
      presetConfig: { gqlTagName: "graphql", fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: {
          Date: { input: "string", output: "string" },
          DateTime: { input: "string", output: "string" },
          Decimal: { input: "string", output: "string" },
        },
      },
    },
  },
} satisfies CodegenConfig;
