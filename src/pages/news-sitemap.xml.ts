import type { APIRoute } from 'astro';
import { getNewsroom } from '../content.ts';
import { absoluteUrl, paths } from '../lib/paths.ts';
import { escapeXml } from '../lib/xml.ts';
import { site } from '../site.config.ts';
import { isSponsored } from '../lib/formats.ts';
import { NEWS_WINDOW_MS } from '../lib/news-window.ts';
import { languagePrefix } from '../i18n/language-paths.ts';

export const GET: APIRoute = async () => {
  const { settings, articles } = await getNewsroom();
  const since = site.now.getTime() - NEWS_WINDOW_MS;
  // Paid content is not news: Google News leaves it out, and so does this sitemap.
  const recent = articles.filter((article) => article.publishedAt.getTime() >= since && article.visibility === 'published' && !isSponsored(article.data.format));
  const urls = recent.map(
    (article) => `  <url>
    <loc>${escapeXml(absoluteUrl(site.url, paths.article(article.id)))}</loc>
    <news:news>
      <news:publication>
        <news:name>${escapeXml(settings.name)}</news:name>
        <news:language>${escapeXml(languagePrefix(article.language))}</news:language>
      </news:publication>
      <news:publication_date>${article.publishedAt.toISOString()}</news:publication_date>
      <news:title>${escapeXml(article.data.title)}</news:title>
    </news:news>
  </url>`,
  );
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls.join('\n')}
</urlset>
`;
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
