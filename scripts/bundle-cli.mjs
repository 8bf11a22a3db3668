// Bundles the CLI (src/cli/main.ts) into dist/cli/main.js and a few shared
// chunks, replacing the file tsc wrote there. One file to start instead of
// ~170 modules (95 of them zod's) is most of what start-up costs; each
// command's dynamic import stays a chunk of its own, so a command loads only
// what it uses. The chunks sit beside main.js, two levels below the package
// root as src/io/ and dist/io/ are, so io/package-root.ts finds the root from
// any of them. The library (dist/index.js) and dist/testing stay tsc's.
import { readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const outdir = join(import.meta.dirname, '..', 'dist', 'cli');
// Hashed chunk names change with their content: drop the last build's.
for (const name of await readdir(outdir).catch(() => [])) if (name.startsWith('chunk-') || name === 'main.js.map') await rm(join(outdir, name));

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
  entryPoints: { main: join(import.meta.dirname, '..', 'src', 'cli', 'main.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'none',
  // Read only when PARLEY_DEBUG asks for a stack (main.ts turns source maps on then).
  sourcemap: 'linked',
  // CommonJS packages (yaml) require node's built-ins, and an ES module has no
  // require of its own: every chunk gets one, made on first use (making it costs).
  banner: { js: "import { createRequire as __parleyCreateRequire } from 'node:module'; let __parleyRequire; const require = (id) => (__parleyRequire ??= __parleyCreateRequire(import.meta.url))(id);" },
  plugins: [englishOnly],
  logLevel: 'warning',
});
