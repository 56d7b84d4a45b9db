/** "1 update", "3 updates": a count and an English noun that takes a plain "s". */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
