import { describe, expect, it } from 'vitest';
import { countWords, minutesFor, WORDS_PER_MINUTE } from '../../src/lib/read-time.ts';

describe('read time', () => {
  it('counts words, not markup', () => {
    expect(countWords('## A heading\n\nSome **bold** text with [a link](https://example.org/x).')).toBe(8);
    expect(countWords('```js\nconst ignored = 1;\n```\nTwo words')).toBe(2);
    expect(countWords('<PullQuote cite="Someone">Three words here</PullQuote>')).toBe(3);
    expect(countWords('Élan, naïve café — 2026’s plan')).toBe(5);
  });

  it('counts rendered HTML the same way', () => {
    expect(countWords('<h2 id="a">A heading</h2><p>Don&#x27;t &amp; <a href="https://example.org/x">a link</a>.</p>')).toBe(5);
    expect(countWords('<pre><code>const ignored = 1;</code></pre><p>Two words</p>')).toBe(2);
  });

  it('rounds to whole minutes with a one-minute floor', () => {
    expect(minutesFor(countWords(''))).toBe(1);
    expect(minutesFor(countWords('word '.repeat(WORDS_PER_MINUTE * 6)))).toBe(6);
    expect(minutesFor(countWords('word '.repeat(Math.round(WORDS_PER_MINUTE * 2.4))))).toBe(2);
  });
});
