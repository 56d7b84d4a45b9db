/**
 * One Astro container per build, with the MDX renderer, for the places that
 * render components to strings outside a page: feed bodies and live updates.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';

let container: Promise<AstroContainer> | undefined;

export function astroContainer(): Promise<AstroContainer> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  return container;
}
