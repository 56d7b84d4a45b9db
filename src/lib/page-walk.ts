/**
 * What Astro's page walk did in one build, as the build reports it in one
 * line (`src/integrations/page-walk-report.ts`) and the benchmark reads it
 * back (`bench/inspect.ts`): pages rendered and kept, where the rendering
 * time went, and the image step after the walk.
 */

export interface PageWalk {
  /** Pages the routes listed. */
  listed: number;
  /** Pages rendered in this build; the rest were kept from the last one. */
  rendered: number;
  /** From the routes' listing to the last page rendered. */
  seconds: number;
  /** Rendering time summed by the first segment of the address (`articles`, `tags`; `(root)` for the home page and root files). */
  bySection: Record<string, number>;
  /** Image variants encoded in this build, and those Astro's image cache already held. */
  imagesEncoded: number;
  imagesReused: number;
  /** From the last page rendered to the end of Astro's image step. */
  imageSeconds: number;
}

/** The section a page's rendering time counts under. */
export function sectionOf(pathname: string): string {
  const first = pathname.split('/').find((part) => part !== '') ?? '';
  return first === '' || first.includes('.') ? '(root)' : first;
}

const PREFIX = 'Page walk:';

export function formatPageWalk(walk: PageWalk): string {
  const sections = Object.entries(walk.bySection)
    .sort(([, a], [, b]) => b - a)
    .map(([section, seconds]) => `${section} ${seconds.toFixed(2)} s`);
  return (
    `${PREFIX} ${walk.listed} pages listed: ${walk.rendered} rendered, ${walk.listed - walk.rendered} kept from the last build, in ${walk.seconds.toFixed(2)} s; ` +
    `images: ${walk.imagesEncoded} encoded, ${walk.imagesReused} reused, in ${walk.imageSeconds.toFixed(2)} s; rendering by section: ${sections.join(', ') || 'none'}`
  );
}

const LINE = new RegExp(
  `${PREFIX} (\\d+) pages listed: (\\d+) rendered, \\d+ kept from the last build, in ([\\d.]+) s; images: (\\d+) encoded, (\\d+) reused, in ([\\d.]+) s; rendering by section: (.*)$`,
);

/** The walk a build's output reported, or undefined when no line says it. */
export function parsePageWalk(output: string): PageWalk | undefined {
  const match = output.split('\n').map((line) => LINE.exec(line.trimEnd())).find(Boolean);
  if (!match) return undefined;
  const [, listed, rendered, seconds, encoded, reused, imageSeconds, sections] = match;
  const bySection: Record<string, number> = {};
  for (const part of sections === 'none' ? [] : sections!.split(', ')) {
    const [, section, value] = /^(.+) ([\d.]+) s$/.exec(part)!;
    bySection[section!] = Number(value);
  }
  return {
    listed: Number(listed),
    rendered: Number(rendered),
    seconds: Number(seconds),
    bySection,
    imagesEncoded: Number(encoded),
    imagesReused: Number(reused),
    imageSeconds: Number(imageSeconds),
  };
}
