/**
 * Shows the first running alert that the reader has not dismissed. Loaded by
 * `<site-alerts>` only when `/alerts.json` lists an alert.
 */
import { activeAlerts, type PublicAlert } from '../../lib/alerts.ts';
import { wordsOf } from '../../i18n/browser-words.ts';
import styles from '../../styles/alerts.css?url';

const DISMISSED = 'broadsheet-dismissed-alerts';

// Private modes may refuse storage: then a dismissed alert is gone for this page only.
function dismissed(): string[] {
  try {
    return JSON.parse(sessionStorage.getItem(DISMISSED) ?? '[]') as string[];
  } catch {
    return [];
  }
}

function dismiss(id: string) {
  try {
    sessionStorage.setItem(DISMISSED, JSON.stringify([...dismissed(), id]));
  } catch {}
}

/** Resolves once the banner's style applies, so the banner never shows unstyled in the page's flow. */
function loadStyles(): Promise<unknown> {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: styles });
  const loaded = new Promise((resolve) => link.addEventListener('load', resolve, { once: true }));
  document.head.append(link);
  return loaded;
}

export async function showAlert(host: HTMLElement, alerts: PublicAlert[]) {
  const seen = dismissed();
  const alert = activeAlerts(alerts, Date.now()).find((item) => !seen.includes(item.id));
  if (!alert) return;
  const t = wordsOf(host.dataset);
  await loadStyles();
  // The live region goes in empty and is filled a frame later, so screen readers announce the alert.
  const banner = Object.assign(document.createElement('section'), { className: 'site-alert' });
  banner.setAttribute('aria-label', t('site.alert.label'));
  banner.setAttribute('aria-live', 'polite');
  banner.dataset['level'] = alert.level;
  host.append(banner);
  await new Promise(requestAnimationFrame);
  const level = document.createElement('strong');
  level.textContent = t(alert.level === 'breaking' ? 'site.alert.breaking' : 'site.alert.notice');
  // Text nodes only: the alert's words never become markup.
  const words = document.createElement(alert.link ? 'a' : 'span');
  if (alert.link) (words as HTMLAnchorElement).href = alert.link;
  words.textContent = alert.text;
  const text = document.createElement('p');
  text.append(level, ' ', words);
  const button = Object.assign(document.createElement('button'), { type: 'button', textContent: t('site.alert.dismiss') });
  button.dataset['dismiss'] = '';
  button.onclick = () => {
    banner.hidden = true;
    dismiss(alert.id);
  };
  banner.append(text, button);
}
