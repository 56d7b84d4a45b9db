import { languageJsonFeed } from '../feeds/language-feeds.ts';

export const GET = languageJsonFeed;
