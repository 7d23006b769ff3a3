import type { Reporter, TestModule } from 'vitest/node';

/**
 * Under CI, a skipped or todo test fails the run: every test must run there. The one exception is a
 * run on a machine without Redis (see global-setup), where the tests about Redis itself are skipped.
 */
export default class NoSkipsReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    if (!process.env.CI) return;
    const excused = (name: string) =>
      process.env.GATEHOUSE_TEST_WITHOUT_REDIS === '1' && name.includes('(needs Redis)');
    const skipped = modules.flatMap((m) =>
      [...m.children.allTests()]
        .filter((t) => t.result().state === 'skipped' && !excused(t.fullName))
        .map((t) => `${m.moduleId}: ${t.fullName}`),
    );
    if (skipped.length === 0) return;
    process.stderr.write(`\nUnder CI no test may be skipped:\n${skipped.map((s) => `  ${s}`).join('\n')}\n`);
    // Vitest sets the exit code after the reporters have run; the last word is ours.
    process.once('exit', () => {
      process.exitCode = 1;
    });
  }
}
