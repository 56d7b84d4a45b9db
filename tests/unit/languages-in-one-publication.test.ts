import { describe, expect, it } from 'vitest';
import { articleSlugOf, languageOfPath, languagePathProblems, languagePrefix, underPrefix } from '../../src/i18n/language-paths.ts';
import { languageName } from '../../src/i18n/language-names.ts';
import { inLanguageOrder, translationsOf } from '../../src/lib/translations.ts';
import { checkTranslations } from '../../src/content/checks/translations.ts';
import { sitemapFiles } from '../../src/lib/sitemap-xml.ts';

const languages = { first: 'en-GB', others: ['de-DE', 'ar-EG'] };
const articleLanguages = new Map([
  ['stadthaushalte', 'de-DE'],
  ['city-budgets', 'en-GB'],
]);

describe('where each language lives', () => {
  it('puts a further language under its language subtag, the first at the root', () => {
    expect(languagePrefix('de-DE')).toBe('de');
    expect(languagePrefix('pt-BR')).toBe('pt');
    expect(underPrefix('de', '/rss.xml')).toBe('/de/rss.xml');
    expect(underPrefix('', '/rss.xml')).toBe('/rss.xml');
  });

  it('tells a page’s language from its path, and an article’s page from its article', () => {
    const of = (pathname: string) => languageOfPath(pathname, languages, (slug) => articleLanguages.get(slug));
    expect(of('/de/')).toBe('de-DE');
    expect(of('/ar/search/')).toBe('ar-EG');
    expect(of('/')).toBe('en-GB');
    expect(of('/topics/world/')).toBe('en-GB');
    expect(of('/articles/stadthaushalte/')).toBe('de-DE');
    expect(of('/articles/stadthaushalte/earlier/')).toBe('de-DE');
    expect(of('/og/stadthaushalte.jpg')).toBe('de-DE');
    expect(of('/articles/city-budgets/')).toBe('en-GB');
    expect(of('/articles/no-such-article/')).toBe('en-GB');
    // A path segment that only looks like a prefix is no language of this publication.
    expect(of('/fr/')).toBe('en-GB');
  });

  it('tells an article’s pages and card from its slug, and no other page', () => {
    expect(articleSlugOf('/articles/stadthaushalte/')).toBe('stadthaushalte');
    expect(articleSlugOf('/articles/stadthaushalte/updates.json')).toBe('stadthaushalte');
    expect(articleSlugOf('/og/stadthaushalte.jpg')).toBe('stadthaushalte');
    expect(articleSlugOf('/articles/%C3%BCber/')).toBe('über');
    expect(articleSlugOf('/de/')).toBeUndefined();
    expect(articleSlugOf('/articles/')).toBeUndefined();
  });

  it('refuses two languages under one path', () => {
    expect(languagePathProblems('en-GB', ['de-DE', 'fr-FR'])).toEqual([]);
    expect(languagePathProblems('en-GB', ['en-US'])).toEqual(['en-US would live under /en/, as en-GB is the language of the root: a publication has one language per language subtag']);
    expect(languagePathProblems('en-GB', ['de-DE', 'de-AT'])).toEqual(['de-AT would live under /de/, as de-DE does: a publication has one language per language subtag']);
  });

  it('names each language in itself', () => {
    expect(languageName('de-DE')).toBe('Deutsch');
    expect(languageName('en-GB')).toBe('English');
    expect(languageName('fr-FR')).toBe('Français');
    expect(languageName('ar-EG')).toBe('العربية');
  });
});

describe('translations', () => {
  const article = (id: string, language: string, translationOf?: string) => ({ id, language, data: { translationOf: translationOf ? { id: translationOf } : undefined } });

  it('group an original with its translations, each listing the others in the publication’s order of languages', () => {
    const original = article('budgets', 'en-GB');
    const german = article('haushalte', 'de-DE', 'budgets');
    const arabic = article('mizaniyat', 'ar-EG', 'budgets');
    const alone = article('alone', 'en-GB');
    const groups = translationsOf([arabic, alone, german, original], ['en-GB', 'de-DE', 'ar-EG']);
    expect(groups.get('budgets')).toEqual([german, arabic]);
    expect(groups.get('haushalte')).toEqual([original, arabic]);
    expect(groups.get('mizaniyat')).toEqual([original, german]);
    expect(groups.has('alone')).toBe(false);
  });

  it('are listed in the publication’s order of languages', () => {
    const versions = [{ language: 'ar-EG' }, { language: 'en-GB' }, { language: 'de-DE' }];
    expect(inLanguageOrder(versions, ['en-GB', 'de-DE', 'ar-EG']).map((version) => version.language)).toEqual(['en-GB', 'de-DE', 'ar-EG']);
  });

  it('are checked: a language of the publication, an original that exists in another language, one translation per language', () => {
    const fields = (slug: string, language?: string, translationOf?: string) => ({ slug, language, translationOf });
    const findings = checkTranslations(
      [
        fields('budgets'),
        fields('haushalte', 'de-DE', 'budgets'),
        fields('haushalte-2', 'de-DE', 'budgets'),
        fields('nowhere', 'de-DE', 'missing'),
        fields('broken-link', 'de-DE', 'broken'),
        fields('chain', 'ar-EG', 'haushalte'),
        fields('same', undefined, 'budgets'),
        fields('french', 'fr-FR'),
        fields('self', 'de-DE', 'self'),
      ],
      ['en-GB', 'de-DE', 'ar-EG'],
      new Set(['budgets', 'haushalte', 'haushalte-2', 'nowhere', 'broken', 'broken-link', 'chain', 'same', 'french', 'self']),
    );
    expect(Object.fromEntries(findings)).toEqual({
      'haushalte-2': [{ field: 'translationOf', message: '"haushalte" already translates "budgets" into de-DE' }],
      nowhere: [{ field: 'translationOf', message: '"missing" is no article (content/articles/<year>/missing/)' }],
      'broken-link': [{ field: 'translationOf', message: '"broken" is an article that failed its own checks (content/articles/<year>/broken/)' }],
      chain: [{ field: 'translationOf', message: '"haushalte" is itself a translation: name its original, "budgets"' }],
      same: [{ field: 'translationOf', message: '"budgets" is in en-GB too: a translation is in another language (set language)' }],
      french: [{ field: 'language', message: '"fr-FR" is not one of the publication\'s languages (settings.yml language and otherLanguages): en-GB, de-DE, ar-EG' }],
      self: [{ field: 'translationOf', message: 'names the article itself' }],
    });
  });
});

describe('sitemap alternates', () => {
  it('list each version of a page, with the xhtml namespace only where a file needs it', () => {
    const alternates = [
      { hreflang: 'en-GB', href: 'https://example.org/articles/a/' },
      { hreflang: 'de-DE', href: 'https://example.org/articles/b/' },
    ];
    const files = sitemapFiles('https://example.org/', [
      { loc: 'https://example.org/articles/a/', alternates, group: 'articles-2026-11' },
      { loc: 'https://example.org/about/', group: 'pages' },
    ]);
    expect(files.get('sitemap-articles-2026-11.xml')).toContain(
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>https://example.org/articles/a/</loc><xhtml:link rel="alternate" hreflang="en-GB" href="https://example.org/articles/a/"/><xhtml:link rel="alternate" hreflang="de-DE" href="https://example.org/articles/b/"/></url>',
    );
    expect(files.get('sitemap-pages.xml')).not.toContain('xmlns:xhtml');
  });
});
