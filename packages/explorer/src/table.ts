// A list as a table, with its downloads (CSV and XLSX from the REST export of the same list).
import { exportUrl } from "./api.js";
import { h } from "./dom.js";
import { t, type Word } from "./i18n.js";

export interface TableColumn<Row> {
  label: Word;
  cell: (row: Row) => Node | string | number | null | undefined;
}

export interface Export {
  /** The REST export's route (network-members). */
  name: string;
  params: Record<string, unknown>;
}

export function downloads(exported: Export) {
  return h(
    "p",
    { class: "downloads" },
    h(
      "a",
      { href: exportUrl(exported.name, "csv", exported.params), download: `${exported.name}.csv` },
      t("downloadCsv"),
    ),
    " ",
    h(
      "a",
      { href: exportUrl(exported.name, "xlsx", exported.params), download: `${exported.name}.xlsx` },
      t("downloadXlsx"),
    ),
  );
}

export function table<Row>(
  id: string,
  title: Word,
  rows: Row[],
  columns: TableColumn<Row>[],
  exported?: Export,
  extra?: string,
): HTMLElement {
  return h(
    "section",
    { class: "list", id, "aria-labelledby": `${id}-title` },
    h("h2", { id: `${id}-title` }, t(title), extra ? ` ${extra}` : "", ` (${rows.length})`),
    rows.length
      ? h(
          "table",
          {},
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              columns.map((c) => h("th", { scope: "col" }, t(c.label))),
            ),
          ),
          h(
            "tbody",
            {},
            rows.map((row) =>
              h(
                "tr",
                {},
                columns.map((c) => h("td", {}, c.cell(row) ?? "")),
              ),
            ),
          ),
        )
      : h("p", { class: "empty" }, t("noResults")),
    exported ? downloads(exported) : null,
  );
}
