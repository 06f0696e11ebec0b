// A map of towns on Europe's borders (Natural Earth 1:110m from world-atlas, shipped in the
// bundle): nothing is fetched from the internet, no tiles.
import { geoConicConformal, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlas from "world-atlas/countries-110m.json";
import { h, svg } from "./dom.js";
import { href } from "./route.js";

export interface Marker {
  slug: string;
  name: string;
  latitude: number;
  longitude: number;
  /** What the town is to the map's subject (the town itself, a twin, a co-member…). */
  kind: string;
  colour: string;
  title?: string;
}

export interface LegendEntry {
  label: string;
  colour: string;
}

const WIDTH = 640;
const HEIGHT = 480;
const topology = atlas as unknown as Topology<{ countries: GeometryCollection }>;
// Antarctica (010) wraps around the south pole, which a conic projection of Europe sends to
// infinity: its path would be billions of pixels wide.
const countries = feature(topology, topology.objects.countries).features.filter((country) => country.id !== "010");

/** The markers on a conformal conic projection of Europe, fitted to them with some margin. */
export function townMap(label: string, markers: Marker[], legend: LegendEntry[]): HTMLElement {
  const lons = markers.map((m) => m.longitude);
  const lats = markers.map((m) => m.latitude);
  // At least 8° either way, so a lone town still shows its surroundings.
  const pad = (min: number, max: number) => Math.max(8 - (max - min), 2) / 2;
  const [west, east] = lons.length ? [Math.min(...lons), Math.max(...lons)] : [-10, 35];
  const [south, north] = lats.length ? [Math.min(...lats), Math.max(...lats)] : [35, 70];
  const padLon = pad(west, east);
  const padLat = pad(south, north);
  const extent = {
    type: "MultiPoint" as const,
    coordinates: [
      [west - padLon, south - padLat],
      [east + padLon, north + padLat],
    ],
  };
  const projection = geoConicConformal()
    .parallels([35, 65])
    .rotate([-10, 0])
    .fitExtent(
      [
        [16, 16],
        [WIDTH - 16, HEIGHT - 16],
      ],
      extent,
    );
  const path = geoPath(projection);
  return h(
    "figure",
    { class: "map" },
    svg(
      "svg",
      // A group, not an image: its markers are links to the towns' pages.
      { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "group", "aria-label": label },
      svg("rect", { class: "sea", width: WIDTH, height: HEIGHT }),
      svg(
        "g",
        { class: "countries", "aria-hidden": "true" },
        countries.map((country) => svg("path", { d: path(country) ?? "" })),
      ),
      svg(
        "g",
        { class: "markers" },
        markers.map((marker) => {
          const [x, y] = projection([marker.longitude, marker.latitude]) ?? [0, 0];
          return svg(
            "a",
            { href: href("town", marker.slug), "aria-label": marker.title ?? marker.name },
            svg(
              "circle",
              {
                class: `marker ${marker.kind}`,
                "data-slug": marker.slug,
                "data-kind": marker.kind,
                cx: x.toFixed(1),
                cy: y.toFixed(1),
                r: marker.kind === "subject" ? 7 : 5,
                fill: marker.colour,
              },
              svg("title", {}, marker.title ?? marker.name),
            ),
          );
        }),
      ),
    ),
    h(
      "figcaption",
      {},
      label,
      h(
        "ul",
        { class: "legend" },
        legend.map((entry) =>
          h(
            "li",
            {},
            svg(
              "svg",
              { class: "swatch", width: 12, height: 12, "aria-hidden": "true" },
              svg("circle", { cx: 6, cy: 6, r: 5, fill: entry.colour }),
            ),
            entry.label,
          ),
        ),
      ),
    ),
  );
}
