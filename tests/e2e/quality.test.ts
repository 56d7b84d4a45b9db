import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { axeViolations, brokenLinks, htmlFiles, invalidHtml } from '../support/quality-checks.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { readSampleArticles } from '../support/sample.ts';

describe('quality gates over the built sample site', () => {
  let dist: string;
  let files: string[];

  beforeAll(() => {
    dist = inject('sampleSiteDir');
    files = htmlFiles(dist);
  });

  it('every page is valid HTML', async () => {
    expect(await invalidHtml(dist, files)).toEqual([]);
  });

  it('no internal link or anchor is broken', () => {
    expect(brokenLinks(dist, files)).toEqual([]);
  });

  it('every image has alt text (empty only where it is decorative)', () => {
    const missing: string[] = [];
    for (const file of files) {
      for (const [tag] of fs.readFileSync(file, 'utf8').matchAll(/<img\b[^>]*>/g)) {
        if (!/\salt([=\s>]|$)/.test(tag)) missing.push(`${path.relative(dist, file)}: ${tag.slice(0, 80)}`);
      }
    }
    expect(missing).toEqual([]);
  });

  describe('in Chromium', () => {
    let server: StaticServer;
    let browser: Browser;
    const article = readSampleArticles().find((candidate) => candidate.published && candidate.hasImage)!;
    // Once each: the illustrated article may be one of the formats below, and each test needs a name of its own.
    const pages = [
      ...new Set([
        '/',
        `/articles/${article.slug}/`,
        '/topics/world/',
        '/topics/world/2/',
        `/authors/${article.authors[0]}/`,
        '/tags/',
        `/archive/`,
        '/archive/2026/',
        '/archive/2026/11/',
        '/archive/2026/11/29/',
        '/search/?q=water',
        '/no-such-page/',
        // The newsroom formats: a running and an ended live story, an opinion column, a sponsored piece, an old article, a series.
        '/articles/storm-ilka-north-sea-live/',
        '/articles/river-data-talks-final-night-live/',
        '/articles/city-budgets-need-a-storm-line/',
        '/articles/heat-pump-installers-training-partner/',
        '/articles/leap-second-phase-out-timekeepers/',
        '/series/river-commons/',
        '/series/',
      ]),
    ];

    beforeAll(async () => {
      server = await serveStatic(dist);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it.each(pages)('%s breaks no content security policy rule', async (url) => {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.goto(`${server.url}${url}`, { waitUntil: 'networkidle' });
      expect(violations).toEqual([]);
      await page.close();
    });

    it.each(pages)('%s has no axe violations, in light and dark themes', async (url) => {
      expect(await axeViolations(browser, `${server.url}${url}`), url).toEqual([]);
    });
  });
});

