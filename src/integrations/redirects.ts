/**
 * After the build, when the content has a `redirects.yml`: a `_redirects`
 * file (Netlify and Cloudflare Pages format; `_headers` is the security
 * integration's) and, for hosts that read no redirect rules, a small redirect
 * page at each old address. Netlify and Cloudflare get no pages: Netlify
 * serves a file in preference to a rule, so a page would turn a 301 into a
 * meta refresh, and Cloudflare counts every file against its limit. A page
 * never replaces a file the build wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Redirects } from '../content/schema.ts';
import { hostFromEnv, type HostId } from '../lib/host-limits.ts';
import { redirectsFile } from '../lib/redirects-file.ts';
import { redirectPage, redirectPageFile } from '../lib/redirect-page.ts';
import { t } from '../i18n/site-words.ts';
import { site } from '../site.config.ts';

const REDIRECTS_FILE = '_redirects';
/** Hosts that read `_redirects` themselves. */
const RULE_HOSTS: readonly HostId[] = ['netlify', 'cloudflare-pages', 'cloudflare-pages-paid'];

/** Files a host reads as configuration and never serves. */
const HOST_FILES = new Set(['_headers', REDIRECTS_FILE]);

/** The address of every file the output serves: `x/index.html` answers at `/x/`. */
function siteAddresses(outDir: string): string[] {
  return fs
    .readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !(entry.parentPath === outDir && HOST_FILES.has(entry.name)))
    .map((entry) => `/${path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1'));
}

/** `checkedRedirects`: `redirects.yml` as the content check read it. */
export function redirectsIntegration(checkedRedirects: () => Redirects | undefined): AstroIntegration {
  return {
    name: 'broadsheet:redirects',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const redirects = checkedRedirects();
        if (!redirects || redirects.rules.length + redirects.redirects.length === 0) return;
        const outDir = fileURLToPath(dir);
        const host = hostFromEnv(process.env['BROADSHEET_HOST']);
        const written = redirectsFile({
          redirects,
          siteAddresses: redirects.rules.length > 0 ? siteAddresses(outDir) : [],
          queryLines: host === 'netlify',
        });
        const target = path.join(outDir, REDIRECTS_FILE);
        // A `_redirects` of the site's own in public/ keeps its lines, ahead of these.
        const own = fs.existsSync(target) ? `${fs.readFileSync(target, 'utf8').trimEnd()}\n\n` : '';
        fs.writeFileSync(target, own + written.text);
        logger.info(`${REDIRECTS_FILE} written: ${written.staticLines} single and ${written.dynamicLines} pattern lines`);
        if (host && RULE_HOSTS.includes(host)) return;

        let pages = 0;
        for (const { from, to } of redirects.redirects) {
          const file = redirectPageFile(from);
          if (!file) continue;
          const full = path.join(outDir, file);
          if (fs.existsSync(full)) continue;
          fs.mkdirSync(path.dirname(full), { recursive: true });
          fs.writeFileSync(full, redirectPage(to, site.url, site.locale, t));
          pages += 1;
        }
        logger.info(`${pages} redirect pages written for hosts without redirect rules`);
      },
    },
  };
}
