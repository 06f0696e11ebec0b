// How two towns are connected: the shortest cooperation paths and the first town's
// neighbourhood, drawn as graphs whose edges open their evidence.
import { client } from "../api.js";
import { h } from "../dom.js";
import { graphql } from "../generated/gql.js";
import { cooperationGraph, type GraphEdge, type GraphNode } from "../graph.js";
import { lang, t, valueLabel } from "../i18n.js";
import { href, navigate, type Route } from "../route.js";
import { downloads } from "../table.js";

const Neighbourhood = graphql(`
  query ExplorerNeighbourhood($town: String!, $lang: String) {
    neighbourhood(town: $town, hops: 1) {
      edges {
        tie
        town { id slug name }
        context {
          __typename
          ... on Network { id slug name(lang: $lang) sources { quote source { id key title } } }
          ... on Project { id slug name(lang: $lang) sources { quote source { id key title } } }
          ... on Event { id slug name(lang: $lang) sources { quote source { id key title } } }
          ... on Agreement { id slug name(lang: $lang) sources { quote source { id key title } } }
        }
      }
    }
  }
`);

type Context = { __typename: GraphNode["type"]; id: string; slug: string; name: string };

const contextHref = (context: Context) =>
  context.__typename === "Network" ? href("network", context.slug) : href("record", context.id);

/** A town's slug, typed or picked from the towns whose names start like the text. */
function townField(name: string, label: string, value: string) {
  const id = `connection-${name}`;
  const options = h("datalist", { id: `${id}-towns` });
  const input = h("input", { id, name, value, required: true, autocomplete: "off", list: `${id}-towns` });
  input.addEventListener("input", async () => {
    if (input.value.trim().length < 2) return;
    const { search } = await client.search({ text: input.value, types: ["TOWN"], first: 8, lang: lang() });
    options.replaceChildren(
      ...search.results.flatMap((r) =>
        r.entity.__typename === "Town"
          ? [h("option", { value: r.entity.slug }, `${r.entity.name} (${r.entity.country.code})`)]
          : [],
      ),
    );
  });
  return h("p", {}, h("label", { for: id }, label), input, options);
}

export async function connectionView(route: Route): Promise<HTMLElement> {
  const from = route.params.get("from") ?? "";
  const to = route.params.get("to") ?? "";
  const form = h(
    "form",
    {
      class: "connection-form",
      onsubmit: ((event: Event) => {
        event.preventDefault();
        const data = new FormData(event.target as HTMLFormElement);
        navigate("connection", "", { from: String(data.get("from")), to: String(data.get("to")) });
      }) as EventListener,
    },
    townField("from", t("from"), from),
    townField("to", t("to"), to),
    h("button", { type: "submit" }, t("draw")),
  );
  const view = h("div", { class: "connection" }, h("h1", {}, t("connection")), form);
  if (!from) return view;

  const [paths, neighbourhood] = await Promise.all([
    to ? client.connection({ from, to, maxHops: 3, first: 3, lang: lang() }) : null,
    client.request(Neighbourhood, { town: from, lang: lang() }),
  ]);

  if (paths) {
    const nodes = new Map<string, GraphNode>();
    const edges = new Map<string, GraphEdge>();
    for (const path of paths.connection)
      for (const step of path.steps) {
        const via = step.via as Context;
        nodes.set(via.id, { id: via.id, label: via.name, type: via.__typename, href: contextHref(via) });
        for (const end of [step.from, step.to]) {
          nodes.set(end.town.id, {
            id: end.town.id,
            label: end.town.name,
            type: "Town",
            href: href("town", end.town.slug),
            end: end.town.slug === from || end.town.slug === to,
          });
          edges.set(`${end.town.id}|${via.id}`, {
            source: end.town.id,
            target: via.id,
            label: valueLabel(end.kind),
            evidence: end.sources,
          });
        }
      }
    view.append(
      paths.connection.length
        ? cooperationGraph(
            "paths",
            `${t("paths")}: ${paths.connection[0].hops} ${t("hops")}`,
            [...nodes.values()],
            [...edges.values()],
          )
        : h("p", { id: "paths", class: "empty" }, t("noPath")),
      downloads({ name: "connection", params: { from, to, maxHops: 3 } }),
    );
  }

  const nodes = new Map<string, GraphNode>();
  // One edge per town and context, its ties joined (a host of a conference is also a member).
  const edges = new Map<string, GraphEdge>();
  for (const edge of neighbourhood.neighbourhood.edges) {
    const context = edge.context as Context & { sources: GraphEdge["evidence"] };
    nodes.set(context.id, {
      id: context.id,
      label: context.name,
      type: context.__typename,
      href: contextHref(context),
    });
    nodes.set(edge.town.id, {
      id: edge.town.id,
      label: edge.town.name,
      type: "Town",
      href: href("town", edge.town.slug),
      end: edge.town.slug === from,
    });
    const key = `${edge.town.id}|${context.id}`;
    const known = edges.get(key);
    if (known) known.label = `${known.label}, ${valueLabel(edge.tie)}`;
    else
      edges.set(key, {
        source: edge.town.id,
        target: context.id,
        label: valueLabel(edge.tie),
        evidence: context.sources,
      });
  }
  view.append(
    cooperationGraph("neighbourhood", t("neighbourhood"), [...nodes.values()], [...edges.values()]),
    downloads({ name: "neighbourhood", params: { town: from } }),
  );
  return view;
}
