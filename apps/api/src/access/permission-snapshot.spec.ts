import { describe, expect, it } from 'vitest';
import { getSchema } from '../graphql/schema';
import { describeAccessRules } from './operation-access';

describe('permissions', () => {
  // A change in this file is a permission change: review it as one (DESIGN §3.6).
  it('match the reviewed snapshot, operation by operation', async () => {
    await expect(`${describeAccessRules(await getSchema()).join('\n')}\n`).toMatchFileSnapshot('./permissions.snapshot.txt');
  });
});
