import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { compileErrors, validate } from '@readme/openapi-parser';
import { CONTRACT_FILES, generateContract } from '../../../scripts/openapi.ts';

test('the OpenAPI document is valid OpenAPI 3.1', async () => {
  const { json } = await generateContract();
  const result = await validate(JSON.parse(json) as Parameters<typeof validate>[0]);
  assert.ok(result.valid, compileErrors(result));
});

test('api/openapi.json and src/api/schema.d.ts match the routes (run npm run openapi)', async () => {
  const generated = await generateContract();
  assert.equal(await readFile(CONTRACT_FILES.json, 'utf8'), generated.json, 'api/openapi.json drifted');
  assert.equal(await readFile(CONTRACT_FILES.types, 'utf8'), generated.types, 'src/api/schema.d.ts drifted');
});
