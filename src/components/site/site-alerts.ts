/** The `<site-alerts>` element (`SiteAlerts.astro`): fetches the alerts and, only if there are any, loads the banner. */
import type { PublicAlert } from '../../lib/alerts.ts';
import banner from './alert-banner.ts?module-url';

class SiteAlerts extends HTMLElement {
  async connectedCallback() {
    const response = await fetch(this.dataset['src']!).catch(() => undefined);
    if (!response?.ok) return;
    const { alerts } = (await response.json()) as { alerts: PublicAlert[] };
    if (alerts.length === 0) return;
    const { showAlert } = (await import(/* @vite-ignore */ banner)) as typeof import('./alert-banner.ts');
    showAlert(this, alerts);
  }
}
customElements.define('site-alerts', SiteAlerts);
