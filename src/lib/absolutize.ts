/**
 * Rewrites relative URLs in an HTML fragment to absolute ones, for feed
 * readers that show article HTML outside the site.
 */
const URL_ATTRIBUTE = /\s(href|src|poster)=(["'])(.*?)\2/gi;
const SRCSET_ATTRIBUTE = /\ssrcset=(["'])(.*?)\1/gi;

function absolute(url: string, base: string): string {
  const trimmed = url.trim();
  if (!trimmed || trimmed.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return url;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return url;
  }
}

export function absolutizeHtml(html: string, base: string): string {
  return html
    .replace(URL_ATTRIBUTE, (_match, name: string, quote: string, url: string) => ` ${name}=${quote}${absolute(url, base)}${quote}`)
    .replace(SRCSET_ATTRIBUTE, (_match, quote: string, set: string) => {
      const candidates = set.split(',').map((candidate) => {
        const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
        return [absolute(url, base), ...descriptor].join(' ');
      });
      return ` srcset=${quote}${candidates.join(', ')}${quote}`;
    });
}
