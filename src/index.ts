// parley's library API: load and validate logs, replay them through the deal
// model, query the reported state on any date, compare states, fork what-ifs.
export * from './domain/catalog-schema.js';
export * from './domain/dates.js';
export * from './domain/event-schema.js';
export * from './domain/event-log.js';
export { checkReferences } from './domain/event-references.js';
export * from './domain/ordering.js';
export { parseCatalog, parseEventFile, parseLog, validateEvent, type TextFile } from './domain/parse-log.js';
export * from './domain/problem.js';
export { dealMachine, phases, type Phase, type MachineEvent } from './model/deal-machine.js';
export * from './model/gaps.js';
export { machineDiagram } from './model/machine-diagram.js';
export * from './model/negotiation-state.js';
export * from './model/phase-clock.js';
export type * from './model/replay-state.js';
export { stateAt, replay, lastDate, indexFor, type StateQuery } from './model/replay.js';
export { referenceStateAt } from './model/reference-replay.js';
export * from './model/state-diff.js';
export * from './model/fork.js';
export { loadLog, loadCatalog, bundledEventsDir, type LoadedLog } from './io/read-log.js';
export { loadScenario, parseScenarioText } from './io/read-scenario.js';
export { scenarioSchema, expectationSchema, hypotheticalEventSchema, type Scenario, type ScenarioInput, type Expectation } from './scenario/scenario-schema.js';
export { scenarioLogs, type ScenarioLogs } from './scenario/scenario-logs.js';
export { runScenario, type ScenarioReport, type Comparison } from './scenario/run-scenario.js';
export { evaluateExpectation, type ExpectationResult } from './scenario/expectations.js';
export { scenario, ScenarioBuilder } from './scenario/builder.js';
export { explore, type ExploreOptions, type ExploreResult, type Solution, type ConcessionSteps, type LinkedCondition } from './scenario/explore.js';
