/**
 * Puts the content security policy into every page as it is rendered, so a
 * page copied from the last build already carries its own policy and no pass
 * over the finished site is needed. Only built pages get one: the dev
 * server's hot reloading injects styles that no hash could allow.
 *
 * It also renders each page in its language (`src/i18n/page-language.ts`):
 * in a publication of several languages, from the page's path and, for an
 * article's pages, the article's `language`.
 */
import type { APIContext, MiddlewareNext } from 'astro';
import { defineMiddleware } from 'astro:middleware';
import { frameHostsFor, pagePolicy, withPolicy } from './lib/csp.ts';
import { IFRAME_HOSTS } from './lib/html-policy.ts';
import { ADMIN_POLICY } from './lib/admin-policy.ts';
import { isDevServer } from './lib/dev-server.ts';
import { getNewsroom } from './content.ts';
import { inLanguage } from './i18n/page-language.ts';
import { articleSlugOf, languageOfPath } from './i18n/language-paths.ts';
import { publicationLanguages } from './i18n/publication-paths.ts';
import { site } from './site.config.ts';

let formOrigins: Promise<string[]> | undefined;

/** Where forms may post besides the site: the newsletter provider, the same for every page of a build. */
function newsletterOrigins(): Promise<string[]> {
  formOrigins ??= getNewsroom().then(({ settings: { newsletter } }) => (newsletter ? [new URL(newsletter.action).origin] : []));
  return formOrigins;
}

async function languageOf(pathname: string): Promise<string> {
  const languages = publicationLanguages();
  if (languages.others.length === 0) return languages.first;
  // Only an article's pages need the articles (which the dev server loads afresh for each request).
  const articleLanguages = articleSlugOf(pathname) === undefined ? undefined : (await getNewsroom()).articleLanguages;
  return languageOfPath(pathname, languages, (slug) => articleLanguages?.get(slug));
}

export const onRequest = defineMiddleware(async (context, next) => {
  const language = await languageOf(context.url.pathname);
  return language === site.defaultLocale ? withSecurityPolicy(context, next) : inLanguage(language, () => withSecurityPolicy(context, next));
});

async function withSecurityPolicy(context: APIContext, next: MiddlewareNext): Promise<Response> {
  const response = await next();
  if (isDevServer || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  const policy = context.url.pathname.startsWith('/admin/')
    ? ADMIN_POLICY
    : pagePolicy(html, { frameHosts: frameHostsFor(html, IFRAME_HOSTS), formOrigins: await newsletterOrigins() });
  // Bytes, not a string: the build writes bytes, and a string body is first checked character by character.
  return new Response(Buffer.from(withPolicy(html, policy)), { status: response.status, headers: response.headers });
}
