/**
 * What becomes of each item of the export. Posts become articles: published
 * ones published, scheduled ones (`future`) scheduled, drafts and posts
 * pending review drafts. Private, trashed and password-protected posts stay
 * behind, as do pages and other content types, and the report lists them.
 * Attachments are the media posts use; WordPress's own bookkeeping (menus,
 * revisions, stored styles) is passed over without a word.
 */
import type { WxrItem } from './wxr.ts';

export type ArticleStatus = 'published' | 'scheduled' | 'draft';

export type Classification =
  | { kind: 'article'; status: ArticleStatus }
  | { kind: 'attachment' }
  | { kind: 'skip'; reason: string }
  | { kind: 'ignore' };

/** Post types WordPress uses for its own machinery, not for anything a reader saw as a page. */
const MACHINERY = new Set([
  'nav_menu_item', 'revision', 'custom_css', 'customize_changeset', 'oembed_cache', 'user_request', 'wp_block', 'wp_template',
  'wp_template_part', 'wp_global_styles', 'wp_navigation', 'wp_font_family', 'wp_font_face', 'jp_pay_order', 'jp_pay_product',
  'feedback', 'jetpack_migration', 'amp_validated_url', 'acf-field', 'acf-field-group', 'wpcf7_contact_form', 'shop_order',
]);

const STATUSES: Record<string, ArticleStatus> = { publish: 'published', future: 'scheduled', draft: 'draft', pending: 'draft' };

export function classifyItem(item: WxrItem): Classification {
  const type = item.postType || 'post';
  if (type === 'attachment') return { kind: 'attachment' };
  if (MACHINERY.has(type)) return { kind: 'ignore' };
  if (type !== 'post') return { kind: 'skip', reason: type === 'page' ? 'a page, and only posts become articles: copy what it says into an article or the site settings by hand' : `of post type "${type}", and only posts become articles` };
  if (item.status === 'inherit') return { kind: 'ignore' };
  if (item.password) return { kind: 'skip', reason: 'password-protected, and would become public' };
  if (item.status === 'private') return { kind: 'skip', reason: 'private, and would become public' };
  if (item.status === 'trash') return { kind: 'skip', reason: 'in the trash' };
  const status = STATUSES[item.status];
  if (!status) return { kind: 'skip', reason: item.status === 'auto-draft' ? 'an automatic draft WordPress never saved' : `of status "${item.status || '(none)'}"` };
  return { kind: 'article', status };
}
