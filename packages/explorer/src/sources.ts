// A fact's sources, shown beside it: the document (its file name and title) and the quote,
// opened on demand.
import { h } from "./dom.js";
import { t } from "./i18n.js";

export interface Cited {
  quote: string;
  source: { key: string; title: string; url?: string | null };
}

export function sources(cited: readonly Cited[]): HTMLElement | null {
  if (!cited.length) return null;
  return h(
    "details",
    { class: "sources" },
    h("summary", {}, `${t("sources")} (${cited.length})`),
    h(
      "ul",
      {},
      cited.map((c) => h("li", {}, h("cite", { title: c.source.title }, c.source.key), ": ", h("q", {}, c.quote))),
    ),
  );
}
