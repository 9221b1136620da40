/**
 * Behaviour of the reference's code-sample tabs (`.ref-tabs`, markup in
 * src/components/reference/CodeSamples.astro), run in the browser.
 *
 * - Click or arrow keys (Left/Right, Home/End) select a tab, as the ARIA tabs pattern asks.
 * - The choice is stored under the key Starlight's `<Tabs syncKey="lang">` uses, by
 *   label, so a language picked in a guide opens the reference on it, and back.
 * - Every tab group of the page with the same sync key follows the choice.
 */

/** Starlight's storage key for `<Tabs syncKey="…">`: `starlight-synced-tabs__` + the key. */
const storageKey = (syncKey: string) => `starlight-synced-tabs__${syncKey}`;

/** Where the code-sample language is kept, shared with the guides' `<Tabs syncKey="lang">`. */
export const LANGUAGE_STORAGE_KEY = storageKey('lang');

function tabsOf(group: Element): HTMLElement[] {
  return [...group.querySelectorAll<HTMLElement>('[role="tab"]')];
}

/** Selects the tab labelled `label` in a group; false when the group has no such tab. */
function selectTab(group: Element, label: string): boolean {
  const tabs = tabsOf(group);
  const chosen = tabs.findIndex((tab) => tab.textContent?.trim() === label);
  if (chosen === -1) return false;
  tabs.forEach((tab, index) => {
    const selected = index === chosen;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    const panel = group.querySelector<HTMLElement>(`#${tab.getAttribute('aria-controls') ?? ''}`);
    if (panel !== null) panel.hidden = !selected;
  });
  return true;
}

function choose(root: Document, group: Element, tab: HTMLElement, focus: boolean): void {
  const label = tab.textContent?.trim() ?? '';
  const key = group.getAttribute('data-sync-key');
  const groups = key === null ? [group] : [...root.querySelectorAll(`.ref-tabs[data-sync-key="${key}"]`)];
  for (const each of groups) selectTab(each, label);
  if (key !== null) {
    try {
      localStorage.setItem(storageKey(key), label);
    } catch {
      // Storage may be disabled: the choice then lasts for this page only.
    }
  }
  if (focus) tab.focus();
}

const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

/** Wires every `.ref-tabs` group of the document (one listener each for clicks and keys). */
export function connectTabs(root: Document): void {
  root.addEventListener('click', (event) => {
    const tab =
      event.target instanceof Element ? event.target.closest<HTMLElement>('.ref-tabs [role="tab"]') : null;
    const group = tab?.closest('.ref-tabs');
    if (tab && group) choose(root, group, tab, false);
  });
  root.addEventListener('keydown', (event) => {
    const tab =
      event.target instanceof Element ? event.target.closest<HTMLElement>('.ref-tabs [role="tab"]') : null;
    const group = tab?.closest('.ref-tabs');
    const move = MOVES[event.key];
    if (!tab || !group || move === undefined) return;
    const tabs = tabsOf(group);
    const next = tabs[move(tabs.indexOf(tab), tabs.length)];
    if (next === undefined) return;
    event.preventDefault();
    choose(root, group, next, true);
  });
}
