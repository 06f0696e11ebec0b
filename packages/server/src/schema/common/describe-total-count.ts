// Pothos's Prisma plugin adds `totalCount` to a connection without a description and offers no
// option for one; this plugin gives every such field the same one, so GraphiQL's docs and the
// linters that require descriptions see it.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";

const pluginName = "describeTotalCount";

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      describeTotalCount: DescribeTotalCountPlugin<Types>;
    }
  }
}

const TOTAL_COUNT_DESCRIPTION = "How many results there are across all pages (with the same arguments).";

export class DescribeTotalCountPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    if (fieldConfig.description || !fieldConfig.extensions?.pothosPrismaTotalCount) return fieldConfig;
    return { ...fieldConfig, description: TOTAL_COUNT_DESCRIPTION };
  }
}

SchemaBuilder.registerPlugin(pluginName, DescribeTotalCountPlugin);

export default pluginName;
