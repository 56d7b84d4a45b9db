/**
 * Puts the content security policy into every page as it is rendered, so a
 * page copied from the last build already carries its own policy and no pass
 * over the finished site is needed. Only built pages get one: the dev
 * server's hot reloading injects styles that no hash could allow.
 */
import { defineMiddleware } from 'astro:middleware';
import { frameHostsFor, pagePolicy, withPolicy } from './lib/csp.ts';
import { IFRAME_HOSTS } from './lib/html-policy.ts';
import { ADMIN_POLICY } from './lib/admin-policy.ts';
import { isDevServer } from './lib/dev-server.ts';
import { getNewsroom } from './content.ts';

let formOrigins: Promise<string[]> | undefined;

/** Where forms may post besides the site: the newsletter provider, the same for every page of a build. */
function newsletterOrigins(): Promise<string[]> {
  formOrigins ??= getNewsroom().then(({ settings: { newsletter } }) => (newsletter ? [new URL(newsletter.action).origin] : []));
  return formOrigins;
}

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (isDevServer || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  const policy = context.url.pathname.startsWith('/admin/')
    ? ADMIN_POLICY
    : pagePolicy(html, { frameHosts: frameHostsFor(html, IFRAME_HOSTS), formOrigins: await newsletterOrigins() });
  // Bytes, not a string: the build writes bytes, and a string body is first checked character by character.
  return new Response(Buffer.from(withPolicy(html, policy)), { status: response.status, headers: response.headers });
});
