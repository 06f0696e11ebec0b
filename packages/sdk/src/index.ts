export { createClient, type CityNetClient, type ClientOptions, type RequestOptions, type RetryOptions } from "./client.js";
export { CityNetError, CityNetGraphQLError, CityNetHttpError, CityNetNetworkError, type GraphQLErrorEntry } from "./errors.js";
export { paginate, type ConnectionPage } from "./paginate.js";
export { graphql } from "./generated/gql.js";
export * from "./generated/graphql.js";
export { curatedOperations } from "./generated/operations.js";
