/**
 * After the build: a `_headers` file (Netlify / Cloudflare Pages format) with
 * the headers a static host should send. Each page's own hash-based policy is
 * added as it renders (`src/middleware.ts`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

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

/alerts.json
  Cache-Control: public, max-age=60, must-revalidate

/articles/*/updates.json
  Cache-Control: public, max-age=15, must-revalidate

/admin/*
  X-Robots-Tag: noindex
  Cache-Control: no-cache
`;

export function securityIntegration(): AstroIntegration {
  return {
    name: 'broadsheet:security',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        fs.writeFileSync(path.join(fileURLToPath(dir), '_headers'), HEADERS);
        logger.info('_headers written');
      },
    },
  };
}
