import { languageRss } from '../feeds/language-feeds.ts';

export const GET = languageRss;
