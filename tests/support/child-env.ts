/**
 * The environment for a build, dev server or CMS server a test starts: this
 * process's, without what Vitest sets for its own Vite (MODE=test, DEV, SSR,
 * BASE_URL, NODE_ENV=test…), which Astro and Vite in the child would read as theirs.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const leaked = new Set(['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST', 'NODE_ENV']);
  const inherited = Object.entries(process.env).filter(([name]) => !leaked.has(name) && !name.startsWith('VITEST'));
  return { ...Object.fromEntries(inherited), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}
