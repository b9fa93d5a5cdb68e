/**
 * Opaque keyset cursors: the sort key of the last item, base64url-encoded JSON. Opaque so the
 * server may change the encoding; validated on the way in so a tampered cursor is a 400, not a 500.
 */
import { isId } from './ids.ts';
import { HttpProblem } from './problem.ts';

/** What `Date.prototype.toISOString` writes, and only that: the database casts it to timestamptz. */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export type CursorValue = string | number | null;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(
  cursor: string | undefined,
  shape: readonly ('string' | 'id' | 'timestamp' | 'number' | 'nullable-string')[],
): CursorValue[] | null {
  if (!cursor) return null;
  const invalid = () =>
    new HttpProblem(400, 'The cursor is not one this server issued', {
      type: 'validation',
      errors: [{ field: 'query.cursor', message: 'Invalid cursor' }],
    });
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(values) || values.length !== shape.length) throw invalid();
  shape.forEach((kind, i) => {
    const value: unknown = values[i];
    const ok =
      kind === 'number'
        ? typeof value === 'number' && Number.isFinite(value)
        : kind === 'id'
          ? isId(value)
          : kind === 'timestamp'
            ? typeof value === 'string' && ISO_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value))
            : kind === 'nullable-string'
              ? value === null || typeof value === 'string'
              : typeof value === 'string';
    if (!ok) throw invalid();
  });
  return values as CursorValue[];
}
