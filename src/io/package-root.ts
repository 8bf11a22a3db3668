// Where the package is installed, found from this module's own place: two
// levels below the root, as src/io/, dist/io/ and the bundled dist/cli/ all are.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (one level above dist/ or src/), where events/ and scenarios/ live. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
