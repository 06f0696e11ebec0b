// The page's Apollo Client: its cache configured with what @citynet/sdk ships, so pages in
// several languages share one normalized cache and the town list pages with fetchMore.
import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { relayStylePagination } from "@apollo/client/utilities";
import { apolloTypePolicies, connectionKeyArgs, possibleTypes } from "@citynet/sdk";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";

const params = new URLSearchParams(location.search);

const client = new ApolloClient({
  link: new HttpLink({ uri: params.get("endpoint") ?? "/graphql" }),
  cache: new InMemoryCache({
    possibleTypes,
    typePolicies: {
      ...apolloTypePolicies,
      Query: { fields: { towns: relayStylePagination(connectionKeyArgs.Query.towns) } },
    },
  }),
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <App slug={params.get("slug") ?? "opava"} today={params.get("today") ?? new Date().toISOString().slice(0, 10)} />
    </ApolloProvider>
  </StrictMode>,
);
