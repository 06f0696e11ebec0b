// Rows to CSV (RFC 4180) and to XLSX (Office Open XML in a streamed zip), a page at a time, so
// that an export of every town never holds more than one page in memory.
import { Zip, ZipDeflate } from "fflate";
import type { Column } from "./operations.js";

export type Cell = string | number | null;

/** The values at a column's path in a row, lists on the way flattened, joined by "; ". */
export function cellOf(row: unknown, column: Column): Cell {
  let values: unknown[] = [row];
  for (const key of column.path)
    values = values.flatMap((value) => {
      const next = value == null ? undefined : (value as Record<string, unknown>)[key];
      return Array.isArray(next) ? next : next == null ? [] : [next];
    });
  if (column.citations)
    return values
      .map((citation) => {
        const { quote, source } = citation as { quote: string; source?: { key?: string } };
        return `${source?.key ?? "?"}: "${quote}"`;
      })
      .join("; ");
  if (values.length === 1 && typeof values[0] === "number") return values[0];
  return values.length ? values.map(String).join("; ") : null;
}

const csvField = (cell: Cell) => {
  if (cell == null) return "";
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const csvLine = (cells: Cell[]) => `${cells.map(csvField).join(",")}\r\n`;

// XML 1.0 cannot carry most control characters, even escaped.
const xml = (text: string) =>
  text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");

const columnName = (index: number): string =>
  (index >= 26 ? columnName(Math.floor(index / 26) - 1) : "") + String.fromCharCode(65 + (index % 26));

function xlsxRow(cells: Cell[], number: number): string {
  const content = cells
    .map((cell, i) => {
      const ref = `${columnName(i)}${number}`;
      if (cell == null) return "";
      if (typeof cell === "number" && Number.isFinite(cell)) return `<c r="${ref}"><v>${cell}</v></c>`;
      return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xml(String(cell))}</t></is></c>`;
    })
    .join("");
  return `<row r="${number}">${content}</row>`;
}

const PACKAGE_PARTS: Record<string, string> = {
  "[Content_Types].xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  "_rels/.rels":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  "xl/_rels/workbook.xml.rels":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

const workbook = (sheet: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xml(sheet.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

/** Something that takes the bytes of a table as they are made. */
export interface TableWriter {
  /** Writes rows; resolves when the sink can take more. */
  rows(rows: Cell[][]): Promise<void>;
  end(): Promise<void>;
}

type Sink = (chunk: Uint8Array) => Promise<void>;

export function csvWriter(header: string[], sink: Sink): TableWriter {
  const encoder = new TextEncoder();
  // A byte-order mark, so that spreadsheet programs read the file as UTF-8.
  let pending = `\ufeff${csvLine(header)}`;
  return {
    async rows(rows) {
      await sink(encoder.encode(pending + rows.map(csvLine).join("")));
      pending = "";
    },
    async end() {
      if (pending) await sink(encoder.encode(pending));
    },
  };
}

export function xlsxWriter(sheetName: string, header: string[], sink: Sink): TableWriter {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  const flush = async () => {
    if (failure) throw failure;
    for (const chunk of chunks.splice(0)) await sink(chunk);
  };
  const part = (name: string, text: string) => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(encoder.encode(text), true);
  };
  for (const [name, text] of Object.entries(PACKAGE_PARTS)) part(name, text);
  part("xl/workbook.xml", workbook(sheetName));
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 6 });
  zip.add(sheet);
  sheet.push(
    encoder.encode(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${xlsxRow(header, 1)}`,
    ),
  );
  let rowNumber = 1;
  return {
    async rows(rows) {
      sheet.push(encoder.encode(rows.map((cells) => xlsxRow(cells, ++rowNumber)).join("")));
      await flush();
    },
    async end() {
      sheet.push(encoder.encode("</sheetData></worksheet>"), true);
      zip.end();
      await flush();
    },
  };
}
