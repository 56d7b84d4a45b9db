/**
 * A message whose placeholder stands for markup (a link, a `<time>`), split
 * where the placeholder is: the page renders the text before it, the element,
 * then the text after, so each language still orders its own sentence.
 */
export function aroundSlot(message: string, name: string): [before: string, after: string] {
  const slot = `{${name}}`;
  const at = message.indexOf(slot);
  return at < 0 ? [message, ''] : [message.slice(0, at), message.slice(at + slot.length)];
}
