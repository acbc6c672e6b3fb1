/* Pagefind's search API as the search box uses it (PagefindUI imports pagefind.js from its bundlePath).
   Four changes, everything else is Pagefind's own API:

   1. The query is cut into the index's own words. Pagefind cuts a Chinese query with the browser's
      Intl.Segmenter, whose dictionary is not the indexer's: Chromium cuts 结对共建 into 结 对 共 建 while
      the index holds 结对 and 共建, so each character matched every word it begins (建 → 建设) and the
      phrase matched nothing. So Pagefind is started as if the page were not Chinese (it then keeps the
      query as given, cut at spaces), and the query is cut here, longest index word first, from the
      collection's word lists (scripts/site/search_index.py: small files by first character,
      ../pagefind/kb-words/): 结对共建 → "结对 共建".
   2. Exact phrase first: of the pages found, those holding the query's words next to each other come
      first (in Pagefind's order), then the pages holding the words apart (phraseFirst).
   3. Filters come after the first screen. Every bundle's filter files (150 KB at 10,000 plans) were
      fetched and counted before the first results; now the first search counts none (the box draws
      no filter panel for it), and once its first results are on screen every filter is loaded and the
      last search counted again: the box draws the panel from that (filters()). Counting on partly
      loaded filters drew only some of them (seen in the browser tests: 主要活动类型 and 单位 missing).
   4. A collection indexed as several bundles: Pagefind answers a query word that a bundle lacks with
      the longest of that bundle's words that begins the query (文明餐桌 → 文明), so, merged as they are,
      the bundles without the word would add unrelated results. The word lists say which bundles
      hold each word, and the search is limited to the bundles holding every query word, through a
      filter that the box never shows.
   5. Bundles are merged side by side: the box merges them one after another, each waiting for its
      page list, and the first search then waited for ten round trips in a row at 10,000 plans. */
import * as pagefind from "../pagefind/pagefind.js";

const QUERY_LANGUAGE = "und"; /* not zh, ja or th: Pagefind leaves the query's words as cut here (1) */

const manifest = fetch(new URL("../pagefind/kb-shards.json", import.meta.url))
  .then((response) => (response.ok ? response.json() : {}))
  .catch(() => ({}));
const wordLists = new Map();
let allFilters = null;

/* Pagefind reads the page's language (<html lang>) once, when it starts: it is started here, under
   QUERY_LANGUAGE, and the page's own language is put back at once (nothing is drawn in between). */
function start() {
  const root = document.documentElement;
  const language = root.getAttribute("lang");
  root.setAttribute("lang", QUERY_LANGUAGE);
  try {
    return pagefind.init();
  } finally {
    if (language === null) root.removeAttribute("lang");
    else root.setAttribute("lang", language);
  }
}
const started = start();

const waiting = []; /* bundles the box asked to merge, merged after the first screen (5) */
let rest = null;
export const options = (value) => pagefind.options(value);
export const init = () => started;
export const destroy = () => pagefind.destroy();
export function mergeIndex(path, value) {
  waiting.push([path, { ...(value || {}), language: QUERY_LANGUAGE }]);
  return Promise.resolve();
}
/* Every bundle merged, side by side (Pagefind UI merges one after another, each waiting for its page list). */
function mergeRest() {
  if (!rest) rest = Promise.all(waiting.map(([path, value]) => pagefind.mergeIndex(path, value)));
  return rest;
}

/* The first screen (5, 3): the first search of a collection in several bundles searches the first
   bundle alone, a deal of every plan, and its results are shown when they fill a screen
   (FIRST_SCREEN pages, holding the phrase when the query has several words); otherwise, or after,
   the other bundles are merged and every filter loaded once that screen is drawn (its fragments are
   in, or FILTERS_LATEST ms have passed), then the search is made again over all bundles: the results
   already shown stay first, the others follow, with filter counts, and the box is told to draw them
   ("kb-search-complete", overrides/assets/kb.js). */
