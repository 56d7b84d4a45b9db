/**
 * Hears what Astro's page walk does, through its public `setPrerenderer`:
 * Astro's own prerenderer, wrapped, tells each listener when every route has
 * listed its pages (before the first page renders) and what each rendered
 * page reported. The step that needs to know (`image-ledger.ts`) listens
 * here instead of reading files Astro writes.
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import type { RenderImages } from '../lib/image-ledger.ts';

export interface PrerenderListener {
  /** Every route has listed its pages (their addresses), with the images listing them used. */
  listed?(pages: string[], metadata: RenderImages | undefined): void;
  /** A page rendered; `metadata` is undefined when Astro could not tell what it used. */
  rendered?(pathname: string, metadata: RenderImages | undefined): void;
}

export function prerenderWatchIntegration(listeners: readonly PrerenderListener[]): AstroIntegration {
  const wrap = (base: AstroPrerenderer): AstroPrerenderer => ({
    name: base.name,
    ...(base.setup && { setup: () => base.setup!() }),
    ...(base.teardown && { teardown: () => base.teardown!() }),
    getStaticPaths: async () => {
      const listed = await base.getStaticPaths();
      const pages = (Array.isArray(listed) ? listed : listed.paths).map(({ pathname }) => pathname);
      for (const listener of listeners) listener.listed?.(pages, Array.isArray(listed) ? undefined : listed.metadata);
      return listed;
    },
    render: async (request, options) => {
      const page = await base.render(request, options);
      const pathname = decodeURI(new URL(request.url).pathname);
      for (const listener of listeners) listener.rendered?.(pathname, page instanceof Response ? undefined : page.metadata);
      return page;
    },
  });
  return {
    name: 'broadsheet:prerender-watch',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((base) => wrap(base));
      },
    },
  };
}
