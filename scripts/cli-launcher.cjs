#!/usr/bin/env node
// dist/cli/main.js, the `parley` binary (copied there by scripts/bundle-cli.mjs,
// with a package.json making dist/cli/ CommonJS: starting node on a CommonJS
// file skips the ES module loader, ~10 ms). It runs the CLI bundle (bundle.cjs)
// from the V8 code cache made at build time (bundle.cache), so a run neither
// parses nor compiles what the build's warm run already compiled: Node 20 has
// no compile cache of its own. A cache V8 refuses (another node, other V8
// flags) costs only a normal compile.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const bundle = join(__dirname, 'bundle.cjs');
const cacheFile = join(__dirname, 'bundle.cache');

if (process.env.PARLEY_DEBUG) {
  // Stacks asked for: node's own loader maps them back to src/ through bundle.cjs.map.
  process.setSourceMapsEnabled(true);
  require(bundle);
} else {
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache (a build that skipped it): compile as node would.
  }
  // The bundle is ASCII (the build checks), so latin1 reads it without decoding.
  // The wrapper node's CommonJS loader puts around a module; on the bundle's
  // first line (its #! made a comment), so every other line keeps its number.
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'latin1')}\n})`;
  const script = new Script(source, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, bundle, __dirname);
  // The build's warm run (scripts/bundle-cli.mjs) keeps what it compiled, lazily compiled functions included.
  if (process.env.PARLEY_WRITE_CODE_CACHE === '1') process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
}
