// parley/testing: what users need to property-test their own logs.
export * from './arbitraries.js';
export { sampleCatalog } from './sample-catalog.js';
