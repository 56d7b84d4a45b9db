/** The `[language]` routes: one page for each of the publication's further languages (none for a publication in one). */
import { site } from '../site.config.ts';
import { languagePrefix } from './language-paths.ts';

export function furtherLanguagePaths(): { params: { language: string } }[] {
  return site.locales.slice(1).map((tag) => ({ params: { language: languagePrefix(tag) } }));
}
