/** The quality gates every built site must pass, whatever its language: valid HTML, no broken link, no axe violation. */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import type { Browser } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The built pages, the CMS's shell left out. */
export function htmlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith('admin'))
    .map((file) => path.join(dir, file));
}

/** Ids and names a fragment can point at. */
function anchorsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\s(?:id|name)="([^"]+)"/g)].map((match) => match[1]!));
}

/** Every error html-validate finds, as `file:line:column rule message`. */
export async function invalidHtml(dist: string, files: string[]): Promise<string[]> {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const failures: string[] = [];
  for (const file of files) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const message of result.messages.filter((m) => m.severity === 2)) {
        failures.push(`${path.relative(dist, file)}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
      }
    }
  }
  return failures;
}

/** Every internal link or fragment that leads nowhere, as `page → href`. */
export function brokenLinks(dist: string, files: string[]): string[] {
  const anchors = new Map<string, Set<string>>();
  const pageFor = (pathname: string): string | undefined => {
    const direct = path.join(dist, decodeURIComponent(pathname));
    if (fs.existsSync(direct) && fs.statSync(direct).isFile()) return direct;
    const index = path.join(direct, 'index.html');
    return fs.existsSync(index) ? index : undefined;
  };
  const broken: string[] = [];
  for (const file of files) {
    const html = fs.readFileSync(file, 'utf8');
    const here = `/${path.relative(dist, file).replace(/index\.html$/, '')}`;
    for (const [, attribute, url] of html.matchAll(/\s(href|src)="([^"]+)"/g)) {
      if (/^[a-z]+:/i.test(url!) || url!.startsWith('//')) continue;
      const target = new URL(url!.replace(/&amp;/g, '&'), `https://site.test${here}`);
      const targetFile = pageFor(target.pathname);
      if (!targetFile) {
        broken.push(`${here} → ${attribute}=${url}`);
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && targetFile.endsWith('.html')) {
        if (!anchors.has(targetFile)) anchors.set(targetFile, anchorsOf(fs.readFileSync(targetFile, 'utf8')));
        if (!anchors.get(targetFile)!.has(fragment)) broken.push(`${here} → #${fragment} missing in ${target.pathname}`);
      }
    }
  }
  return broken;
}

/** Axe's violations on a page, in the light and the dark theme, each as `theme rule: targets`. */
export async function axeViolations(browser: Browser, url: string): Promise<string[]> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const found: string[] = [];
  for (const theme of ['light', 'dark']) {
    await page.addInitScript((value) => localStorage.setItem('broadsheet-theme', value), theme);
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      // target-size (WCAG 2.2 AA, 24 × 24 px) is off in axe's defaults; Lighthouse checks it, so do we.
      const result = await axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } });
      return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
    });
    found.push(...violations.map((violation) => `${theme} ${violation}`));
  }
  await context.close();
  return found;
}
