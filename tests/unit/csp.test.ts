import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { frameHostsFor, pagePolicy, withPolicy } from '../../src/lib/csp.ts';
import { IFRAME_HOSTS } from '../../src/lib/html-policy.ts';

const sha256 = (text: string) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The policy as directive name → sources, in order. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(map.has(name), `${name} appears once`).toBe(false);
    map.set(name, sources);
  }
  return map;
}

const policyOf = (html: string, frameHosts: string[] = []) => directives(pagePolicy(html, { frameHosts }));

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('pagePolicy', () => {
  it('keeps the directives the site relies on', () => {
    const policy = policyOf(page('<p>Hello</p>'));
    expect(Object.fromEntries(policy)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'", "'wasm-unsafe-eval'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'frame-src': ["'none'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
    });
  });

  it("lets forms post to the newsletter provider's origin, and only forms", () => {
    const policy = directives(pagePolicy(page('<p>Hello</p>'), { frameHosts: [], formOrigins: ['https://newsletters.example'] }));
    expect(policy.get('form-action')).toEqual(["'self'", 'https://newsletters.example']);
    expect(policy.has('connect-src')).toBe(false);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('allows each inline script by the hash of its exact body', () => {
    const first = 'document.documentElement.dataset.theme = localStorage.getItem("theme") ?? "auto";';
    const second = '\n  import "/search.js";\n';
    const policy = policyOf(page(`<script type="module">${second}</script>`, `<script>${first}</script>`));
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", sha256(first), sha256(second)]);
    // Whitespace is part of the body: a trimmed hash would not match in the browser.
    expect(policy.get('script-src')).not.toContain(sha256(second.trim()));
  });

  it('hashes the script body, not the element', () => {
    const body = 'console.log(1)';
    const policy = policyOf(page(`<SCRIPT data-x="1">${body}</SCRIPT>`));
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", sha256(body)]);
  });

  it('hashes an inline script whose attributes merely end in "src"', () => {
    const body = 'customElements.define("x-y", class extends HTMLElement {})';
    const policy = policyOf(page(`<script data-src="/later.js">${body}</script>`));
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", sha256(body)]);
  });

  it('does not hash external scripts or data blocks', () => {
    const html = page(
      [
        '<script src="/_astro/page.js" type="module"></script>',
        '<script type="module" src="/pagefind/pagefind-ui.js"></script>',
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle"}</script>',
        '<script type="application/json" id="search-config">{"bundle":"/pagefind/"}</script>',
        "<script type='application/json'>{}</script>",
        '<script type="text/plain">not code</script>',
      ].join(''),
    );
    expect(policyOf(html).get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('lists a script body used twice once', () => {
    const body = 'window.flag = true;';
    const policy = policyOf(page(`<script>${body}</script><p>x</p><script>${body}</script>`));
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", sha256(body)]);
  });

  it('allows inline style elements by hash, without unsafe-hashes', () => {
    const css = ':root{--accent:#a00}\nbody{margin:0}';
    const policy = policyOf(page('', `<style>${css}</style><style data-astro-cid-x>${css}</style>`));
    expect(policy.get('style-src')).toEqual(["'self'", sha256(css)]);
  });

  it('allows style attributes by the hash of their decoded value, with unsafe-hashes', () => {
    const html = page(
      [
        '<div style="--ratio: 16/9"></div>',
        '<span style="font-family: &quot;Source Serif 4&quot;, serif; content: &#39;&lt;&amp;&gt;&#39;"></span>',
        '<p style="--ratio: 16/9">again</p>',
        '<i style="content: &amp;quot;"></i>',
      ].join(''),
    );
    expect(policyOf(html).get('style-src')).toEqual([
      "'self'",
      "'unsafe-hashes'",
      sha256('--ratio: 16/9'),
      sha256(`font-family: "Source Serif 4", serif; content: '<&>'`),
      // An escaped ampersand is decoded once: `&amp;quot;` is the text `&quot;`.
      sha256('content: &quot;'),
    ]);
  });

  it('lists style elements before style attributes', () => {
    const html = page('<b style="color: red"></b>', '<style>b{}</style>');
    expect(policyOf(html).get('style-src')).toEqual(["'self'", sha256('b{}'), "'unsafe-hashes'", sha256('color: red')]);
  });

  it('allows frames only from the given hosts, over https', () => {
    expect(policyOf(page(''), ['www.youtube-nocookie.com', 'player.vimeo.com']).get('frame-src')).toEqual([
      'https://www.youtube-nocookie.com',
      'https://player.vimeo.com',
    ]);
    expect(policyOf(page(''), IFRAME_HOSTS).get('frame-src')).toEqual(IFRAME_HOSTS.map((host) => `https://${host}`));
  });

  it('lets a page frame the embed hosts only when it holds an iframe or live coverage', () => {
    expect(frameHostsFor(page('<p>No embeds</p>'), IFRAME_HOSTS)).toEqual([]);
    expect(frameHostsFor(page('<p>Written about &lt;iframe&gt;</p>'), IFRAME_HOSTS)).toEqual([]);
    expect(frameHostsFor(page('<figure><iframe src="https://www.youtube-nocookie.com/embed/x"></iframe></figure>'), IFRAME_HOSTS)).toEqual(IFRAME_HOSTS);
    expect(frameHostsFor(page('<live-updates data-src="/articles/x/updates.json"></live-updates>'), IFRAME_HOSTS)).toEqual(IFRAME_HOSTS);
  });

  it('never allows unsafe-inline or eval, whatever the page holds', () => {
    const html = page(
      '<script>a()</script><div style="color: red"></div><iframe src="https://player.vimeo.com/video/1"></iframe>',
      '<style>p{}</style><script src="/x.js"></script>',
    );
    const policy = pagePolicy(html, { frameHosts: IFRAME_HOSTS });
    expect(policy).not.toContain("'unsafe-inline'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toContain('*');
    expect(directives(policy).get('script-src')).toContain("'wasm-unsafe-eval'");
  });
});

describe('withPolicy', () => {
  const policy = pagePolicy(page('<script>a()</script>'), { frameHosts: [] });

  it('puts the policy right after the charset, before any script', () => {
    const html = page('<script>a()</script>', '<title>T</title><script src="/x.js"></script>');
    const out = withPolicy(html, policy);
    expect(out).toBe(
      html.replace('<meta charset="utf-8">', `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}">`),
    );
    expect(out.indexOf('Content-Security-Policy')).toBeLessThan(out.indexOf('<script'));
  });

  it('falls back to the start of <head> without a charset declaration', () => {
    const out = withPolicy('<html><head><title>T</title></head></html>', "default-src 'self'");
    expect(out).toBe(
      `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'"><title>T</title></head></html>`,
    );
  });

  it('escapes double quotes in the attribute', () => {
    const out = withPolicy('<head><meta charset="utf-8"></head>', 'x "y"');
    expect(out).toBe('<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="x &quot;y&quot;"></head>');
  });
});
