import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { StaticServer } from './static-server.ts';

interface Line {
  pattern: RegExp;
  to: string;
  status: number;
}

/**
 * Reads a `_redirects` file as Cloudflare Pages does, in a few lines of its
 * own (so that the build's writer is checked, not mirrored): lines of two or
 * three fields, `:name` for one segment, a final `*` for the rest as
 * `:splat`; anything else (Netlify's query lines) ignored.
 */
export function parseRedirects(text: string): Line[] {
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    if (fields.length < 2 || fields.length > 3) continue;
    const [from, to, status = '302'] = fields as [string, string, string?];
    const source = from
      .split(/(:[A-Za-z]\w*|\*$)/)
      .map((part) => (part === '*' ? '(?<splat>.*)' : part.startsWith(':') ? `(?<${part.slice(1)}>[^/]+)` : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    lines.push({ pattern: new RegExp(`^${source}$`), to, status: Number(status) });
  }
  return lines;
}

/**
 * Serves a built site as a host that reads `_redirects` does: the first
 * matching line decides, before any file (Cloudflare applies a rule even
 * where a file exists); a 200 line serves the target's file in place.
 * Otherwise like `serveStatic`.
 */
export async function serveWithRedirects(root: string): Promise<StaticServer> {
  const file = path.join(root, '_redirects');
  const lines = fs.existsSync(file) ? parseRedirects(fs.readFileSync(file, 'utf8')) : [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname = url.pathname;
    for (const line of lines) {
      const match = line.pattern.exec(pathname);
      if (!match) continue;
      const target = line.to.replace(/:([A-Za-z]\w*)/g, (whole, name: string) => match.groups?.[name] ?? whole);
      if (line.status !== 200) {
        res.writeHead(line.status, { location: target }).end();
        return;
      }
      pathname = target;
      break;
    }
    let filePath = path.join(root, decodeURIComponent(pathname));
    if (fs.existsSync(filePath) && fs.statSync(filePath).isDirectory()) filePath = path.join(filePath, 'index.html');
    if (!filePath.startsWith(root) || !fs.existsSync(filePath)) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': filePath.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream' });
    fs.createReadStream(filePath).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
