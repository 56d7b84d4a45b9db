import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { markdownToHtml, type MarkdownToHtmlResult } from 'satteri';
import { isAllowedIframe, isSafeUrl, unsafeAttributes } from '../../src/lib/html-policy.ts';
import { sanitizeBody } from '../../src/markdown/sanitize.ts';

// With only synchronous plugins the result is synchronous.
const render = (markdown: string) =>
  (markdownToHtml(markdown, { hastPlugins: [sanitizeBody], fileURL: new URL('file:///site/content/articles/x/index.md') }) as MarkdownToHtmlResult).html;

describe('html policy', () => {
  it('accepts web, mail and relative URLs and refuses script-capable schemes, however disguised', () => {
    for (const url of ['https://example.org', '/topics/world/', '#notes', 'mailto:a@b.example', 'tel:+441234', 'page.html']) expect(isSafeUrl(url), url).toBe(true);
    for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x']) expect(isSafeUrl(url), url).toBe(false);
  });

  it('allows embeds only from the listed video hosts over https', () => {
    expect(isAllowedIframe('https://www.youtube-nocookie.com/embed/x')).toBe(true);
    expect(isAllowedIframe('https://player.vimeo.com/video/1')).toBe(true);
    expect(isAllowedIframe('http://www.youtube.com/embed/x')).toBe(false);
    expect(isAllowedIframe('https://evil.example/embed')).toBe(false);
    expect(isAllowedIframe(undefined)).toBe(false);
  });

  it('names handler and dangerous URL attributes', () => {
    expect(unsafeAttributes({ onClick: 'x', href: 'javascript:x', className: ['a'], src: '/a.png', srcset: '/a.png 1x, javascript:x 2x' }).sort()).toEqual(['href', 'onClick', 'srcset']);
  });
});

describe('sanitizeBody', () => {
  let warnings: string[];
  beforeEach(() => {
    warnings = [];
    vi.spyOn(console, 'warn').mockImplementation((message: string) => void warnings.push(message));
  });
  afterEach(() => vi.restoreAllMocks());

  it('removes script elements and handlers but keeps the text and safe markup', () => {
    const html = render('Hello <b onclick="x()">bold</b>.\n\n<script>alert(1)</script>\n\n<div class="box" onmouseover="y()"><img src="a.png" onerror="z()" alt="A"></div>');
    expect(html).not.toMatch(/script|onclick|onmouseover|onerror/i);
    expect(html).toContain('<b>bold</b>');
    expect(html).toContain('<img src="a.png" alt="A">');
    expect(html).toContain('class="box"');
  });

  it('drops javascript: and data: links but keeps their text', () => {
    const html = render('[a](javascript:alert(1)) [b](data:text/html,x) [c](https://example.org/)');
    expect(html).toBe('<p><a>a</a> <a>b</a> <a href="https://example.org/">c</a></p>\n');
  });

  it('keeps allowed embeds and removes the rest', () => {
    const html = render('<iframe src="https://evil.example/x"></iframe>\n\n<iframe src="https://player.vimeo.com/video/1" title="V"></iframe>');
    expect(html).not.toContain('evil.example');
    expect(html).toContain('player.vimeo.com');
  });

  it('warns once per removal, naming the file', () => {
    render('<script>x()</script>\n\n[a](javascript:x)');
    expect(warnings).toHaveLength(2);
    expect(warnings.every((warning) => warning.includes('/site/content/articles/x/index.md') || warning.includes('content/articles/x/index.md'))).toBe(true);
  });

  it('leaves clean Markdown untouched', () => {
    const markdown = '## Heading\n\nA [link](https://example.org) and ![pic](./a.png).';
    expect(render(markdown)).toBe((markdownToHtml(markdown) as MarkdownToHtmlResult).html);
    expect(warnings).toEqual([]);
  });
});
