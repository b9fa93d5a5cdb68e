// Lints api/openapi.json with Redocly's maintained rules (@redocly/openapi-core): the "recommended-strict"
// set, where every warning is an error, plus the rules generated clients depend on. 0 problems or it fails.
import { join } from 'node:path';
import { createConfig, formatProblems, lint } from '@redocly/openapi-core';

const contract = process.argv[2] ?? join(import.meta.dirname, '..', 'api', 'openapi.json');
const config = await createConfig({
  extends: ['recommended-strict'],
  rules: {
    'operation-operationId': 'error',
    'operation-operationId-unique': 'error',
    'operation-operationId-url-safe': 'error',
    'operation-tag-defined': 'error',
    'tags-alphabetical': 'off',
    'security-defined': 'error',
    'no-unused-components': 'error',
    'operation-4xx-problem-details-rfc7807': 'error',
  },
});
const problems = await lint({ ref: contract, config });
if (problems.length > 0) {
  formatProblems(problems, { format: 'codeframe', totals: { errors: problems.length, warnings: 0, ignored: 0 }, version: 'openapi-core' });
  console.error(`OpenAPI lint: ${problems.length} problem(s) in ${contract}`);
  process.exitCode = 1;
} else {
  console.log('OpenAPI lint passed: 0 problems (Redocly recommended-strict + operationId, security, tags, problem details)');
}
