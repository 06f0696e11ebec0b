// The consumer's codegen of the SDK README: custom documents typed against the schema the
// package ships. Output in src/gql/ (generated at build, never edited).
import type { CodegenConfig } from "@graphql-codegen/cli";

export default {
  schema: "node_modules/@citynet/sdk/schema.graphql",
  documents: ["src/**/*.tsx"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      config: { useTypeImports: true, enumsAsTypes: true },
    },
  },
} satisfies CodegenConfig;
