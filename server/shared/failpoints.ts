/**
 * Crash points for the crash tests: a process started with `GROVE_FAILPOINTS=name[,name]` kills itself
 * with SIGKILL when it reaches `failpoint(name)`, the way a power cut or an OOM kill would, so a test can
 * prove what survives a crash at that exact step. Unset in every real deployment: then it does nothing.
 */
const armed = new Set(
  (process.env.GROVE_FAILPOINTS ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean),
);

export type FailpointName = 'idempotency-before-commit' | 'idempotency-after-commit';

export function failpoint(name: FailpointName): void {
  if (armed.has(name)) process.kill(process.pid, 'SIGKILL');
}
