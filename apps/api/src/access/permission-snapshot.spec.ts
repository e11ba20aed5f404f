import { describe, expect, it } from 'vitest';
import { getSchema } from '../graphql/schema';
import { describeCapabilities, describeOperatorRule } from '@jalon/domain';
import { describeDataClasses } from './field-consent';
import { describeAccessRules } from './operation-access';

describe('permissions', () => {
  // A change in this file is a permission change: review it as one.
  it('match the reviewed snapshot, operation by operation and field by field', async () => {
    const schema = await getSchema();
    const { lines } = describeDataClasses(schema);
    const snapshot = [
      '# Capabilities: the roles (and organisation kinds) holding each (packages/domain, capability.ts)',
      ...describeCapabilities(),
      '',
      '# Operations: the capability needed to call them [the roles holding it]',
      ...describeAccessRules(schema),
      '',
      '# Participant data: the class a partner needs shared to see each field',
      ...lines,
      '',
      '# The operator rule (packages/domain, consent.ts)',
      ...describeOperatorRule(),
    ];
    await expect(`${snapshot.join('\n')}\n`).toMatchFileSnapshot('./permissions.snapshot.txt');
  });

  it('give every field of a participant-bearing type a data class, and make withheld ones nullable', async () => {
    expect(describeDataClasses(await getSchema()).problems).toEqual([]);
  });
});
