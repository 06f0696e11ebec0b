// Any other record (a project, an event, an organisation…): its name, what it says, its sources.
import { client } from "../api.js";
import { h } from "../dom.js";
import { graphql } from "../generated/gql.js";
import { lang, t } from "../i18n.js";
import type { Route } from "../route.js";
import { sources } from "../sources.js";

const Record = graphql(`
  query ExplorerRecord($id: ID!, $lang: String) {
    node(id: $id) {
      __typename
      id
      ... on Project { name(lang: $lang) description(lang: $lang) sources { quote source { id key title } } }
      ... on Event { name(lang: $lang) description(lang: $lang) date { text(lang: $lang) } sources { quote source { id key title } } }
      ... on Organisation { name(lang: $lang) description(lang: $lang) sources { quote source { id key title } } }
      ... on Programme { name(lang: $lang) description(lang: $lang) sources { quote source { id key title } } }
      ... on FundingCall { name(lang: $lang) description(lang: $lang) sources { quote source { id key title } } }
      ... on Agreement { name(lang: $lang) sources { quote source { id key title } } }
      ... on PartnerSearch { description(lang: $lang) sources { quote source { id key title } } }
    }
  }
`);

export async function recordView(route: Route): Promise<HTMLElement> {
  const { node } = await client.request(Record, { id: route.subject, lang: lang() });
  if (!node || !("sources" in node)) return h("p", {}, t("notFound"));
  const name = "name" in node ? node.name : node.__typename;
  return h(
    "article",
    { class: "record", "data-type": node.__typename },
    h("p", { class: "kind" }, node.__typename),
    h("h1", {}, name),
    "date" in node && node.date?.text ? h("p", {}, node.date.text) : null,
    "description" in node && node.description ? h("p", {}, node.description) : null,
    sources(node.sources),
  );
}
