/** The `<theme-toggle>` button in the header (`ThemeToggle.astro`). */
const KEY = 'broadsheet-theme';
const systemDark = () => window.matchMedia('(prefers-color-scheme: dark)').matches;

/** Switches between light and dark; the choice is remembered, the system default applies until then. */
class ThemeToggle extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    if (!button) return;
    const current = () => document.documentElement.dataset['theme'] ?? (systemDark() ? 'dark' : 'light');
    const sync = () => button.setAttribute('aria-pressed', String(current() === 'dark'));
    sync();
    button.addEventListener('click', () => {
      const next = current() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset['theme'] = next;
      try {
        localStorage.setItem(KEY, next);
      } catch {
        // Private modes may refuse storage: the toggle still works for this page.
      }
      sync();
    });
  }
}
customElements.define('theme-toggle', ThemeToggle);
