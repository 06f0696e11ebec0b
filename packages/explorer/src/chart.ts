// A bar chart with its table beside it: the chart for the eye, the table for the numbers (and
// for screen readers).
import { h, svg } from "./dom.js";
import { t, type Word } from "./i18n.js";
import { downloads, type Export } from "./table.js";

export interface Bar {
  label: string;
  value: number;
}

export function barChart(id: string, title: string, labelWord: Word, bars: Bar[], exported?: Export): HTMLElement {
  const width = 560;
  const barHeight = 18;
  const gap = 4;
  const labelWidth = 150;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * (barHeight + gap) + gap;
  return h(
    "section",
    { class: "chart", id, "aria-labelledby": `${id}-title` },
    h("h2", { id: `${id}-title` }, title),
    h(
      "div",
      { class: "chart-body" },
      svg(
        "svg",
        { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": title, "data-series": id },
        bars.map((bar, i) => {
          const y = gap + i * (barHeight + gap);
          const length = ((width - labelWidth - 50) * bar.value) / max;
          return svg(
            "g",
            { class: "bar", "data-label": bar.label, "data-value": bar.value },
            svg("text", { x: labelWidth - 6, y: y + barHeight - 5, "text-anchor": "end" }, bar.label),
            svg("rect", { x: labelWidth, y, width: length.toFixed(1), height: barHeight }),
            svg("text", { x: labelWidth + length + 4, y: y + barHeight - 5 }, bar.value),
          );
        }),
      ),
      h(
        "table",
        {},
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t(labelWord)), h("th", { scope: "col" }, t("count")))),
        h(
          "tbody",
          {},
          bars.map((bar) => h("tr", {}, h("td", {}, bar.label), h("td", {}, bar.value))),
        ),
      ),
    ),
    exported ? downloads(exported) : null,
  );
}
