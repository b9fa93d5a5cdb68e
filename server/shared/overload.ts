/**
 * Whether an error means the database is overloaded, for interfaces with their own error format (SCIM)
 * that may not reach into the database layer (scripts/check-layers.mjs): recognised by name, as the
 * database layer's OverloadedError (server/db/admission.ts) and PostgreSQL's statement_timeout (57014)
 * report it. Returns the seconds to put in Retry-After, or undefined for any other error.
 */
export function overloadRetryAfter(error: unknown): number | undefined {
  if (error instanceof Error && error.name === 'OverloadedError') {
    const seconds = (error as Error & { retryAfterSeconds?: unknown }).retryAfterSeconds;
    return typeof seconds === 'number' ? seconds : 1;
  }
  if ((error as { code?: unknown } | null)?.code === '57014') return 1;
  return undefined;
}
