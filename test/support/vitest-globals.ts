import * as vitest from 'vitest';

/**
 * LangGraph's checkpointer validation suite declares its tests with the global describe/it/expect;
 * our vitest configs do not enable globals, so they are handed over before the suite runs.
 */
export function exposeVitestGlobals(): void {
  Object.assign(globalThis, {
    describe: vitest.describe,
    it: vitest.it,
    test: vitest.test,
    expect: vitest.expect,
    beforeAll: vitest.beforeAll,
    afterAll: vitest.afterAll,
    beforeEach: vitest.beforeEach,
    afterEach: vitest.afterEach,
  });
}
