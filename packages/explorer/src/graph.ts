// Cooperation as a graph: towns and what ties them (networks, projects, events, agreements) as
// typed nodes, each tie an edge labelled with its kind; choosing an edge shows its evidence.
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  type SimulationNodeDatum,
} from "d3-force";
import { h, svg } from "./dom.js";
import { t } from "./i18n.js";
import { type Cited, sources } from "./sources.js";

export interface GraphNode {
  id: string;
  label: string;
  type: "Town" | "Network" | "Project" | "Event" | "Agreement";
  href?: string;
  /** An end of the connection (drawn larger). */
  end?: boolean;
}

export interface GraphEdge {
  source: string;
  target: string;
  label: string;
  evidence: readonly Cited[];
}

type Placed = GraphNode & SimulationNodeDatum;

const WIDTH = 720;
const HEIGHT = 480;

const SHAPES: Record<GraphNode["type"], (x: number, y: number, r: number) => SVGElement> = {
  Town: (x, y, r) => svg("circle", { cx: x, cy: y, r }),
  Network: (x, y, r) => svg("rect", { x: x - r, y: y - r, width: 2 * r, height: 2 * r }),
  Project: (x, y, r) => svg("polygon", { points: `${x},${y - r} ${x + r},${y} ${x},${y + r} ${x - r},${y}` }),
  Event: (x, y, r) => svg("polygon", { points: `${x},${y - r} ${x + r},${y + r} ${x - r},${y + r}` }),
  Agreement: (x, y, r) => svg("rect", { x: x - r, y: y - r * 0.7, width: 2 * r, height: 1.4 * r, rx: 3 }),
};

export function cooperationGraph(id: string, title: string, nodes: GraphNode[], edges: GraphEdge[]): HTMLElement {
  const placed: Placed[] = nodes.map((n) => ({ ...n }));
  const links = edges.map((e) => ({ ...e }));
  // Laid out at once (a fixed number of ticks): the drawing is the same on every load.
  forceSimulation(placed)
    .randomSource(() => 0.5)
    .force(
      "link",
      forceLink<Placed, (typeof links)[number]>(links)
        .id((n) => n.id)
        // Room for the labels as the drawing fills up.
        .distance(nodes.length > 12 ? 140 : 90),
    )
    .force("charge", forceManyBody().strength(-320))
    .force("collide", forceCollide(28))
    .force("center", forceCenter(WIDTH / 2, HEIGHT / 2))
    .stop()
    .tick(300);
  const xs = placed.map((n) => n.x ?? 0);
  const ys = placed.map((n) => n.y ?? 0);
  const box = [Math.min(...xs) - 60, Math.min(...ys) - 40, Math.max(...xs) + 60, Math.max(...ys) + 40];
  const evidence = h("div", { class: "evidence", "aria-live": "polite" });
  const position = new Map(placed.map((n) => [n.id, n]));
  const show = (edge: GraphEdge) => {
    const from = position.get(edge.source)!;
    const to = position.get(edge.target)!;
    evidence.replaceChildren(
      h("h3", {}, `${t("evidence")}: ${from.label} — ${edge.label} — ${to.label}`),
      sources(edge.evidence) ?? h("p", {}, t("noResults")),
    );
    evidence.querySelector("details")?.setAttribute("open", "");
  };
  return h(
    "section",
    { class: "graph", id, "aria-labelledby": `${id}-title` },
    h("h2", { id: `${id}-title` }, title),
    svg(
      "svg",
      { viewBox: `${box[0]} ${box[1]} ${box[2] - box[0]} ${box[3] - box[1]}`, role: "group", "aria-label": title },
      svg(
        "g",
        { class: "edges" },
        edges.map((edge) => {
          const a = position.get(edge.source)!;
          const b = position.get(edge.target)!;
          const choose = () => show(edge);
          return svg(
            "g",
            {
              class: "edge",
              tabindex: 0,
              role: "button",
              "aria-label": `${a.label} — ${edge.label} — ${b.label}`,
              "data-label": edge.label,
              onclick: choose,
              onkeydown: ((event: KeyboardEvent) => {
                if (event.key === "Enter" || event.key === " ") choose();
              }) as EventListener,
            },
            // A wide transparent twin of the line: something to click that is not one pixel wide.
            svg("line", { class: "hit", x1: a.x, y1: a.y, x2: b.x, y2: b.y }),
            svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y }),
            svg("text", { x: ((a.x ?? 0) + (b.x ?? 0)) / 2, y: ((a.y ?? 0) + (b.y ?? 0)) / 2 - 3 }, edge.label),
          );
        }),
      ),
      svg(
        "g",
        { class: "nodes" },
        placed.map((node) => {
          const shape = SHAPES[node.type](node.x ?? 0, node.y ?? 0, node.end ? 12 : 9);
          shape.setAttribute("class", `node ${node.type}`);
          const label = svg("text", { x: node.x, y: (node.y ?? 0) + 24, "text-anchor": "middle" }, node.label);
          const group = svg(
            "g",
            { "data-node": node.id, "data-type": node.type },
            shape,
            label,
            svg("title", {}, `${node.type}: ${node.label}`),
          );
          return node.href ? svg("a", { href: node.href }, group) : group;
        }),
      ),
    ),
    evidence,
  );
}
