// The viewer's page, built into dist/web/app, where `parley view` serves it from.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: here('../../../dist/web/app'),
    emptyOutDir: true,
    // The server's Content-Security-Policy allows no inline code or styles.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
