// Turns the TownWidget query result into the widget's DOM (text only: no HTML injection).
import type { TownWidgetQuery } from "@citynet/sdk";

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** An item: its text, and what may follow it (a signed-in editor's action). */
type Item = string | [text: string, ...after: HTMLElement[]];

function list(title: string, items: Item[], empty: string): HTMLElement[] {
  const ul = element("ul");
  for (const item of items) {
    const [text, ...after] = typeof item === "string" ? [item] : item;
    const li = element("li", text);
    li.append(...after);
    ul.append(li);
  }
  return [element("h3", title), items.length ? ul : element("p", empty, "muted")];
}

/** What a signed-in editor gets beside the lists. */
export interface EditorParts {
  /** What follows each partner search: expressing interest, or the interests arriving in it. */
  searchAction?: (partnerSearch: { id: string; slug: string }) => HTMLElement;
  /** Elements after the lists (the form to post a search). */
  footer?: HTMLElement[];
}

export function renderWidget(root: HTMLElement, data: TownWidgetQuery, parts: EditorParts = {}): void {
  const { town, nextEvents } = data;
  root.replaceChildren(
    element("h2", `${town.name}`),
    element("p", town.country.name, "muted"),
    ...list(
      "Networks",
      town.memberships.edges.map(
        ({ node }) => `${node.network.name}${node.role === "FOUNDING_MEMBER" ? " (founding member)" : ""}`,
      ),
      "No network memberships recorded.",
    ),
    ...list(
      "Next events",
      nextEvents.edges.map(
        ({ node }) =>
          `${node.date?.text ?? "date to be announced"} · ${node.name}${node.hostTown ? ` · ${node.hostTown.name}` : ""}`,
      ),
      "No upcoming events.",
    ),
    ...list(
      "Partner searches",
      town.partnerSearches.edges.map(({ node }) => {
        const size =
          node.wantedPopulationMin != null
            ? ` (partners of ${node.wantedPopulationMin.toLocaleString("en")}–${node.wantedPopulationMax?.toLocaleString("en")} inhabitants)`
            : "";
        const text = `${node.postedOn}: ${node.description ?? ""}${size}`;
        return parts.searchAction ? [text, parts.searchAction(node)] : text;
      }),
      "No open partner searches.",
    ),
    ...(parts.footer ?? []),
  );
}
