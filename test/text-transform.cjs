// Jest transform that loads template files as text, like esbuild's `text` loader does for the bundles: the module
// is the text itself, for `require` (the message catalog) and for a default import alike.
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
