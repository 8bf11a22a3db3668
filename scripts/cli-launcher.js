#!/usr/bin/env node
// dist/cli/main.js, the `parley` binary (copied there by scripts/bundle-cli.mjs).
// It runs the CLI bundle (bundle.cjs) from the V8 code cache made at build time
// (bundle.cache), so a run neither parses nor compiles what the build's warm
// run already compiled: Node 20 has no compile cache of its own for modules.
// A cache V8 refuses (another node, other V8 flags) costs only a normal compile.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const bundle = fileURLToPath(new URL('./bundle.cjs', import.meta.url));
const cacheFile = fileURLToPath(new URL('./bundle.cache', import.meta.url));
const require = createRequire(bundle);

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
  // The wrapper node's CommonJS loader puts around a module; on the bundle's
  // first line (its #! made a comment), so every other line keeps its number.
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`;
  const script = new Script(source, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, bundle, dirname(bundle));
  // The build's warm run (scripts/bundle-cli.mjs) keeps what it compiled, lazily compiled functions included.
  if (process.env.PARLEY_WRITE_CODE_CACHE === '1') process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
}
