/**
 * Hears what Astro's page walk does, through its public `setPrerenderer`:
 * Astro's own prerenderer, wrapped, tells each listener when every route has
 * listed its pages (before the first page renders), what each rendered page
 * reported and how long it took, and when the walk and the image step after
 * it are over. The steps that need to know (`image-ledger.ts`,
 * `page-walk-report.ts`) listen here instead of reading files or log lines
 * Astro writes.
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import type { RenderImages } from '../lib/image-ledger.ts';

export interface PrerenderListener {
  /** Every route has listed its pages (their addresses) in `seconds`, with the images listing them used. */
  listed?(pages: string[], metadata: RenderImages | undefined, seconds: number): void;
  /** A page rendered in `seconds`; `metadata` is undefined when Astro could not tell what it used. */
  rendered?(pathname: string, metadata: RenderImages | undefined, seconds: number): void;
  /** Astro is done with the pages and their images (its prerenderer's teardown). */
  finished?(): void;
}

export function prerenderWatchIntegration(listeners: readonly PrerenderListener[]): AstroIntegration {
  const wrap = (base: AstroPrerenderer): AstroPrerenderer => ({
    name: base.name,
    ...(base.setup && { setup: () => base.setup!() }),
    ...(base.collectStaticImages && { collectStaticImages: () => base.collectStaticImages!() }),
    teardown: async () => {
      await base.teardown?.();
      for (const listener of listeners) listener.finished?.();
    },
    getStaticPaths: async () => {
      const started = performance.now();
      const listed = await base.getStaticPaths();
      const seconds = (performance.now() - started) / 1000;
      const pages = (Array.isArray(listed) ? listed : listed.paths).map(({ pathname }) => pathname);
      for (const listener of listeners) listener.listed?.(pages, Array.isArray(listed) ? undefined : listed.metadata, seconds);
      return listed;
    },
    render: async (request, options) => {
      const started = performance.now();
      const page = await base.render(request, options);
      const seconds = (performance.now() - started) / 1000;
      const pathname = decodeURI(new URL(request.url).pathname);
      for (const listener of listeners) listener.rendered?.(pathname, page instanceof Response ? undefined : page.metadata, seconds);
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
