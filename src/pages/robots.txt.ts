import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/paths.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = () =>
  new Response(
    [
      'User-agent: *',
      'Disallow: /admin/',
      '',
      `Sitemap: ${absoluteUrl(site.url, '/sitemap-index.xml')}`,
      `Sitemap: ${absoluteUrl(site.url, '/news-sitemap.xml')}`,
      '',
    ].join('\n'),
    { headers: { 'content-type': 'text/plain; charset=utf-8' } },
  );
