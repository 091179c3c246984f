/** Template files are bundled as text: esbuild's `text` loader in serverless.yml, a text transform in jest. */
declare module '*.html' {
  const text: string;
  export default text;
}

declare module '*.txt' {
  const text: string;
  export default text;
}
