/**
 * `<search-app>`: the search page over Pagefind's JS API. The URL holds the
 * state; every change is pushed to history (typing replaces its own entry),
 * so results can be shared, reloaded and revisited with the back button.
 */
import { dateContextOf, formatDate, DEFAULT_DATES, type DateContext } from '../../lib/dates.ts';
import { paths } from '../../lib/paths.ts';
import { pagefindFilters, pagefindSort } from '../../lib/search-query.ts';
import { HIGHLIGHT_PARAM } from '../../lib/search-paths.ts';
import {
  FACETS,
  hasFilters,
  parseSearchState,
  serializeSearchState,
  type Facet,
  type SearchState,
} from '../../lib/search-state.ts';
import { loadArchiveSearch, type ArchiveSearch, type FilterCounts, type PagefindResult } from './pagefind.ts';
import { facetOption, resultItem, type FacetOption } from './render.ts';
import { searchStatus } from '../../lib/search-status.ts';
import { wordsOf } from '../../i18n/browser-words.ts';
import type { Translate } from '../../i18n/translate.ts';

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 250;

function required<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`search-app: missing ${selector}`);
  return found;
}

/** A message's text with elements put where its `{placeholders}` stand. */
function withElements(message: string, elements: Record<string, Element>): (string | Element)[] {
  // Splitting on a captured group leaves the placeholders' names at the odd indexes.
  return message.split(/\{(\w+)\}/).map((part, index) => (index % 2 === 1 ? (elements[part] ?? `{${part}}`) : part));
}

function sortValues(facet: Facet, values: string[]): string[] {
  return facet === 'year' ? values.sort((a, b) => Number(b) - Number(a)) : values.sort((a, b) => a.localeCompare(b));
}

class SearchApp extends HTMLElement {
  #pagefind: ArchiveSearch | undefined;
  #state: SearchState = parseSearchState('');
  #results: PagefindResult[] = [];
  #shown = 0;
  /** Increases with every search, so a slow answer cannot overwrite a newer one. */
  #run = 0;
  #typingTimer: number | undefined;
  /** The current burst of typing already has its own history entry. */
  #typing = false;
  #totals: Promise<FilterCounts> = Promise.resolve({});
  #dates: DateContext = DEFAULT_DATES;
  /** The words the page handed over in `data-words`. */
  #t!: Translate;
  #title = document.title;

  #notice!: HTMLElement;
  #ui!: HTMLElement;
  #form!: HTMLFormElement;
  #input!: HTMLInputElement;
  #sort!: HTMLSelectElement;
  #status!: HTMLElement;
  #hint!: HTMLElement;
  #list!: HTMLOListElement;
  #more!: HTMLButtonElement;
  #scope!: HTMLElement;
  #older!: HTMLButtonElement;
  #facets!: HTMLElement;
  /** The day the last search reached back to, when it left older articles out. */
  #from: string | undefined;
  /** The last search left older years out of the year filter's counts. */
  #yearsUncounted = false;

  async connectedCallback() {
    this.#notice = required(this, '[data-notice]');
    this.#ui = required(this, '[data-ui]');
    this.#form = required(this, 'form');
    this.#input = required(this, 'input[type="search"]');
    this.#sort = required(this, 'select');
    this.#status = required(this, '[data-status]');
    this.#hint = required(this, '[data-hint]');
    this.#list = required(this, '[data-results]');
    this.#more = required(this, '[data-more]');
    this.#scope = required(this, '[data-scope]');
    this.#older = required(this, '[data-older]');
    this.#facets = required(this, '[data-facets]');
    this.#dates = dateContextOf(this.dataset);
    this.#t = wordsOf(this.dataset);
    this.#state = parseSearchState(window.location.search);
    this.#fillControls();
    this.#notice.hidden = true;
    this.#ui.hidden = false;
    // Listening before the index is in: what a reader types meanwhile is searched once it is.
    this.#listen();

    try {
      this.#pagefind = await loadArchiveSearch(this.dataset['indexPrefix'] ?? '', { highlightParam: HIGHLIGHT_PARAM });
      // Needed for the filters, which are drawn after the first results.
      this.#totals = this.#pagefind.filters();
      this.#totals.catch(() => undefined);
    } catch {
      this.#unavailable();
      return;
    }

    await this.#update();
    if (!this.#state.query && !hasFilters(this.#state)) this.#input.focus();
  }

  #unavailable() {
    const archive = document.createElement('a');
    archive.href = paths.archive();
    archive.textContent = this.#t('search.archiveLink');
    const command = document.createElement('code');
    command.textContent = 'npm run build';
    // The dev server has no index of its own: it serves the last build's.
    const message = import.meta.env.DEV ? this.#t('search.notBuilt') : this.#t('search.unavailable');
    this.#notice.replaceChildren(...withElements(message, { archive, command }));
    this.#notice.hidden = false;
    this.#ui.hidden = true;
  }

