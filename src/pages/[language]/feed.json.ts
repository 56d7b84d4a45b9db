import { languageJsonFeed } from '../../feeds/language-feeds.ts';
import { furtherLanguagePaths } from '../../i18n/language-routes.ts';

export const getStaticPaths = furtherLanguagePaths;
export const GET = languageJsonFeed;
