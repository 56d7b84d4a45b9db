/**
 * YouTube and Vimeo embeds, the only frames an article body may hold (see
 * `src/lib/html-policy.ts`). WordPress stores an embed as the page address of
 * the video (a block, an `[embed]` or a bare URL on its own line); Broadsheet
 * writes the player itself, as an iframe with a title, and YouTube's from its
 * privacy-enhanced host.
 */
import { escapeXml } from '../../lib/xml.ts';

export interface VideoEmbed {
  provider: 'YouTube' | 'Vimeo';
  /** The player's address. */
  src: string;
}

const YOUTUBE_ID = /^[\w-]{6,20}$/;
const VIMEO_ID = /^\d{4,12}$/;

/** Seconds from YouTube's `t=` (`90`, `90s`, `1m30s`). */
function startSeconds(value: string | null): number | undefined {
  if (!value) return undefined;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value);
  if (!match || match[0] === '') return undefined;
  const seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return seconds > 0 ? seconds : undefined;
}

function youtube(url: URL): VideoEmbed | undefined {
  const host = url.hostname.replace(/^(www|m)\./, '');
  let id: string | undefined;
  if (host === 'youtu.be') id = url.pathname.split('/')[1];
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const [first, second] = url.pathname.split('/').slice(1);
    if (first === 'watch') id = url.searchParams.get('v') ?? undefined;
    else if (first === 'embed' || first === 'shorts' || first === 'live' || first === 'v') id = second;
  }
  if (!id || !YOUTUBE_ID.test(id)) return undefined;
  const start = startSeconds(url.searchParams.get('t') ?? url.searchParams.get('start'));
  return { provider: 'YouTube', src: `https://www.youtube-nocookie.com/embed/${id}${start ? `?start=${start}` : ''}` };
}

function vimeo(url: URL): VideoEmbed | undefined {
  const host = url.hostname.replace(/^www\./, '');
  if (host !== 'vimeo.com' && host !== 'player.vimeo.com') return undefined;
  const id = url.pathname.split('/').filter(Boolean).find((segment) => VIMEO_ID.test(segment));
  return id ? { provider: 'Vimeo', src: `https://player.vimeo.com/video/${id}` } : undefined;
}

/** The player for a YouTube or Vimeo address (page, short link or player); undefined for anything else. */
export function videoEmbed(address: string): VideoEmbed | undefined {
  let url: URL;
  try {
    url = new URL(address.trim().replace(/&amp;/g, '&'));
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return youtube(url) ?? vimeo(url);
}

/** A Vimeo shortcode may name the video by its number alone. */
export function vimeoById(id: string): VideoEmbed | undefined {
  return VIMEO_ID.test(id) ? { provider: 'Vimeo', src: `https://player.vimeo.com/video/${id}` } : undefined;
}

/** The iframe as an article body holds it; the title names the video for screen readers. */
export function embedHtml(embed: VideoEmbed, title: string): string {
  const name = title.trim() || `${embed.provider} video`;
  return `<iframe src="${escapeXml(embed.src)}" title="${escapeXml(name)}"></iframe>`;
}
