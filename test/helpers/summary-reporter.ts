import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line, `N passed, N failed` (and skipped when
 * any), without colour: easy for a person or a CI log reader to find. Each
 * failure is named just above it (`FAILED file > test: first error line`),
 * so a log cut to its last lines still says what failed.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const failures: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') counts.passed++;
        else if (result.state === 'failed') {
          counts.failed++;
          failures.push(`FAILED ${module.moduleId.replace(/^.*?\/test\//, 'test/')} > ${test.fullName}: ${firstLine(result.errors?.[0]?.message)}`);
        } else counts.skipped++;
      }
      // A file that failed to load has no tests but is still a failure.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) {
        counts.failed++;
        failures.push(`FAILED ${module.moduleId}: ${firstLine(module.errors()[0]?.message)}`);
      }
    }
    const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
    const named = failures.map((line) => `${line}\n`).join('');
    process.stdout.write(`\n${named}${counts.passed} passed, ${counts.failed} failed${skipped}\n`);
  }
}

function firstLine(message: string | undefined): string {
  const line = (message ?? '').split('\n').find((l) => l.trim() !== '');
  return (line ?? 'no error message').slice(0, 300);
}