  #listen() {
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      window.clearTimeout(this.#typingTimer);
      this.#change({ query: this.#input.value.trim() }, 'push');
    });
    this.#input.addEventListener('input', () => {
      window.clearTimeout(this.#typingTimer);
      this.#typingTimer = window.setTimeout(() => {
        const mode = this.#typing ? 'replace' : 'push';
        this.#change({ query: this.#input.value.trim() }, mode);
        this.#typing = true;
      }, TYPING_DELAY_MS);
    });
    this.#sort.addEventListener('change', () => {
      this.#change({ sort: this.#sort.value === 'newest' ? 'newest' : 'relevance' }, 'push');
    });
    this.#facets.addEventListener('change', (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'checkbox') return;
      const facet = FACETS.find((name) => name === input.name);
      if (!facet) return;
      const fieldset = required<HTMLFieldSetElement>(this.#facets, `fieldset[data-facet="${facet}"]`);
      const chosen = [...fieldset.querySelectorAll<HTMLInputElement>('input:checked')].map((box) => box.value);
      this.#change({ filters: { ...this.#state.filters, [facet]: chosen } }, 'push');
    });
    this.#more.addEventListener('click', () => void this.#showMore(this.#run, true));
    this.#older.addEventListener('click', () => this.#change({ everything: true }, 'push'));
    window.addEventListener('popstate', () => {
      this.#state = parseSearchState(window.location.search);
      this.#typing = false;
      this.#fillControls();
      void this.#update();
    });
  }

  #change(patch: Partial<SearchState>, mode: 'push' | 'replace') {
    this.#state = { ...this.#state, ...patch };
    this.#typing = false;
    const url = `${window.location.pathname}${serializeSearchState(this.#state)}`;
    if (url !== `${window.location.pathname}${window.location.search}`) {
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }
    void this.#update();
  }

  #fillControls() {
    this.#input.value = this.#state.query;
    this.#sort.value = this.#state.sort;
  }

  async #update() {
    const pagefind = this.#pagefind;
    if (!pagefind) return;
    const state = this.#state;
    const run = ++this.#run;
    document.title = state.query ? this.#t('search.documentTitle', { query: state.query, title: this.#title }) : this.#title;
    // Without words there is no relevance to rank by: results come newest first.
    this.#sort.disabled = !state.query;

    if (!state.query && !hasFilters(state)) {
      this.#results = [];
      this.#list.replaceChildren();
      this.#list.removeAttribute('aria-busy');
      this.#more.hidden = true;
      this.#scope.hidden = true;
      this.#hint.hidden = false;
      this.#status.textContent = '';
      const totals = await this.#totals;
      if (run !== this.#run) return;
      this.#yearsUncounted = false;
      this.#renderFacets(totals, totals);
      return;
    }

    this.#list.setAttribute('aria-busy', 'true');
    const term = state.query || null;
    const filters = pagefindFilters(state);
    // The newest articles (of the chosen years, if any) come first, and all of them when the reader asks or nothing recent matches.
    let everything = state.everything;
    let found = await pagefind.search(term, { filters, sort: pagefindSort(state), everything });
    if (!everything && pagefind.scope(filters, false).from !== undefined && found?.results.length === 0) {
      everything = true;
      found = await pagefind.search(term, { filters, sort: pagefindSort(state), everything });
    }
    // A facet's own choices are OR-ed, so its counts come from a search without them.
    const counts: FilterCounts = { ...found?.filters };
    await Promise.all(
      FACETS.filter((facet) => state.filters[facet].length > 0).map(async (facet) => {
        const others = pagefindFilters(state, facet);
        if (!term && Object.keys(others).length === 0) {
          counts[facet] = (await this.#totals)[facet] ?? {};
          return;
        }
        const wider = await pagefind.search(term, { filters: others, everything });
        counts[facet] = wider?.filters[facet] ?? {};
      }),
    );
    if (run !== this.#run || !found) return;
    this.#from = pagefind.scope(filters, everything).from;
    // The years are counted by a search without them: over the newest articles only, unless those are the whole archive.
    this.#yearsUncounted = pagefind.scope({}, everything).from !== undefined;

    this.#results = found.results;
    this.#shown = 0;
    this.#list.replaceChildren();
    this.#hint.hidden = true;
    await this.#showMore(run, false);
    if (run !== this.#run) return;
    this.#list.removeAttribute('aria-busy');
    this.#announce();
    this.#showScope();
    const totals = await this.#totals;
    if (run !== this.#run) return;
    this.#renderFacets(counts, totals);
  }

  /** The day the last search reached back to, as readers read it, when it left older articles out. */
  #since(): string | undefined {
    return this.#from === undefined ? undefined : formatDate(new Date(`${this.#from}T12:00:00Z`), this.#dates);
  }

  /** Under a search of the newest articles only: how far back it went, and the way to the rest. */
  #showScope() {
    const since = this.#since();
    this.#scope.hidden = since === undefined;
    if (since === undefined) return;
    required(this.#scope, '[data-since]').textContent = this.#t('search.scope', { date: since });
  }

  async #showMore(run: number, moveFocus: boolean) {
    const batch = this.#results.slice(this.#shown, this.#shown + PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (run !== this.#run) return;
    const items = data.map((result) => resultItem(result, this.#dates));
    this.#list.append(...items);
    this.#shown += batch.length;
    this.#more.hidden = this.#shown >= this.#results.length;
    // Keyboard and screen reader users land on the first new result rather than back at the top.
    if (moveFocus) items[0]?.querySelector('a')?.focus();
  }

  #announce() {
    const outcome = { count: this.#results.length, query: this.#state.query, filtered: hasFilters(this.#state), since: this.#since() };
    this.#status.textContent = searchStatus(this.#t, outcome);
  }

  #renderFacets(counts: FilterCounts, totals: FilterCounts) {
    const focused = document.activeElement;
    const refocus =
      focused instanceof HTMLInputElement && this.#facets.contains(focused) ? { name: focused.name, value: focused.value } : undefined;

    for (const facet of FACETS) {
      const fieldset = required<HTMLFieldSetElement>(this.#facets, `fieldset[data-facet="${facet}"]`);
      const chosen = this.#state.filters[facet];
      const values = new Set([...Object.keys(totals[facet] ?? {}), ...chosen]);
      // Years a search of the newest articles left out are offered without a count: choosing one searches it.
      const unsearched = facet === 'year' && this.#yearsUncounted;
      const options: FacetOption[] = sortValues(facet, [...values])
        .map((value) => ({ value, count: counts[facet]?.[value] ?? (unsearched ? undefined : 0), checked: chosen.includes(value) }))
        .filter((option) => option.count !== 0 || option.checked);
      required(fieldset, 'ul').replaceChildren(...options.map((option) => facetOption(facet, option, this.#t)));
      fieldset.hidden = options.length === 0;
    }

    if (refocus) {
      const boxes = this.#facets.querySelectorAll<HTMLInputElement>(`input[name="${refocus.name}"]`);
      [...boxes].find((box) => box.value === refocus.value)?.focus();
    }
  }
}

customElements.define('search-app', SearchApp);
