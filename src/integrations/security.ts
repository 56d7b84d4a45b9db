/**
 * After the build: a hash-based content security policy in every page, and a
 * `_headers` file (Netlify / Cloudflare Pages format) with the headers a
 * static host should send.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pagePolicy, withPolicy } from '../lib/csp.ts';
import { IFRAME_HOSTS } from '../lib/html-policy.ts';
import { site } from '../site.config.ts';

/**
 * Decap CMS styles itself inline, reads chosen files through blob: URLs and
 * talks to the local editing server or the git host's API.
 */
export const ADMIN_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  `connect-src 'self' blob: data: http://localhost:${site.decapPort} http://127.0.0.1:${site.decapPort} https://api.github.com https://gitlab.com https://raw.githubusercontent.com`,
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/** Sent with every response; directives a <meta> policy cannot carry. */
export const HEADERS = `/*
  Content-Security-Policy: frame-ancestors 'self'; object-src 'none'; base-uri 'self'
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()
  Cross-Origin-Opener-Policy: same-origin

/_astro/*
  Cache-Control: public, max-age=31536000, immutable

/pagefind/*
  Cache-Control: public, max-age=3600

/og/*
  Cache-Control: public, max-age=86400

/admin/*
  X-Robots-Tag: noindex
  Cache-Control: no-cache
`;

function htmlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => path.join(dir, file));
}

export function securityIntegration(): AstroIntegration {
  return {
    name: 'broadsheet:security',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = htmlFiles(root);
        for (const file of files) {
          const html = fs.readFileSync(file, 'utf8');
          const isAdmin = path.relative(root, file).split(path.sep)[0] === 'admin';
          const policy = isAdmin ? ADMIN_POLICY : pagePolicy(html, { frameHosts: IFRAME_HOSTS });
          fs.writeFileSync(file, withPolicy(html, policy));
        }
        fs.writeFileSync(path.join(root, '_headers'), HEADERS);
        logger.info(`content security policy added to ${files.length} pages; _headers written`);
      },
    },
  };
}
