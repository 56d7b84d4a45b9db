/** Google News asks for articles from the last two days only: how long an article stays in the news sitemap. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
