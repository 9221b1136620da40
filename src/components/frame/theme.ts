/**
 * Behaviour of the theme pickers (ThemeSelect.astro): a choice of Dark, Light or Auto is stored
 * in localStorage under `starlight-theme` (empty for Auto, as Starlight stores it), applied to
 * `<html data-theme>`, and shown by every picker on the page and in other open tabs.
 */
type Choice = 'auto' | 'dark' | 'light';

const STORAGE_KEY = 'starlight-theme';
const prefersLight = matchMedia('(prefers-color-scheme: light)');

function asChoice(value: unknown): Choice {
  return value === 'dark' || value === 'light' ? value : 'auto';
}

function storedChoice(): Choice {
  try {
    return asChoice(localStorage.getItem(STORAGE_KEY));
  } catch {
    return 'auto';
  }
}

function apply(choice: Choice): void {
  const theme = choice === 'auto' ? (prefersLight.matches ? 'light' : 'dark') : choice;
  document.documentElement.dataset.theme = theme;
  StarlightThemeProvider.updatePickers(choice);
}

function choose(choice: Choice): void {
  apply(choice);
  try {
    localStorage.setItem(STORAGE_KEY, choice === 'auto' ? '' : choice);
  } catch {
    // Storage refused (private mode, quota): the choice holds for this page only.
  }
}

class ThemePicker extends HTMLElement {
  connectedCallback(): void {
    const select = this.querySelector('select');
    if (select === null) return;
    select.value = storedChoice();
    select.addEventListener('change', () => choose(asChoice(select.value)));
  }
}

customElements.define('starlight-theme-select', ThemePicker);

// Auto follows the system while the page is open.
prefersLight.addEventListener('change', () => {
  if (storedChoice() === 'auto') apply('auto');
});
// A choice made in another tab, or a page restored from the back/forward cache.
addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY) apply(storedChoice());
});
addEventListener('pageshow', (event) => {
  if (event.persisted) apply(storedChoice());
});
