/** See `src/integrations/module-url.ts`. */
declare module '*?module-url' {
  const url: string;
  export default url;
}
