/**
 * Content security policy for static pages: every inline script and style
 * is allowed by its hash, nothing by 'unsafe-inline'. The policy goes into
 * a <meta> element because hashes differ from page to page. Fonts, fetches
 * and media fall back to `default-src 'self'`, so they get no directive of
 * their own: the policy is in every page's bytes.
 */
import crypto from 'node:crypto';

export interface PolicyOptions {
  /** Extra hosts allowed in frames (embedded video). */
  frameHosts: string[];
  /** Origins forms may post to besides the site itself (the newsletter provider's). */
  formOrigins?: string[];
}

/** Inline scripts, style elements and style attributes, found in one pass over the page. */
const INLINE = /<script\b([^>]*)>([\s\S]*?)<\/script>|<style\b[^>]*>([\s\S]*?)<\/style>|\sstyle="([^"]*)"/gi;
/** Script types the browser never executes, which CSP therefore does not govern. */
const DATA_SCRIPT = /\btype\s*=\s*["']?(application\/(ld\+)?json|text\/plain)/i;

/** Hashes by text: the same few scripts and styles recur on every page of a build. */
const hashes = new Map<string, string>();
function hash(text: string): string {
  let value = hashes.get(text);
  if (!value) {
    value = `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    hashes.set(text, value);
  }
  return value;
}

function decodeAttribute(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function pagePolicy(html: string, options: PolicyOptions): string {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const styleAttributes = new Set<string>();
  for (const [, scriptAttributes, script, style, styleAttribute] of html.matchAll(INLINE)) {
    if (styleAttribute !== undefined) styleAttributes.add(hash(decodeAttribute(styleAttribute)));
    else if (style !== undefined) styles.add(hash(style));
    else if (!/(?:^|\s)src\s*=/.test(scriptAttributes ?? '') && !DATA_SCRIPT.test(scriptAttributes ?? '')) scripts.add(hash(script ?? ''));
  }

  const styleSources = ["'self'", ...styles, ...(styleAttributes.size ? ["'unsafe-hashes'", ...styleAttributes] : [])];
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${[...scripts].join(' ')}`.trim(),
    `style-src ${styleSources.join(' ')}`,
    "img-src 'self' data:",
    `frame-src ${options.frameHosts.map((host) => `https://${host}`).join(' ') || "'none'"}`,
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...(options.formOrigins ?? [])].join(' '),
  ].join('; ');
}

/**
 * The embed hosts a page may frame: all of them when it holds an iframe, or is
 * live coverage whose updates can bring one in after it loads; none otherwise,
 * so a page without embeds frames nothing.
 */
export function frameHostsFor(html: string, hosts: readonly string[]): string[] {
  return /<(iframe|live-updates)\b/i.test(html) ? [...hosts] : [];
}

/** Puts the policy first in <head>, after the charset declaration, so it governs every script that follows. */
export function withPolicy(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}">`;
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
  if (charset) return html.replace(charset[0], `${charset[0]}${meta}`);
  return html.replace(/<head>/i, `<head>${meta}`);
}
