import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptParts } from '../../src/lib/search-excerpt.ts';

describe('excerptParts', () => {
  it('splits an excerpt into plain and marked text', () => {
    expect(excerptParts('The <mark>tidewater</mark> rose, then the <mark>tide</mark>.')).toEqual([
      { text: 'The ', marked: false },
      { text: 'tidewater', marked: true },
      { text: ' rose, then the ', marked: false },
      { text: 'tide', marked: true },
      { text: '.', marked: false },
    ]);
  });

  it('decodes escaped page text, so it can be shown as text', () => {
    expect(excerptParts('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>co</mark>')).toEqual([
      { text: '<script>alert("x")</script> & ', marked: false },
      { text: 'co', marked: true },
    ]);
  });

  it('keeps any other tag as literal text, never as markup', () => {
    const parts = excerptParts('<img src=x onerror=alert(1)><mark><b>bold</b></mark>');
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)>', marked: false },
      { text: '<b>bold</b>', marked: true },
    ]);
  });

  it('survives unbalanced marks', () => {
    expect(excerptParts('a</mark>b<mark>c')).toEqual([
      { text: 'ab', marked: false },
      { text: 'c', marked: true },
    ]);
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric references and leaves unknown ones alone', () => {
    expect(decodeEntities('&#39;&#x27;&apos; &#8212; &copy; &#0; &#x110000;')).toBe("''' — &copy; &#0; &#x110000;");
  });
});
