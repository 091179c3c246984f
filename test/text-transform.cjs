// Jest transform that loads template files as text, like esbuild's `text` loader does for the bundles.
module.exports = {
  process(source) {
    return { code: `module.exports = { __esModule: true, default: ${JSON.stringify(source)} };` };
  },
};
