/**
 * Template files are bundled as text: esbuild's `text` loader in serverless.yml, a text transform in jest. The
 * message catalog loads its templates with `require`; the email layout is imported.
 */
declare module '*.html' {
  const text: string;
  export default text;
}
