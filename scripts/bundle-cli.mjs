// Bundles the CLI (src/cli/main.ts) into one CommonJS script, dist/cli/bundle.cjs,
// and puts the launcher (scripts/cli-launcher.js) at dist/cli/main.js in place
// of what tsc wrote there. One script to start instead of ~170 modules (95 of
// them zod's), and no ES module loader, is most of what start-up costs; the
// launcher then runs it from a V8 code cache (dist/cli/bundle.cache) made here
// by one warm `parley state`. Each command's dynamic import stays lazy inside
// the bundle (esbuild wraps it), so a command runs only the code it uses. The
// bundle sits two levels below the package root as src/io/ and dist/io/ do,
// and is its own import.meta.url, so io/package-root.ts finds the root from it.
// The library (dist/index.js) and dist/testing stay tsc's.
import { spawnSync } from 'node:child_process';
import { copyFile, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const outdir = join(import.meta.dirname, '..', 'dist', 'cli');
const bundle = join(outdir, 'bundle.cjs');
// What earlier builds left: ES module chunks (when the CLI was split) and a cache of another bundle.
for (const name of await readdir(outdir).catch(() => [])) if (name.startsWith('chunk-') || name === 'main.js.map' || name === 'bundle.cache') await rm(join(outdir, name));

/**
 * zod's namespace export carries every locale's messages (~300 KB, nearly half
 * of what a command loads); parley speaks English only and never reads
 * z.locales, so the bundle gets the English one alone (zod configures it itself).
 */
const englishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]v4[\\/][a-z]+$/.test(args.resolveDir) ? { path: join(args.resolveDir, '..', 'locales', 'en.js'), namespace: 'zod-locales' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({ contents: `export { default as en } from ${JSON.stringify(args.path)};`, loader: 'js', resolveDir: dirname(args.path) }));
  },
};

await build({
  entryPoints: [join(import.meta.dirname, '..', 'src', 'cli', 'main.ts')],
  outfile: bundle,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'none',
  // Read only when PARLEY_DEBUG asks for a stack (the launcher turns source maps on then).
  sourcemap: 'linked',
  // A CommonJS script has no import.meta: the bundle's own URL stands in for every module's.
  define: { 'import.meta.url': '__parleyUrl' },
  banner: { js: "var __parleyUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [englishOnly],
  logLevel: 'warning',
});

// The launcher wraps the bundle in a function on its first line, where a #! cannot stay;
// as a comment of the same length it leaves every position the source map records in place.
const text = await readFile(bundle, 'utf8');
if (text.startsWith('#!')) await writeFile(bundle, `//${text.slice(2)}`);
await copyFile(join(import.meta.dirname, 'cli-launcher.js'), join(outdir, 'main.js'));

// The warm run: the cache keeps every function it compiled, so `state` (the
// start-up benchmark, src/bench/startup.ts) starts with nothing left to compile.
const warm = spawnSync(process.execPath, [join(outdir, 'main.js'), 'state'], { cwd: join(import.meta.dirname, '..'), env: { ...process.env, PARLEY_WRITE_CODE_CACHE: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
if (warm.status !== 0) throw new Error(`the warm run for the code cache (parley state) exited ${warm.status ?? warm.signal}`);
