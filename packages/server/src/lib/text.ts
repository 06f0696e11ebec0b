// Text helpers shared by the seed, the importers and search.

/** Letters that Unicode decomposition does not reduce to ASCII. */
const FOLDS: Record<string, string> = {
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ø: "o",
  Ø: "O",
  ß: "ss",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  þ: "th",
  ı: "i",
  "’": "",
  "'": "",
};

/** Removes diacritics: "Wołomin" → "Wolomin", "Nyíregyháza" → "Nyiregyhaza". */
export function foldDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[łŁđĐøØßæÆœŒþı’']/g, (c) => FOLDS[c]);
}

/** URL-safe lowercase ASCII slug: "České Budějovice" → "ceske-budejovice". */
export function slugify(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Collapses every run of white space (including no-break spaces) to one space. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
