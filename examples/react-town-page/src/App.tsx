// A member town's page: the SDK's curated TownPage, a custom query typed by this project's own
// codegen (src/gql), a town list paged with fetchMore, and a language switch.
import { useQuery } from "@apollo/client/react";
import { TownPageDocument, TownsDocument } from "@citynet/sdk";
import { useState } from "react";
import { graphql } from "./gql";

const LANGUAGES = ["en", "cs", "pl", "sl", "de"] as const;
type Language = (typeof LANGUAGES)[number];

/** A custom document: not one of the SDK's, typed by the codegen in codegen.ts. */
const TownNames = graphql(`
  query TownNames($slug: String!) {
    town(slug: $slug) {
      id
      alternateNames(kinds: [EXONYM]) { name lang }
    }
  }
`);

export function App({ slug, today }: { slug: string; today: string }) {
  const [lang, setLang] = useState<Language>("en");
  return (
    <main lang={lang}>
      <nav aria-label="Language">
        {LANGUAGES.map((code) => (
          <button key={code} type="button" aria-pressed={code === lang} onClick={() => setLang(code)}>
            {code}
          </button>
        ))}
      </nav>
      <TownPage slug={slug} today={today} lang={lang} />
      <TownList lang={lang} />
    </main>
  );
}

function TownPage({ slug, today, lang }: { slug: string; today: string; lang: Language }) {
  const { data, error } = useQuery(TownPageDocument, { variables: { slug, today, lang } });
  const names = useQuery(TownNames, { variables: { slug } });
  if (error) return <p role="alert">{error.message}</p>;
  if (!data) return <p>Loading…</p>;
  const { town, pastEvents } = data;
  const exonyms = names.data?.town.alternateNames ?? [];
  return (
    <article id="town" data-lang={lang}>
      <h1>{town.name}</h1>
      <p id="country">
        {town.country.name}
        {town.population ? ` · ${town.population.toLocaleString(lang)}` : ""}
      </p>
      {exonyms.length > 0 && (
        <p id="exonyms">Also known as {exonyms.map((n) => `${n.name} (${n.lang ?? "?"})`).join(", ")}</p>
      )}
      <h2>Networks</h2>
      <ul id="memberships">
        {town.memberships.edges.map(({ node }) => (
          <li key={node.id}>
            {node.network.name}
            {node.joined ? ` — ${node.joined.text}` : ""}
          </li>
        ))}
      </ul>
      <h2>Events hosted</h2>
      <ul id="events">
        {pastEvents.edges.map(({ node }) => (
          <li key={node.id}>
            {node.date?.text ?? "undated"} · {node.name ?? node.theme}
          </li>
        ))}
      </ul>
    </article>
  );
}

function TownList({ lang }: { lang: Language }) {
  const { data, fetchMore, loading } = useQuery(TownsDocument, { variables: { order: "NAME", first: 5, lang } });
  if (!data) return null;
  const { edges, pageInfo, totalCount } = data.towns;
  return (
    <section>
      <h2>
        Towns ({edges.length} of {totalCount})
      </h2>
      <ol id="towns">
        {edges.map(({ node }) => (
          <li key={node.id}>
            {node.name}, {node.country.name}
          </li>
        ))}
      </ol>
      {pageInfo.hasNextPage && (
        <button
          type="button"
          disabled={loading}
          onClick={() => fetchMore({ variables: { after: pageInfo.endCursor } })}
        >
          More towns
        </button>
      )}
    </section>
  );
}
