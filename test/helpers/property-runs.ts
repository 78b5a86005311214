/**
 * fast-check's numRuns for one property, the one setting every property test
 * reads. By default `runs`, what the property is given in a plain `npm test`
 * (at most 1,000, so the suite stays fast); PROPERTY_RUNS=N runs every
 * property N times instead (`npm run test:deep`: 10,000, which `.ci/run`
 * runs), capped at `deepest` for a property whose one run is a server round
 * trip. Seeds stay fixed, so a failure found either way reproduces.
 */
export function propertyRuns(runs: number, deepest = Number.POSITIVE_INFINITY): number {
  const asked = process.env['PROPERTY_RUNS'];
  if (asked === undefined || asked === '') return runs;
  const n = Number(asked);
  if (!Number.isInteger(n) || n < 1) throw new Error(`PROPERTY_RUNS must be a whole number of runs, not ${JSON.stringify(asked)}`);
  return Math.min(n, deepest);
}
