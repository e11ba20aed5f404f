import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { useDraftFields } from './use-draft-fields';

describe('useDraftFields', () => {
  const draft = ref({ firstName: 'Nadia', priorityDistrictCode: '' });
  const errors: Partial<Record<'firstName' | 'priorityDistrictCode', string>> = { firstName: 'Prénom trop long.' };
  const { id, field } = useDraftFields(draft, { idPrefix: 'edit', errors });

  it("names a control after its field under the block's prefix, or after the suffix given", () => {
    expect(field('firstName').id).toBe('edit-first-name');
    expect(field('priorityDistrictCode', 'qpv-code').id).toBe('edit-qpv-code');
    expect(id('commune-choice')).toBe('edit-commune-choice');
  });

  it("binds the control to the draft's value both ways, and to the form's message about it", () => {
    const binding = field('firstName');
    expect(binding).toMatchObject({ modelValue: 'Nadia', error: 'Prénom trop long.' });
    binding['onUpdate:modelValue']('Nadia-Lou');
    expect(draft.value.firstName).toBe('Nadia-Lou');
    expect(field('priorityDistrictCode').error).toBeUndefined();
  });
});
