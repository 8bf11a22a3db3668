// What a stepper can step by: on its own so the command line can list the
// units without loading the replay.

export const stepUnits = ['event', 'day', 'round'] as const;
export type StepUnit = (typeof stepUnits)[number];
