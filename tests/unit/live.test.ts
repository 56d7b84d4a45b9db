import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coverageEnd, liveStream, titleWithCount, unseenUpdates, updateAnchor, updateText, updateTitle } from '../../src/lib/live.ts';
import { translator, type Dictionary } from '../../src/i18n/translate.ts';

const t = translator(JSON.parse(fs.readFileSync('src/i18n/languages/en.json', 'utf8')) as Dictionary, 'en-GB');

const update = (id: string, minute: number, flags: { pinned?: boolean; keyEvent?: boolean } = {}) => ({
  id,
  time: new Date(Date.UTC(2026, 10, 29, 10, minute)),
  pinned: flags.pinned ?? false,
  keyEvent: flags.keyEvent ?? false,
});

describe('live stream order', () => {
  const updates = [update('a', 1, { keyEvent: true }), update('b', 5, { pinned: true }), update('c', 9), update('d', 3, { pinned: true, keyEvent: true })];
  const stream = liveStream(updates);

  it('leads with the newest pinned update and lists the rest newest first, older pins included', () => {
    expect(stream.pinned?.id).toBe('b');
    expect(stream.rest.map((item) => item.id)).toEqual(['c', 'd', 'a']);
  });

  it('lists key events newest first', () => {
    expect(stream.keyEvents.map((item) => item.id)).toEqual(['d', 'a']);
  });

  it('has no pinned update when none is pinned', () => {
    expect(liveStream([update('x', 1)]).pinned).toBeUndefined();
  });
});

describe('live helpers', () => {
  it('anchors updates as #update-<id>', () => {
    expect(updateAnchor('20261129-070500')).toBe('update-20261129-070500');
  });

  it('ends coverage at the time set, else at the last update, else at publication', () => {
    const published = new Date('2026-11-29T07:00:00Z');
    const ended = new Date('2026-11-29T20:00:00Z');
    expect(coverageEnd(ended, [update('a', 1)], published)).toBe(ended);
    expect(coverageEnd(undefined, [update('a', 1), update('b', 40)], published).toISOString()).toBe('2026-11-29T10:40:00.000Z');
    expect(coverageEnd(undefined, [], published)).toBe(published);
  });

  it('counts new updates for the button and the tab title', () => {
    expect(t('live.newUpdates', { count: 1 })).toBe('1 new update');
    expect(t('live.newUpdates', { count: 4 })).toBe('4 new updates');
    expect(titleWithCount('Storm live', 3)).toBe('(3) Storm live');
    expect(titleWithCount('Storm live', 0)).toBe('Storm live');
  });

  it('finds the updates a page does not show yet', () => {
    expect(unseenUpdates([{ id: 'c' }, { id: 'b' }, { id: 'a' }], new Set(['a', 'b'])).map((item) => item.id)).toEqual(['c']);
  });

  it('names an update by its headline, else by its first words', () => {
    const text = updateText('<p>Ferries &amp; trains <strong>stopped</strong> along the coast this morning because of the wind.</p>');
    expect(text).toBe('Ferries & trains stopped along the coast this morning because of the wind.');
    expect(updateTitle('Ferries stop', text)).toBe('Ferries stop');
    expect(updateTitle(undefined, text, 30)).toBe('Ferries & trains stopped along…');
  });
});

describe('long live stories', () => {
  it('keeps the newest updates on the page and moves the rest to the earlier-updates page, the pin apart', () => {
    const updates = Array.from({ length: 8 }, (_, index) => update(`u${index}`, index, { pinned: index === 2 }));
    const { pinned, rest, earlier } = liveStream(updates, 5);
    expect(pinned?.id).toBe('u2');
    expect(rest.map((item) => item.id)).toEqual(['u7', 'u6', 'u5', 'u4', 'u3']);
    expect(earlier.map((item) => item.id)).toEqual(['u1', 'u0']);
  });
});
