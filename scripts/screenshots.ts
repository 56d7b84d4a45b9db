/**
 * Refreshes the README screenshots from a built site:
 *   npm run build && npm run screenshots
 *   npm run screenshots -- <built site> <name prefix>     e.g. another language's build: ar- gives ar-home.png
 * Uses Debian's Chromium (or CHROMIUM_PATH) and the same static server as the tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const out = path.resolve('docs/screenshots');
const prefix = process.argv[3] ?? '';
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`No built site in ${dist}: run npm run build first.`);
  process.exit(1);
}

const home = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const lead = /class="top[\s"][\s\S]*?href="(\/articles\/[^"]+\/)"/.exec(home)?.[1];
if (!lead) throw new Error('Could not find the lead story on the home page');

const server = await serveStatic(dist);
const browser = await launchBrowser();
try {
  const shots: [string, string, { width: number; height: number }, 'light' | 'dark'][] = [
    [`${prefix}home.png`, '/', { width: 1280, height: 1500 }, 'light'],
    [`${prefix}article.png`, lead, { width: 1280, height: 1700 }, 'light'],
    [`${prefix}article-mobile-dark.png`, lead, { width: 390, height: 1400 }, 'dark'],
  ];
  for (const [file, url, viewport, theme] of shots) {
    const page = await browser.newPage({ viewport, colorScheme: theme });
    await page.goto(`${server.url}${url}`, { waitUntil: 'networkidle' });
    await page.screenshot({ path: path.join(out, file) });
    await page.close();
    console.log(`wrote docs/screenshots/${file}`);
  }
} finally {
  await browser.close();
  await server.close();
}
