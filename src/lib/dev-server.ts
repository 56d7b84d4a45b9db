/**
 * True under `astro dev`. Read from the mode rather than `import.meta.env.DEV`,
 * which server code may take from the environment at run time, where a test
 * runner's own DEV flag would turn a production build into a dev one. Plain
 * Node (the benchmark's scripts) has no `import.meta.env`: not the dev server.
 */
export const isDevServer = import.meta.env?.MODE === 'development';
