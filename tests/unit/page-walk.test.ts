import { describe, expect, it } from 'vitest';
import { formatPageWalk, parsePageWalk, sectionOf, type PageWalk } from '../../src/lib/page-walk.ts';

describe('the page walk report', () => {
  it('counts a page under the first segment of its address, the home page and root files under (root)', () => {
    expect(sectionOf('/articles/one/')).toBe('articles');
    expect(sectionOf('/')).toBe('(root)');
    expect(sectionOf('/rss.xml')).toBe('(root)');
    expect(sectionOf('/404.html')).toBe('(root)');
  });

  it('reads back what it wrote, in a line of the build output', () => {
    const walk: PageWalk = { listed: 130, rendered: 13, seconds: 0.24, bySection: { '(root)': 0.27, archive: 0.03 }, imagesEncoded: 4, imagesReused: 137, imageSeconds: 0.05 };
    const line = formatPageWalk(walk);
    expect(line).toContain('130 pages listed: 13 rendered, 117 kept from the last build');
    expect(parsePageWalk(`17:29:07 [broadsheet:page-walk] ${line}\n17:29:08 [build] Complete!`)).toEqual(walk);
  });

  it('reads a walk that rendered nothing, and nothing from output without the line', () => {
    const walk: PageWalk = { listed: 5, rendered: 0, seconds: 0.1, bySection: {}, imagesEncoded: 0, imagesReused: 0, imageSeconds: 0 };
    expect(parsePageWalk(formatPageWalk(walk))).toEqual(walk);
    expect(parsePageWalk('[build] Complete!')).toBeUndefined();
  });
});
