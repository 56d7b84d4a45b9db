import { dateContextOf, formatDate } from '../../lib/dates.ts';

/**
 * Today's date from the reader's clock: a date written at build time would
 * be wrong the day after, and would change every page every day.
 */
class SiteDateline extends HTMLElement {
  connectedCallback() {
    this.textContent = formatDate(new Date(), dateContextOf(this.dataset));
  }
}
customElements.define('site-dateline', SiteDateline);
