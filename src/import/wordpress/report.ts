/**
 * The import's account of itself: how many of each thing it wrote, what it
 * did not import and why, and what an editor should look at, each line
 * naming the WordPress post ID and title so it can be found on either side.
 * Printed at the end and kept in `content/.import/wordpress-report.md`.
 */
import { plural } from '../../lib/plural.ts';

/** What a line is about: a post by ID and title, or the export as a whole. */
export interface Subject {
  id: string;
  title: string;
}

interface Line {
  subject: Subject | undefined;
  message: string;
}

/** Each count's key, and its noun and what became of it: "3 articles published". */
export const COUNTS = [
  ['published', 'article', 'published'],
  ['scheduled', 'article', 'scheduled'],
  ['drafts', 'draft', 'imported'],
  ['updated', 'article', 'updated from a newer export'],
  ['unchanged', 'article', 'unchanged since the last import'],
  ['kept', 'article', 'kept as edited in Broadsheet'],
  ['images', 'image', 'copied'],
  ['authorsCreated', 'author', 'created'],
  ['authorsKept', 'author', 'already there, kept'],
  ['topicsCreated', 'topic', 'created'],
  ['topicsKept', 'topic', 'already there, kept'],
  ['redirects', 'redirect', 'from old addresses'],
  ['rules', 'redirect rule', 'written'],
] as const;

export type CountKey = (typeof COUNTS)[number][0];

export class ImportReport {
  readonly counts = new Map<CountKey, number>();
  readonly skipped: Line[] = [];
  readonly review: Line[] = [];
  readonly notes: string[] = [];

  count(key: CountKey, by = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + by);
  }

  /** Not imported, and why. */
  skip(subject: Subject, message: string): void {
    this.skipped.push({ subject, message });
  }

  /** Imported (or kept), with something an editor should look at. */
  flag(subject: Subject | undefined, message: string): void {
    this.review.push({ subject, message });
  }

  /** A remark about the import as a whole. */
  note(message: string): void {
    this.notes.push(message);
  }

  render(source: string): string {
    const line = ({ subject, message }: Line) => `- ${subject ? `post ${subject.id} “${subject.title}”: ` : ''}${message}`;
    const counts = COUNTS.filter(([key]) => this.counts.get(key)).map(([key, noun, what]) => `- ${plural(this.counts.get(key)!, noun)} ${what}`);
    return [
      `# WordPress import: ${source}`,
      '',
      '## Imported',
      '',
      ...(counts.length ? counts : ['- nothing']),
      ...(this.notes.length ? ['', ...this.notes.map((note) => `- ${note}`)] : []),
      '',
      `## Not imported (${this.skipped.length})`,
      '',
      ...(this.skipped.length ? this.skipped.map(line) : ['- nothing']),
      '',
      `## Needs an editor's look (${this.review.length})`,
      '',
      ...(this.review.length ? this.review.map(line) : ['- nothing']),
      '',
    ].join('\n');
  }
}
