// The event checks compiled at build time, keyed by their source
// (compiled-schema.ts). Empty here, so the library and the tests compile
// every check with `new Function`; the CLI bundle's build puts the
// generated module in this one's place (scripts/bundle-cli.mjs).

/** Makes a check from its constants and the REJECTED symbol. */
export type CheckFactory = (k: unknown[], r: symbol) => (input: unknown) => unknown;

/** Source -> factory; a source that is not here is compiled at run time. */
export const precompiledChecks: ReadonlyMap<string, CheckFactory> = new Map();
