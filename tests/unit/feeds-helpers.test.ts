import { describe, expect, it } from 'vitest';
import { absolutizeHtml } from '../../src/lib/absolutize.ts';
import { serializeJsonLd } from '../../src/lib/json-ld.ts';
import { escapeXml, textAsHtml } from '../../src/lib/xml.ts';

describe('absolutizeHtml', () => {
  const base = 'https://news.example/articles/a-story/';
  it('makes relative links, images and srcsets absolute', () => {
    const html = '<a href="/topics/world/">w</a><img src="../../_astro/x.webp" srcset="/_astro/a.webp 400w, /_astro/b.webp 800w">';
    expect(absolutizeHtml(html, base)).toBe(
      '<a href="https://news.example/topics/world/">w</a><img src="https://news.example/_astro/x.webp" srcset="https://news.example/_astro/a.webp 400w, https://news.example/_astro/b.webp 800w">',
    );
  });
  it('leaves absolute URLs, mailto and fragments alone', () => {
    const html = '<a href="https://example.org/x">a</a><a href="mailto:a@b.example">m</a><a href="#notes">n</a>';
    expect(absolutizeHtml(html, base)).toBe(html);
  });
});

describe('serializeJsonLd', () => {
  it('cannot close the script element, and still parses to the same value', () => {
    const value = { headline: `</script><script>alert("x")</script> & <!-- \u2028` };
    const text = serializeJsonLd(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('escapeXml', () => {
  it('escapes markup characters and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
  });
});

describe('textAsHtml', () => {
  it('escapes markup so an HTML reader shows it as text', () => {
    expect(textAsHtml('Fish & chips <img src=x onerror=alert(1)> "quoted"')).toBe('Fish &amp; chips &lt;img src=x onerror=alert(1)&gt; "quoted"');
  });
  it('escapes an entity as written, so it reads back unchanged', () => {
    expect(textAsHtml('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
  });
});
