import { describe, expect, it } from 'vitest';
import { isVisible, visibility } from '../../src/lib/publish.ts';

const now = new Date('2026-11-29T12:00:00Z');

describe('publish rule', () => {
  it('publishes articles dated now or earlier', () => {
    expect(visibility({ draft: false, publishedAt: new Date('2026-11-29T12:00:00Z') }, now)).toBe('published');
    expect(visibility({ draft: false, publishedAt: new Date('2020-01-01T00:00:00Z') }, now)).toBe('published');
  });

  it('holds back future articles until a build runs after their time', () => {
    const scheduled = { draft: false, publishedAt: new Date('2026-11-29T12:00:01Z') };
    expect(visibility(scheduled, now)).toBe('scheduled');
    expect(isVisible(scheduled, now, false)).toBe(false);
    expect(isVisible(scheduled, new Date('2026-11-29T12:00:01Z'), false)).toBe(true);
  });

  it('never publishes drafts, whatever their date', () => {
    const draft = { draft: true, publishedAt: new Date('2020-01-01T00:00:00Z') };
    expect(visibility(draft, now)).toBe('draft');
    expect(isVisible(draft, now, false)).toBe(false);
  });

  it('shows everything in a preview build', () => {
    expect(isVisible({ draft: true, publishedAt: new Date('2099-01-01T00:00:00Z') }, now, true)).toBe(true);
  });
});
