/**
 * WordPress users become Broadsheet authors: the id from the login, the
 * display name, the biography and website where the export has them. The
 * user's email address is private to WordPress and is not published. A
 * post's byline is its author plus every co-author Co-Authors Plus records
 * (`<category domain="author" nicename="cap-…">`, whose text is the login);
 * a co-author with no user (a guest author) is named by that text.
 */
import { ABSOLUTE_URL_PATTERN, type AuthorInput } from '../../content/schema.ts';
import { slugify } from '../../lib/slug.ts';
import { decodeEntities } from './text.ts';
import type { WxrAuthor, WxrTermRef } from './wxr.ts';

export interface PlannedAuthor {
  id: string;
  /** The author's archive segment on the old site (`/author/<nicename>/`). */
  nicename: string;
  file: AuthorInput;
  /** Known only by a co-author record: the name may be a login. */
  guest: boolean;
}

const absoluteUrl = new RegExp(ABSOLUTE_URL_PATTERN);

/** WordPress's `user_nicename`: the login in lowercase, with anything but letters, digits, `_` and `-` made a hyphen. */
export function wordpressNicename(login: string): string {
  return login
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Authors by login, created as posts name them; ids stay unique however logins slugify. */
export class AuthorPlanner {
  private readonly byLogin = new Map<string, PlannedAuthor>();
  private readonly ids = new Set<string>();
  private readonly users: Map<string, WxrAuthor>;

  constructor(users: readonly WxrAuthor[]) {
    this.users = new Map(users.map((user) => [user.login, user]));
  }

  private uniqueId(wanted: string): string {
    let id = wanted;
    for (let number = 2; this.ids.has(id); number += 1) id = `${wanted}-${number}`;
    this.ids.add(id);
    return id;
  }

  /** The author of a post, by its `dc:creator` login. */
  byCreator(login: string): PlannedAuthor {
    const known = this.byLogin.get(login);
    if (known) return known;
    const user = this.users.get(login);
    const id = this.uniqueId(slugify(login) || `author-${user?.id || this.byLogin.size + 1}`);
    const name = decodeEntities(user?.displayName || [user?.firstName, user?.lastName].filter(Boolean).join(' ') || login).trim() || id;
    const file: AuthorInput = { name };
    const bio = decodeEntities(user?.description ?? '').trim();
    if (bio) file.bio = bio;
    if (user?.url && absoluteUrl.test(user.url) && URL.canParse(user.url)) file.links = { website: user.url };
    const planned: PlannedAuthor = { id, nicename: wordpressNicename(login), file, guest: false };
    this.byLogin.set(login, planned);
    return planned;
  }

  /** A Co-Authors Plus co-author: a user when the text is a known login, else a guest author. */
  byCoAuthor(term: WxrTermRef): PlannedAuthor {
    if (this.users.has(term.name) || this.byLogin.has(term.name)) return this.byCreator(term.name);
    const key = `cap:${term.nicename}`;
    const known = this.byLogin.get(key);
    if (known) return known;
    const nicename = term.nicename.replace(/^cap-/, '');
    const id = this.uniqueId(slugify(nicename) || slugify(term.name) || `author-${this.byLogin.size + 1}`);
    const planned: PlannedAuthor = { id, nicename, file: { name: decodeEntities(term.name) || id }, guest: true };
    this.byLogin.set(key, planned);
    return planned;
  }

  /** Every author a post named, in the order first named. */
  all(): PlannedAuthor[] {
    return [...new Set(this.byLogin.values())];
  }
}
