export {
  apolloTypePolicies,
  connectionKeyArgs,
  graphcacheKeys,
  graphcacheSchema,
  keylessTypes,
  possibleTypes,
} from "./cache.js";
export {
  type CityNetClient,
  type ClientOptions,
  createClient,
  type RequestOptions,
  type RetryOptions,
  type SubscribeOptions,
} from "./client.js";
export { graphql } from "./documents.js";
export {
  CityNetError,
  type CityNetErrorCode,
  CityNetGraphQLError,
  CityNetHttpError,
  CityNetNetworkError,
  type GraphQLErrorEntry,
} from "./errors.js";
export * from "./generated/graphql.js";
export { curatedOperations } from "./generated/operations.js";
export { type ConnectionPage, paginate } from "./paginate.js";
