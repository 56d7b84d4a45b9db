import { describe, expect, it } from 'vitest';
import { activeAlerts } from '../../src/lib/alerts.ts';

const now = Date.parse('2026-11-29T12:00:00Z');

describe('active alerts', () => {
  it('drops expired alerts and keeps ones without an expiry', () => {
    const alerts = [
      { text: 'over', level: 'notice' as const, expires: '2026-11-29T11:59:59Z' },
      { text: 'running', level: 'notice' as const, expires: new Date('2026-11-29T12:00:01Z') },
      { text: 'until cleared', level: 'notice' as const },
    ];
    expect(activeAlerts(alerts, now).map((alert) => alert.text)).toEqual(['running', 'until cleared']);
  });

  it('puts breaking news first, otherwise keeps the editors’ order', () => {
    const alerts = [
      { text: 'n1', level: 'notice' as const },
      { text: 'b1', level: 'breaking' as const },
      { text: 'n2', level: 'notice' as const },
      { text: 'b2', level: 'breaking' as const },
    ];
    expect(activeAlerts(alerts, now).map((alert) => alert.text)).toEqual(['b1', 'b2', 'n1', 'n2']);
  });
});
