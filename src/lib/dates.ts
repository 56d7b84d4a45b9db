/** Date formatting in the publication's time zone, whatever the machine's zone is. */
export interface DateContext {
  locale: string;
  timeZone: string;
}

/** The publication's language and time zone: `site.config.ts` sets these, browser code falls back to them. */
export const PUBLICATION_DATES: DateContext = { locale: 'en-GB', timeZone: 'Europe/London' };

/** The locale and time zone a page hands its scripts in `data-locale` and `data-time-zone`. */
export function dateContextOf(dataset: DOMStringMap): DateContext {
  return { locale: dataset['locale'] ?? PUBLICATION_DATES.locale, timeZone: dataset['timeZone'] ?? PUBLICATION_DATES.timeZone };
}

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(ctx: DateContext, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${ctx.locale}|${ctx.timeZone}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(ctx.locale, { ...options, timeZone: ctx.timeZone });
    cache.set(key, format);
  }
  return format;
}

/** "27 November 2026" */
export function formatDate(date: Date, ctx: DateContext): string {
  return formatter(ctx, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** "27 November 2026, 07:30 GMT" */
export function formatDateTime(date: Date, ctx: DateContext): string {
  return formatter(ctx, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** "November 2026" */
export function formatMonth(date: Date, ctx: DateContext): string {
  return formatter(ctx, { month: 'long', year: 'numeric' }).format(date);
}

/** Calendar year and month (1–12) as seen in the publication's time zone. */
export function yearMonth(date: Date, ctx: DateContext): { year: number; month: number } {
  const parts = formatter(ctx, { year: 'numeric', month: 'numeric' }).formatToParts(date);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: value('year'), month: value('month') };
}
