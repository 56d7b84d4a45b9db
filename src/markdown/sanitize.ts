/**
 * A Sätteri hast plugin that removes from article bodies whatever could run
 * script (see `src/lib/html-policy.ts`) and warns, naming the file, so the
 * author learns why something vanished.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { htmlToHast, type HastPluginDefinition } from 'satteri';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { elementVerdict, unsafeAttributes } from '../lib/html-policy.ts';

type Context = Parameters<NonNullable<Extract<HastPluginDefinition['raw'], (...args: never[]) => unknown>>>[1];

function warn(ctx: Context, what: string) {
  const file = ctx.fileURL ? path.relative(process.cwd(), fileURLToPath(ctx.fileURL)) : 'an article';
  console.warn(`[broadsheet:sanitize] ${file}: removed ${what}`);
}

/** Cleans a parsed tree in place; returns what was removed. */
function clean(children: (RootContent | ElementContent)[], removed: string[]): (RootContent | ElementContent)[] {
  const kept: (RootContent | ElementContent)[] = [];
  for (const child of children) {
    if (child.type === 'comment') continue;
    if (child.type !== 'element') {
      kept.push(child);
      continue;
    }
    const verdict = elementVerdict(child.tagName, child.properties);
    if (!verdict.keep) {
      removed.push(verdict.reason);
      continue;
    }
    for (const name of unsafeAttributes(child.properties)) {
      removed.push(`${name} attribute on <${child.tagName}>`);
      delete child.properties[name];
    }
    child.children = clean(child.children, removed) as ElementContent[];
    kept.push(child);
  }
  return kept;
}

const LONE_OPENING_TAG = /^<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>$/;
const LONE_CLOSING_TAG = /^<\/([a-zA-Z][a-zA-Z0-9-]*)\s*>$/;
const VOID_ELEMENTS = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

interface JsxNode {
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
}

/** MDX components and tags: same policy, applied to JSX names and attributes. */
function visitJsx(node: JsxNode, ctx: Context): JsxNode | void {
  if (!node.name) return;
  const named = Object.fromEntries(
    node.attributes.filter((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name).map((attribute) => [attribute.name!, attribute.value]),
  );
  const verdict = elementVerdict(node.name, named);
  if (!verdict.keep) {
    warn(ctx, verdict.reason);
    ctx.removeNode(node as never);
    return;
  }
  const unsafe = new Set(unsafeAttributes(named));
  if (unsafe.size === 0) return;
  unsafe.forEach((name) => warn(ctx, `${name} attribute on <${node.name}>`));
  return { ...node, attributes: node.attributes.filter((attribute) => !attribute.name || !unsafe.has(attribute.name)) };
}

export const sanitizeBody: HastPluginDefinition = {
  name: 'broadsheet-sanitize',
  raw(node, ctx) {
    const html = node.value.trim();
    const closing = LONE_CLOSING_TAG.exec(html);
    if (closing) {
      if (!elementVerdict(closing[1]!, {}).keep) ctx.removeNode(node);
      return;
    }
    const root = htmlToHast(html, { fragment: true }) as Root;
    const removed: string[] = [];
    const opening = LONE_OPENING_TAG.exec(html);
    if (opening && !VOID_ELEMENTS.has(opening[1]!.toLowerCase()) && root.children.length === 1) {
      // An inline tag whose content and closing tag are separate nodes: keep the tag, drop unsafe attributes.
      const element = root.children[0] as Element;
      const cleaned = clean([element], removed);
      if (removed.length === 0) return;
      removed.forEach((what) => warn(ctx, what));
      if (cleaned.length === 0) ctx.removeNode(node);
      else ctx.replaceNode(node, { type: 'raw', value: `<${element.tagName}>` } as never);
      return;
    }
    const children = clean(root.children, removed);
    if (removed.length === 0) return;
    removed.forEach((what) => warn(ctx, what));
    ctx.replaceNode(node, children as never);
  },
  element: {
    filter: [],
    visit(node, ctx) {
      const removed: string[] = [];
      const verdict = elementVerdict(node.tagName, node.properties);
      if (!verdict.keep) {
        warn(ctx, verdict.reason);
        ctx.removeNode(node);
        return;
      }
      for (const name of unsafeAttributes(node.properties)) {
        removed.push(`${name} attribute on <${node.tagName}>`);
        ctx.setProperty(node, name, undefined);
      }
      removed.forEach((what) => warn(ctx, what));
    },
  },
  mdxJsxFlowElement: { filter: [], visit: (node, ctx) => visitJsx(node as unknown as JsxNode, ctx) as never },
  mdxJsxTextElement: { filter: [], visit: (node, ctx) => visitJsx(node as unknown as JsxNode, ctx) as never },
};
