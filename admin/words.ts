/**
 * The words the CMS shows. Its bundle is one for every language, so the admin
 * page hands them over in `data-words` and `admin/main.ts` translates with them.
 */
import type { Section, WordKey } from '../src/i18n/translate.ts';
import { FORMAT_IDS } from '../src/lib/formats.ts';

/** Words the CMS shares with the site: format and link names as readers see them, and the article page's words its preview repeats. */
const SHARED_WORDS: readonly WordKey[] = [
  ...FORMAT_IDS.map((id) => `formats.${id}` as const),
  'author.links.website',
  'author.links.email',
  'article.byline',
  'article.status.draftNotice',
  'article.dates.published',
];

/** Every key the CMS translates: its own `cms` section, listed by `keysOf` (the publication's dictionary on the page, en.json in tests), and the shared words. */
export const cmsWordKeys = (keysOf: (section: Section) => readonly WordKey[]): WordKey[] => [...keysOf('cms'), ...SHARED_WORDS];
