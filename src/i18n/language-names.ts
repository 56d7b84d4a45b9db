/** A language's name in itself ("Deutsch", "العربية"), as a link to its pages shows it. */
export function languageName(tag: string): string {
  const language = new Intl.Locale(tag).language;
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(language) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}
