// Bundles the CLI (src/cli/main.ts) into one CommonJS script, dist/cli/bundle.cjs,
// and puts the launcher (scripts/cli-launcher.cjs) at dist/cli/main.js in place
// of what tsc wrote there. One script to start instead of ~170 modules (95 of
// them zod's), and no ES module loader, is most of what start-up costs; the
// launcher then runs it from a V8 code cache (dist/cli/bundle.cache) made here
// by one warm `parley state`. Each command's dynamic import stays lazy inside
// the bundle (esbuild wraps it), so a command runs only the code it uses. The
// bundle sits two levels below the package root as src/io/ and dist/io/ do,
// and is its own import.meta.url, so io/package-root.ts finds the root from it.
// The library (dist/index.js) and dist/testing stay tsc's.
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { copyFile, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
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

/**
 * string-width builds its Unicode regexes and an Intl.Segmenter when loaded
 * (~40-70 ms, the first of them starting ICU), and wrap-ansi and slice-ansi
 * each make a segmenter too; all of that serves only text that is not
 * printable ASCII, which the bundled log's state never prints. So parley's
 * copy of string-width is loaded on the first call that needs more than its
 * own first answer (printable ASCII is as wide as it is long), and each
 * segmenter is made on first use, behind a stand-in for the only method
 * called on it. A module that no longer makes exactly one segmenter fails the
 * build, so an upgrade cannot slip past.
 */
const unicodeOnFirstUse = {
  name: 'unicode-on-first-use',
  setup(build) {
    // As esbuild resolves them: through symbolic links (a linked node_modules).
    const own = (file) => realpathSync(join(import.meta.dirname, '..', 'node_modules', file));
    const stringWidth = own('string-width/index.js');
    build.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData === 'real') return undefined;
      const real = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'real' });
      // The prompts bring an older copy of their own: left as it is.
      return real.path === stringWidth ? { path: stringWidth, namespace: 'string-width-ascii-first' } : real;
    });
    // require() of an ES module: esbuild runs the module when the require first runs, not at start-up.
    build.onLoad({ filter: /.*/, namespace: 'string-width-ascii-first' }, (args) => ({
      contents: `let real; export default function stringWidth(input, options) { return typeof input === 'string' && /^[\\u0020-\\u007E]*$/.test(input) ? input.length : (real ??= require(${JSON.stringify(args.path)}).default)(input, options); }`,
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
    const make = /new Intl\.Segmenter\(/g;
    // parley's own copies (the prompts' older ones make no segmenter).
    const modules = new Set(['string-width/index.js', 'wrap-ansi/index.js', 'slice-ansi/tokenize-ansi.js'].map(own));
    build.onLoad({ filter: /[\\/]node_modules[\\/](string-width|wrap-ansi|slice-ansi)[\\/]/ }, async (args) => {
      if (!modules.has(args.path)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (text.match(make)?.length !== 1) throw new Error(`${args.path}: expected one new Intl.Segmenter(, found ${text.match(make)?.length ?? 0}`);
      // The helper goes last (a declaration is hoisted), so no line moves in the source map.
      const helper = 'function __parleySegmenter(...options) { let made; return { segment: (text) => (made ??= new Intl.Segmenter(...options)).segment(text) }; }';
      return { contents: `${text.replace(make, '__parleySegmenter(')}\n${helper}\n`, loader: 'js' };
    });
  },
};

/**
 * The event checks compiled with the bundle: src/domain/precompiled-checks.ts
 * is empty, and here gets the factories of every event type's check as code
 * (made from tsc's output, which the build has just written), so a run takes
 * them from the code cache instead of compiling each with new Function
 * (~10 ms of a start-up). compileSchema uses one only when its source is
 * exactly the check it would compile.
 */
const precompiledEventChecks = {
  name: 'precompiled-event-checks',
  setup(build) {
    const target = join(import.meta.dirname, '..', 'src', 'domain', 'precompiled-checks.ts');
    build.onLoad({ filter: /[\\/]precompiled-checks\.ts$/ }, async (args) => {
      if (args.path !== target) return undefined;
      const dist = (file) => pathToFileURL(join(import.meta.dirname, '..', 'dist', 'domain', file)).href;
      const { precompiledChecksModule } = await import(dist('compiled-schema.js'));
      const { eventSchemas } = await import(dist('event-schema.js'));
      const contents = precompiledChecksModule(eventSchemas);
      const made = contents.split('function (k, R)').length - 1;
      // Event types whose schemas happen to compile to the same check share one factory.
      if (made === 0 || made > eventSchemas.length) throw new Error(`precompiled event checks: ${made} factories for ${eventSchemas.length} event types`);
      return { contents, loader: 'js' };
    });
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
  plugins: [englishOnly, unicodeOnFirstUse, precompiledEventChecks],
  logLevel: 'warning',
});

// The launcher wraps the bundle in a function on its first line, where a #! cannot stay;
// as a comment of the same length it leaves every position the source map records in place.
const text = await readFile(bundle, 'utf8');
// The launcher reads the bundle as latin1, a plain copy of its bytes (UTF-8 decoding took 2-4 ms a
// run), which gives the source V8 cached only while every byte is ASCII. esbuild escapes non-ASCII
// text except in some regular expression literals: those must spell it as \u escapes.
const nonAscii = text.search(/[^\x00-\x7F]/);
if (nonAscii >= 0) throw new Error(`dist/cli/bundle.cjs is not ASCII at offset ${nonAscii}: ${JSON.stringify(text.slice(Math.max(0, nonAscii - 40), nonAscii + 10))} (write the character as a \\u escape in src/)`);
if (text.startsWith('#!')) await writeFile(bundle, `//${text.slice(2)}`);
await copyFile(join(import.meta.dirname, 'cli-launcher.cjs'), join(outdir, 'main.js'));
// Nothing imports tsc's other modules in dist/cli/ (the CLI runs from the bundle), so the directory can be CommonJS.
await writeFile(join(outdir, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);

// The warm run: the cache keeps every function it compiled, so `state` (the
// start-up benchmark, src/bench/startup.ts) starts with nothing left to compile.
const warm = spawnSync(process.execPath, [join(outdir, 'main.js'), 'state'], { cwd: join(import.meta.dirname, '..'), env: { ...process.env, PARLEY_WRITE_CODE_CACHE: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
if (warm.status !== 0) throw new Error(`the warm run for the code cache (parley state) exited ${warm.status ?? warm.signal}`);
