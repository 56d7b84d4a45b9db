import { describe, expect, it } from 'vitest';
import { aroundSlot } from '../../src/lib/message-slot.ts';

describe('message slots', () => {
  it('splits a message where its placeholder stands, wherever the language puts it', () => {
    expect(aroundSlot('Published {time}', 'time')).toEqual(['Published ', '']);
    expect(aroundSlot('{time} veröffentlicht', 'time')).toEqual(['', ' veröffentlicht']);
    expect(aroundSlot('Von {names} geschrieben', 'names')).toEqual(['Von ', ' geschrieben']);
  });

  it('keeps a message without the placeholder whole', () => {
    expect(aroundSlot('Published', 'time')).toEqual(['Published', '']);
  });
});
