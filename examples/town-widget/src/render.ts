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

function list(title: string, items: string[], empty: string): HTMLElement[] {
  const ul = element("ul");
  for (const item of items) ul.append(element("li", item));
  return [element("h3", title), items.length ? ul : element("p", empty, "muted")];
}

export function renderWidget(root: HTMLElement, data: TownWidgetQuery): void {
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
        return `${node.postedOn}: ${node.description ?? ""}${size}`;
      }),
      "No open partner searches.",
    ),
  );
}
