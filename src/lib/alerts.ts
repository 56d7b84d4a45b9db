/**
 * Site-wide alerts (a breaking-news banner). Pages do not carry them: each
 * page fetches `/alerts.json`, so posting or clearing an alert rebuilds one
 * small file, not the site. The browser drops expired alerts itself, so an
 * alert ends on time even when nothing has been rebuilt since.
 */

export const ALERT_LEVELS = ['breaking', 'notice'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

/** An alert as `/alerts.json` carries it. */
export interface PublicAlert {
  /** Changes when the alert's words change, so a reader who dismissed it sees a new one. */
  id: string;
  text: string;
  link?: string;
  level: AlertLevel;
  /** ISO 8601; absent for an alert that runs until cleared. */
  expires?: string;
}

/** Alerts still running at `now`, breaking news first, otherwise in the order editors listed them. */
export function activeAlerts<T extends { level: AlertLevel; expires?: string | Date | undefined }>(alerts: readonly T[], now: number): T[] {
  const running = alerts.filter((alert) => alert.expires === undefined || new Date(alert.expires).getTime() > now);
  return [...running.filter((alert) => alert.level === 'breaking'), ...running.filter((alert) => alert.level !== 'breaking')];
}
