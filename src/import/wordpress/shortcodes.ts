/**
 * WordPress shortcodes turned into the HTML WordPress would have shown, so
 * that one HTML-to-Markdown pass handles classic and block posts alike:
 * `[caption]` becomes a figure, `[gallery]` a figure of figures, `[embed]`,
 * `[youtube]` and `[vimeo]` the markup of an embed block. Shortcodes that
 * need the old site to work (forms, audio players, page builders) cannot be
 * converted: their tags go, what they enclosed stays, and each is reported.
 * Anything else in square brackets is ordinary text and stays as it is.
 */
import { escapeXml } from '../../lib/xml.ts';
import { videoEmbed, vimeoById } from './embeds.ts';

export interface GalleryImage {
  url: string;
  alt: string;
  caption: string;
}

export interface ShortcodeContext {
  /** The image of an attachment, by its post ID. */
  attachment: (id: string) => GalleryImage | undefined;
  /** Every image attached to the post, for a `[gallery]` that names none. */
  attachedImages: () => GalleryImage[];
}

export interface ExpandedShortcodes {
  html: string;
  /** Names of shortcodes that could not be converted, once each. */
  unconverted: string[];
}

/** Shortcodes that only work on a WordPress site with the plugin behind them. */
const UNCONVERTIBLE = new Set([
  'audio', 'video', 'playlist', 'contact-form', 'contact-form-7', 'gravityform', 'gravityforms', 'wpforms', 'ninja_form',
  'mc4wp_form', 'soundcloud', 'spotify', 'tweet', 'twitter', 'instagram', 'googlemaps', 'google-map', 'wpvideo', 'polldaddy',
  'crowdsignal', 'recipe', 'product', 'products', 'add_to_cart', 'email-subscribers', 'jetpack_subscription_form',
]);
/** Page builders write their layout as shortcodes with these prefixes (Divi, WPBakery, Shortcodes Ultimate, Fusion). */
const BUILDER_PREFIXES = ['et_pb_', 'vc_', 'su_', 'fusion_'];

const isUnconvertible = (name: string) => UNCONVERTIBLE.has(name) || BUILDER_PREFIXES.some((prefix) => name.startsWith(prefix));

/** `key="value"`, `key='value'`, `key=value` and bare values (numbered from 0), as WordPress reads them. */
export function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  let position = 0;
  for (const match of text.matchAll(/([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|(\S+)/g)) {
    const name = match[1] ?? match[3] ?? match[5];
    const value = match[2] ?? match[4] ?? match[6];
    if (name !== undefined && value !== undefined) attributes[name.toLowerCase()] = value;
    else attributes[String(position++)] = match[7] ?? match[8] ?? '';
  }
  return attributes;
}

const embedBlock = (url: string) => `<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">${escapeXml(url)}</div></figure>`;

function imageFigure(image: GalleryImage): string {
  const caption = image.caption ? `<figcaption>${escapeXml(image.caption)}</figcaption>` : '';
  return `<figure><img src="${escapeXml(image.url)}" alt="${escapeXml(image.alt)}">${caption}</figure>`;
}

/** `[caption]<img …> Words[/caption]`: the image (with any link round it) and the words after it as its caption. */
function caption(attributes: Record<string, string>, inner: string): string {
  const image = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
  const text = (image?.[2] ?? '').trim() || attributes['caption'] || '';
  return `<figure class="wp-caption">${image?.[1] ?? inner}${text ? `<figcaption>${text}</figcaption>` : ''}</figure>`;
}

function gallery(attributes: Record<string, string>, context: ShortcodeContext): string {
  const ids = (attributes['ids'] ?? attributes['include'] ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  const images = ids.length > 0 ? ids.flatMap((id) => context.attachment(id) ?? []) : context.attachedImages();
  return `<figure class="wp-block-gallery">${images.map(imageFigure).join('')}</figure>`;
}

/** `[youtube URL]`, `[youtube=URL]`, `[vimeo 12345]`: the address, however it was given. */
function videoShortcode(name: string, attributes: Record<string, string>, inner: string): string | undefined {
  const given = (attributes['0'] ?? attributes['url'] ?? attributes['id'] ?? inner).trim().replace(/^=/, '');
  const address = given.split(/[&\s]/)[0] ?? '';
  if (name === 'vimeo' && vimeoById(address)) return `https://vimeo.com/${address}`;
  return videoEmbed(address) ? address : undefined;
}

/** A shortcode and, where its closing tag follows, what it encloses. */
const SHORTCODE = /\[([a-zA-Z][\w-]*)((?:=|\s)[^\]]*?)?\/?\](?:([\s\S]*?)\[\/\1\])?/g;
/** The same without the enclosed part: a body with no closing tag at all need not be searched for one from every bracket. */
const SELF_CLOSING = /\[([a-zA-Z][\w-]*)((?:=|\s)[^\]]*?)?\/?\]/g;
/** `[[caption]]` is WordPress's way of writing a shortcode as text; it is set aside while shortcodes are expanded. */
const ESCAPED = /\[\[([a-zA-Z][^\]]*)\]\]/g;
const ESCAPE_START = '\uE000';
const ESCAPE_END = '\uE001';

/** Enclosing shortcodes nest (a builder's row holds columns): this many passes reach the innermost. */
const MAX_PASSES = 6;

export function expandShortcodes(html: string, context: ShortcodeContext): ExpandedShortcodes {
  const unconverted = new Set<string>();
  const pass = (text: string) => text.replace(/\[\/[a-zA-Z]/.test(text) ? SHORTCODE : SELF_CLOSING, (whole: string, rawName: string, rawAttributes: string | undefined, inner: unknown) => {
    const name = rawName.toLowerCase();
    const attributes = parseAttributes((rawAttributes ?? '').replace(/^=/, '0='));
    // Without the enclosing group, the next argument is the match's offset.
    const body = typeof inner === 'string' ? inner : '';
    switch (name) {
      case 'caption':
      case 'wp_caption':
        return caption(attributes, body);
      case 'gallery':
        return gallery(attributes, context);
      case 'embed': {
        const url = (body || attributes['0'] || '').trim();
        return videoEmbed(url) ? embedBlock(url) : `<p><a href="${escapeXml(url)}">${escapeXml(url)}</a></p>`;
      }
      case 'youtube':
      case 'vimeo': {
        const url = videoShortcode(name, attributes, body);
        if (url) return embedBlock(url);
        unconverted.add(name);
        return '';
      }
      default:
        if (!isUnconvertible(name)) return whole;
        unconverted.add(name);
        return body;
    }
  });
  let expanded = html.replace(ESCAPED, `${ESCAPE_START}$1${ESCAPE_END}`);
  for (let count = 0; count < MAX_PASSES; count += 1) {
    const next = pass(expanded);
    if (next === expanded) break;
    expanded = next;
  }
  const restored = expanded.replace(new RegExp(`${ESCAPE_START}([^${ESCAPE_END}]*)${ESCAPE_END}`, 'g'), '[$1]');
  return { html: restored, unconverted: [...unconverted] };
}

/** A YouTube or Vimeo address alone on its line (possibly as a link to itself): WordPress shows the player there. */
export function embedBareUrls(html: string): string {
  return html.replace(/^[ \t]*(?:<a\b[^>]*>)?(https?:\/\/[^\s<"]+)(?:<\/a>)?[ \t]*$/gim, (line, url: string) => (videoEmbed(url) ? embedBlock(url) : line));
}
