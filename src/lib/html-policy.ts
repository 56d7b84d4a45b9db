/**
 * What an article body may contain. Bodies are written by editors, not
 * developers, so anything that could run script in a reader's browser is
 * taken out at build time.
 */

/** Hosts whose embeds (iframes) are allowed in article bodies. */
export const IFRAME_HOSTS = ['www.youtube.com', 'youtube.com', 'www.youtube-nocookie.com', 'player.vimeo.com'];

/** Elements removed with everything inside them. */
const FORBIDDEN_ELEMENTS = new Set([
  'script', 'style', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'frame', 'frameset', 'form', 'input',
  'button', 'textarea', 'select', 'template', 'noscript', 'portal', 'math',
]);

/** Attributes whose value is a URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'xlinkhref', 'action', 'formaction', 'poster', 'background', 'cite', 'data', 'srcset', 'ping']);

/** Anything but http(s), mailto, tel, and relative or fragment URLs. */
export function isSafeUrl(value: string): boolean {
  // Browsers ignore control characters and whitespace inside the scheme ("java\tscript:").
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  return scheme === undefined || ['http', 'https', 'mailto', 'tel'].includes(scheme);
}

export function isAllowedIframe(src: string | undefined): boolean {
  if (!src) return false;
  try {
    const url = new URL(src);
    return url.protocol === 'https:' && IFRAME_HOSTS.includes(url.hostname);
  } catch {
    return false;
  }
}

export type ElementVerdict = { keep: true } | { keep: false; reason: string };

export function elementVerdict(tagName: string, attributes: Record<string, unknown>): ElementVerdict {
  const tag = tagName.toLowerCase();
  if (FORBIDDEN_ELEMENTS.has(tag)) return { keep: false, reason: `<${tag}> element` };
  if (tag === 'iframe') {
    const src = attributes['src'];
    return isAllowedIframe(typeof src === 'string' ? src : undefined)
      ? { keep: true }
      : { keep: false, reason: `<iframe> from a host not on the allow-list (${String(src ?? 'no src')})` };
  }
  return { keep: true };
}

/**
 * Names of the attributes to strip: event handlers, and URL attributes with
 * a scheme that can run script. Attribute names may be HTML (`onclick`) or
 * hast property names (`onClick`, `xLinkHref`).
 */
export function unsafeAttributes(attributes: Record<string, unknown>): string[] {
  return Object.entries(attributes)
    .filter(([name, value]) => {
      const key = name.toLowerCase().replace(/[^a-z]/g, '');
      if (key.startsWith('on')) return true;
      if (key === 'style' && typeof value === 'string' && /expression|url\s*\(\s*['"]?\s*javascript/i.test(value)) return true;
      if (!URL_ATTRIBUTES.has(key)) return false;
      const values = Array.isArray(value) ? value.map(String) : [String(value)];
      return values.some((url) => (key === 'srcset' ? url.split(',').some((part) => !isSafeUrl(part.trim())) : !isSafeUrl(url)));
    })
    .map(([name]) => name);
}
