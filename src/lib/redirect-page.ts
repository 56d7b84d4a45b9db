/**
 * A redirect page for hosts that read no redirect rules (GitHub Pages, a
 * plain folder): a page at the old address that sends the browser on at once
 * with a meta refresh, names the new address as canonical so search engines
 * move their ranking over, stays out of their index, and offers a plain link
 * for anything that does not follow the refresh. It holds no script and no
 * style, so its content security policy allows none.
 */
import path from 'node:path';
import type { Translate } from '../i18n/translate.ts';
import { pagePolicy, withPolicy } from './csp.ts';
import { absoluteUrl } from './paths.ts';
import { escapeXml } from './xml.ts';

export function redirectPage(to: string, siteUrl: string, lang: string, t: Translate): string {
  const canonical = /^https?:\/\//i.test(to) ? to : absoluteUrl(siteUrl, to);
  const link = `<a href="${escapeXml(to)}">${escapeXml(canonical)}</a>`;
  // The sentence is text and the link markup: the link goes where `{link}` stands, between the escaped words.
  const moved = t('redirect.movedTo').split('{link}').map(escapeXml).join(link);
  const html = `<!DOCTYPE html>
<html lang="${escapeXml(lang)}">
<head>
<meta charset="utf-8">
<title>${escapeXml(t('redirect.title'))}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${escapeXml(canonical)}">
<meta http-equiv="refresh" content="0; url=${escapeXml(to)}">
</head>
<body>
<p>${moved}</p>
</body>
</html>
`;
  return withPolicy(html, pagePolicy(html, { frameHosts: [] }));
}

/**
 * Where the page for an old address goes in the output: `/2019/05/post/` and
 * `/post` at `…/index.html`, `/post.html` as itself. Undefined for what no
 * file can answer: a query (`/?p=123`), a pattern, or a path that climbs out.
 */
export function redirectPageFile(from: string): string | undefined {
  if (/[?*:]/.test(from)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(from);
  } catch {
    return undefined;
  }
  const segments = decoded.split('/').filter(Boolean);
  if (segments.length === 0 || segments.some((segment) => segment === '.' || segment === '..' || segment.includes('\\'))) return undefined;
  const file = /\.html?$/i.test(decoded) ? segments.join('/') : [...segments, 'index.html'].join('/');
  return path.posix.normalize(file);
}
