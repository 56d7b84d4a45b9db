/** decap-cms-locales ships no types: each `dist/esm/<code>/index.js` exports one language's phrases. */
declare module 'decap-cms-locales/dist/esm/*' {
  const phrases: Record<string, unknown>;
  export default phrases;
}
