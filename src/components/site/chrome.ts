/**
 * What the page chrome on every page does — the alert loader, the dateline,
 * the "/" search shortcut and the theme toggle — as one module. One file the
 * browser caches for the whole site, where a script per component would be
 * inlined, with its CSP hash, into every page.
 */
import './site-alerts.ts';
import './dateline.ts';
import './search-shortcut.ts';
import './theme-toggle.ts';
