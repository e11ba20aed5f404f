// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { CombinedGraphQLErrors } from '@apollo/client';
import { flushPromises } from '@vue/test-utils';
import { defineComponent, h, ref } from 'vue';
import { mountInApp } from '@/testing/mount-in-app';
import { useMonthRows } from './use-month-rows';

type Field = 'hoursPlanned' | 'hoursAttended';

/** Two trainees' rows as the training operator's month has them, the API refusing with `extensions`. */
function mountRows(extensions: Record<string, unknown>) {
  let rows!: ReturnType<typeof useMonthRows<{ hours: string }, Field>>;
  mountInApp(
    defineComponent(() => {
      rows = useMonthRows<{ hours: string }, Field>({
        keys: () => ['stage-a', 'stage-b'],
        period: ref('2026-11'),
        empty: () => ({ hours: '' }),
        list: 'entries',
        fields: ['hoursPlanned', 'hoursAttended'],
        tableId: 'month',
      });
      return () => h('table', { id: 'month' });
    }),
  );
  const send = () =>
    rows.sendRows({
      keys: ['stage-a', 'stage-b'],
      check: () => ({}),
      send: async () => ({
        ok: false,
        error: new CombinedGraphQLErrors({ errors: [{ message: 'Refusé', extensions: { code: 'BAD_USER_INPUT', ...extensions } }] }),
      }),
      refetch: async () => undefined,
      messages: { nothingTyped: 'Rien', checkRows: 'Vérifiez', noneSent: 'Rien n’a été envoyé.', sent: 'Enregistré.' },
    });
  return { rows: () => rows, send };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('useMonthRows', () => {
  it('marks every field of every row the API names in `fields`, not only the first', async () => {
    const { rows, send } = mountRows({
      field: 'entries.0.hoursPlanned',
      fields: [
        { field: 'entries.0.hoursPlanned', message: 'Heures prévues invalides.' },
        { field: 'entries.0.hoursAttended', message: 'Plus d’heures suivies que prévues.' },
        { field: 'entries.1.stageId', message: 'Stagiaire en double.' },
      ],
    });
    expect(await send()).toBe(false);
    await flushPromises();
    expect(rows().rowErrors).toEqual({
      'stage-a': { hoursPlanned: 'Heures prévues invalides.', hoursAttended: 'Plus d’heures suivies que prévues.' },
      'stage-b': { row: 'Stagiaire en double.' },
    });
    expect(rows().formError.value).toBe('Rien n’a été envoyé.');
  });

  it('reads the single `field` of an API that names only one', async () => {
    const { rows, send } = mountRows({ field: 'entries.1.hoursAttended' });
    await send();
    expect(rows().rowErrors).toEqual({ 'stage-b': { hoursAttended: 'Refusé' } });
  });
});