const FIRST_SCREEN = 5; /* Pagefind UI's page of results */
const FILTERS_LATEST = 1500;
let firstScreen;
const firstScreenDrawn = new Promise((resolve) => (firstScreen = resolve));
let complete = null; /* [key, results over every bundle, with filter counts] */
let completing = null; /* while the search over every bundle that follows a first screen runs */
let lastSearch = null;
const keyOf = (term, value) => JSON.stringify([term, value || {}]);

function loadedFilters() {
  if (!allFilters) allFilters = mergeRest().then(() => pagefind.filters());
  return allFilters;
}

/* The filter panel: the counts of the last search once every filter is loaded (none before any search). */
export async function filters() {
  await firstScreenDrawn;
  const all = await loadedFilters();
  await completing;
  const counted = lastSearch ? await search(...lastSearch) : null;
  return counted && Object.keys(counted.filters || {}).length ? counted.filters : hidden({ ...all }, (await manifest).filter);
}

export async function preload(term, value) {
  await started;
  if (rest) await rest;
  const words = await indexWords(term);
  return words ? pagefind.preload(words.join(" "), await scoped(words, value)) : pagefind.preload(term, value);
}

export async function search(term, value) {
  const key = keyOf(term, value);
  lastSearch = [term, value];
  if (complete && complete[0] === key) return complete[1];
  await started;
  const words = await indexWords(term);
  if (allFilters === null && !rest) {
    const first = await firstBundle(words, term, value);
    if (first) return beforeFilters(first, () => (completing = completeLater(key, term, value, words, first.results.slice(0, FIRST_SCREEN))));
  }
  const filtered = allFilters !== null;
  await (filtered ? allFilters : mergeRest());
  const found = await searchAll(words, term, value);
  return filtered ? shown(found) : beforeFilters(found, () => loadedFilters());
}

function searchAll(words, term, value) {
  return words ? scoped(words, value).then((chosen) => phraseFirst(words, chosen)) : pagefind.search(term, value);
}

/* The first bundle's results when they fill the first screen; null when they do not, or when the
   collection is one bundle, or the query's words are not all in the first bundle. */
async function firstBundle(words, term, value) {
  if (!waiting.length || !words) return null;
  const chosen = await scoped(words, value);
  const bundles = chosen && chosen.filters && chosen.filters[(await manifest).filter];
  if (bundles && !bundles.any.includes("0")) return null;
  const found = await phraseFirst(words, chosen);
  const fit = found ? found.results.slice(0, FIRST_SCREEN) : [];
  const full = fit.length === FIRST_SCREEN && (words.length < 2 || fit.every((result) => result.phrase));
  return full ? found : null;
}

async function completeLater(key, term, value, words, shownFirst) {
  await loadedFilters();
  if (!lastSearch || keyOf(...lastSearch) !== key) return; /* the box has moved on: its search covers every bundle */
  const found = await shown(await searchAll(words, term, value));
  const first = new Set(shownFirst.map((result) => result.id));
  const results = [...shownFirst, ...found.results.filter((result) => !first.has(result.id))];
  complete = [key, { ...found, results }];
  if (keyOf(...lastSearch) === key) {
    window.dispatchEvent(new CustomEvent("kb-search-complete", { detail: { term, filters: (value && value.filters) || {} } }));
  }
}

/* Results before the filters are loaded: no counts (a panel of some filters would be drawn from
   them); once their first screen is in, ``next`` loads them. */
function beforeFilters(found, next) {
  if (!found) return found;
  const first = found.results.slice(0, FIRST_SCREEN);
  let left = first.length;
  const drawn = () => {
    left -= 1;
    if (left <= 0) firstScreen();
  };
  if (!left) firstScreen();
  for (const result of first) {
    const data = result.data;
    result.data = () => data().finally(drawn);
  }
  setTimeout(firstScreen, FILTERS_LATEST);
  firstScreenDrawn.then(next);
  return { ...found, filters: {}, totalFilters: {} };
}

let latestSearch = 0;
export async function debouncedSearch(term, value, timeout) {
  const mine = ++latestSearch;
  await new Promise((resolve) => setTimeout(resolve, timeout ?? 300));
  return mine === latestSearch ? search(term, value) : null; /* null: a later search superseded it, as in Pagefind */
}

