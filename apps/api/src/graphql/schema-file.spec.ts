import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema, SCHEMA_FILE } from './emit-schema';

describe('schema.graphql', () => {
  it('is the schema the API serves (run `pnpm --filter @jalon/api schema` after changing it)', async () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(await printedSchema());
  });
});
