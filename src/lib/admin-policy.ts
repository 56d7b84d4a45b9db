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
