import { describe, expect, it } from 'vitest';
import { useDialogFor } from './use-dialog-for';

describe('useDialogFor', () => {
  it('is visible while an item is chosen, and forgets it once closed', () => {
    const dialog = useDialogFor<{ id: string }>();
    expect(dialog.visible.value).toBe(false);
    dialog.open({ id: 'C1' });
    expect([dialog.visible.value, dialog.item.value]).toEqual([true, { id: 'C1' }]);
    dialog.visible.value = false;
    expect([dialog.visible.value, dialog.item.value]).toEqual([false, null]);
  });
});
