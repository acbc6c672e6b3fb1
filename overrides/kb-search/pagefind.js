/* Pagefind's search API as the search box uses it (PagefindUI imports pagefind.js from its bundlePath).
   Two changes, everything else is Pagefind's own API:

   1. The first search waits until every filter is loaded. Before, the box sometimes drew only some
      of the filters after the first search (seen in the browser tests: 主要活动类型 and 单位 missing).
   2. A collection indexed as several bundles (scripts/site/search_index.py): Pagefind answers a query word
      that a bundle lacks with the longest of that bundle's words that begins the query (文明餐桌 → 文明),
      so, merged as they are, the bundles without the word would add unrelated results. Before each
      search the query's terms are looked up in the collection's word lists (one small file per term,
      ../pagefind/kb-words/), and the search is limited to the bundles that hold them, through a filter
      that the box never shows. */
import * as pagefind from "../pagefind/pagefind.js";

const manifest = fetch(new URL("../pagefind/kb-shards.json", import.meta.url))
  .then((response) => (response.ok ? response.json() : {}))
  .catch(() => ({}));
const wordLists = new Map();
let allFilters = null;

export const options = (value) => pagefind.options(value);
export const init = () => pagefind.init();
export const destroy = () => pagefind.destroy();
export const mergeIndex = (path, value) => pagefind.mergeIndex(path, value);

function loadedFilters() {
  if (!allFilters) allFilters = pagefind.filters();
  return allFilters;
}

export async function filters() {
  return hidden({ ...(await loadedFilters()) }, (await manifest).filter);
}

export async function preload(term, value) {
  return pagefind.preload(term, await scoped(term, value));
}

export async function search(term, value) {
  await loadedFilters();
  return shown(await pagefind.search(term, await scoped(term, value)));
}

export async function debouncedSearch(term, value, timeout) {
  await loadedFilters();
  return shown(await pagefind.debouncedSearch(term, await scoped(term, value), timeout));
}

/* The query's terms as Pagefind 1.5 makes them from a Chinese query: Intl.Segmenter words, lower case,
   without punctuation, without diacritics. */
const PUNCTUATION = /^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u;
function terms(query, language) {
  const found = [];
  const graphemes = new Intl.Segmenter(language, { granularity: "grapheme" });
  for (const { segment } of new Intl.Segmenter(language, { granularity: "word" }).segment(query)) {
    const kept = [...graphemes.segment(segment)].map((g) => g.segment).filter((g) => !PUNCTUATION.test(g));
    const term = kept.join("").toLocaleLowerCase().normalize("NFD").replace(/\p{M}/gu, "").trim();
    if (term) found.push(term);
  }
  return found;
}

/* Bit mask of the bundles that answer ``term`` as one index would: those holding a word that begins
   with it; if no bundle does, those holding the longest word that begins the term (Pagefind's fallback). */
async function bundlesFor(list, term) {
  const number = term.codePointAt(0) % list.word_files;
  if (!wordLists.has(number)) {
    wordLists.set(number, fetch(new URL(`../pagefind/${list.words}${number}.json`, import.meta.url))
      .then((response) => (response.ok ? response.json() : {}))
      .catch(() => ({})));
  }
  const words = await wordLists.get(number);
  let mask = 0n;
  let prefix = "";
  for (const [word, bundles] of Object.entries(words)) {
    if (word.startsWith(term)) mask |= BigInt(`0x${bundles}`);
    else if (!mask && term.startsWith(word) && word.length > prefix.length) prefix = word;
  }
  if (mask || !prefix) return mask;
  return BigInt(`0x${words[prefix]}`);
}

/* The search options limited to the bundles holding every query word. A word that no bundle holds is
   left to each bundle, as one index would treat it. */
async function scoped(term, value) {
  const list = await manifest;
  if (!list.filter || typeof term !== "string") return value;
  let allowed = null;
  for (const part of terms(term, list.language)) {
    const mask = await bundlesFor(list, part);
    if (mask) allowed = allowed === null ? mask : allowed & mask;
  }
  if (allowed === null) return value;
  const bundles = ["none"]; /* no page is in bundle "none": words held by no one bundle together find nothing */
  for (let number = 0; number <= list.bundles.length; number += 1) {
    if ((allowed >> BigInt(number)) & 1n) bundles.push(String(number));
  }
  const chosen = { ...((value && value.filters) || {}), [list.filter]: { any: bundles } };
  return { ...(value || {}), filters: chosen };
}

function hidden(counts, name) {
  if (counts && name) delete counts[name];
  return counts;
}

function shown(result) {
  if (!result) return result;
  return manifest.then((list) => {
    hidden(result.filters, list.filter);
    hidden(result.totalFilters, list.filter);
    return result;
  });
}
