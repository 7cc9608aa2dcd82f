/**
 * The archive's offline search index. Chinese has no spaces between words, so the text is
 * indexed by character bigrams: a query matches an item when every bigram of the query occurs
 * in it (a one-character query matches every bigram that holds the character). Runs of letters
 * and digits are split at punctuation and spaces, Latin is lower-cased. Built once, at archive
 * time, and embedded in index.html, so the search works from file:// with no server.
 */
export interface SearchIndex {
  /** bigram → ascending item numbers */
  grams: Record<string, number[]>;
}

/** Stretches of letters and digits; everything else (punctuation, spaces) separates them. */
export function segments(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const seg of segments(text)) {
    const chars = [...seg];
    if (chars.length === 1) out.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return out;
}

export function buildSearchIndex(docs: string[]): SearchIndex {
  const grams = new Map<string, number[]>();
  docs.forEach((text, n) => {
    for (const g of bigrams(text)) {
      const list = grams.get(g);
      if (list) list.push(n);
      else grams.set(g, [n]);
    }
  });
  // Sorted keys: the same archive gives the same index.html, byte for byte.
  return { grams: Object.fromEntries([...grams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

/**
 * The query side, as plain browser JavaScript embedded in index.html and also evaluated by the tests,
 * so the page and the tests run the same code. `find(index, query)` → item numbers.
 */
export const SEARCH_SOURCE = `function find(index, query) {
  var segs = query.toLowerCase().match(/[\\p{L}\\p{N}]+/gu) || [];
  var result = null;
  function meet(list) {
    if (result === null) { result = list.slice(); return; }
    var keep = {}; for (var i = 0; i < list.length; i++) keep[list[i]] = true;
    result = result.filter(function (n) { return keep[n]; });
  }
  for (var s = 0; s < segs.length; s++) {
    var chars = Array.from(segs[s]);
    if (chars.length === 1) {
      var seen = {}, any = [];
      for (var g in index.grams) if (g.indexOf(chars[0]) >= 0) index.grams[g].forEach(function (n) { if (!seen[n]) { seen[n] = true; any.push(n); } });
      meet(any.sort(function (a, b) { return a - b; }));
    }
    for (var i = 0; i + 1 < chars.length; i++) meet(index.grams[chars[i] + chars[i + 1]] || []);
  }
  return result || [];
}`;