/* The pages holding the query's words next to each other, in the order typed or not, come first: a
   result lists the positions of its matched words, and a run of as many consecutive positions as the
   query has words is the phrase. (Pagefind's own quoted search costs a second search of every
   bundle, and at 10,000 plans doubled the time to the first results.) */
async function phraseFirst(words, value) {
  const found = await pagefind.search(words.join(" "), value);
  if (words.length < 2 || !found) return found;
  const held = [];
  const apart = [];
  for (const result of found.results) {
    result.phrase = holdsPhrase(result.words || [], words.length);
    (result.phrase ? held : apart).push(result);
  }
  return { ...found, results: [...held, ...apart] };
}

function holdsPhrase(positions, length) {
  let sorted = positions; /* Pagefind lists them in page order; sorted here only if not */
  for (let at = 1; at < sorted.length; at += 1) {
    if (sorted[at] < sorted[at - 1]) {
      sorted = [...positions].sort((a, b) => a - b);
      break;
    }
  }
  let run = 1;
  for (let at = 1; at < sorted.length; at += 1) {
    run = sorted[at] === sorted[at - 1] + 1 ? run + 1 : sorted[at] === sorted[at - 1] ? run : 1;
    if (run >= length) return true;
  }
  return length <= 1;
}

function wordList(list, character) {
  const number = character.codePointAt(0) % list.word_files;
  if (!wordLists.has(number)) {
    wordLists.set(number, fetch(new URL(`../pagefind/${list.words}${number}.json`, import.meta.url))
      .then((response) => (response.ok ? response.json() : {}))
      .catch(() => ({})));
  }
  return wordLists.get(number);
}

/* The query as the index's words (null for a filter-only search or a site without word lists): lower
   case, without punctuation, cut at spaces; Han characters are cut longest index word first, and
   characters that begin no index word (the last ones typed, say) stay together, as a word's beginning. */
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}"]/gu;
const HAN = /\p{Script=Han}/u;
async function indexWords(term) {
  const list = await manifest;
  if (typeof term !== "string" || !list.words) return null;
  const words = [];
  for (const run of term.replace(PUNCTUATION, " ").toLocaleLowerCase().split(/\s+/).filter(Boolean)) {
    const characters = [...run];
    const lists = await Promise.all(characters.map((c) => (HAN.test(c) ? wordList(list, c) : null)));
    let pending = "";
    for (let at = 0; at < characters.length; ) {
      let length = 0;
      if (lists[at]) {
        for (let end = characters.length; end > at && !length; end -= 1) {
          if (HAN.test(characters[end - 1]) && Object.hasOwn(lists[at], characters.slice(at, end).join(""))) length = end - at;
        }
      }
      if (length) {
        if (pending) words.push(pending);
        words.push(characters.slice(at, at + length).join(""));
        pending = "";
        at += length;
      } else {
        if (pending && HAN.test(pending.at(-1)) !== HAN.test(characters[at])) {
          words.push(pending);
          pending = "";
        }
        pending += characters[at];
        at += 1;
      }
    }
    if (pending) words.push(pending);
  }
  return words.length ? words : null;
}

/* Bit mask of the bundles that answer ``word`` as one index would: those holding a word that begins
   with it; if no bundle does, those holding the longest word that begins it (Pagefind's fallback). */
async function bundlesFor(list, word) {
  const words = await wordList(list, word);
  let mask = 0n;
  let prefix = "";
  for (const [known, bundles] of Object.entries(words)) {
    if (known.startsWith(word)) mask |= BigInt(`0x${bundles}`);
    else if (!mask && word.startsWith(known) && known.length > prefix.length) prefix = known;
  }
  if (mask || !prefix) return mask;
  return BigInt(`0x${words[prefix]}`);
}

/* The search options limited to the bundles holding every query word. A word that no bundle holds is
   left to each bundle, as one index would treat it. */
async function scoped(words, value) {
  const list = await manifest;
  if (!list.filter) return value;
  let allowed = null;
  for (const word of words) {
    const mask = await bundlesFor(list, word);
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
