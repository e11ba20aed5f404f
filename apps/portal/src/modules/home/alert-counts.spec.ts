import { describe, expect, it } from 'vitest';
import { alertCounts } from './alert-counts';

describe('alertCounts', () => {
  it('counts the files of each alert, in the order given, each opening the list so filtered', () => {
    const counts = alertCounts(
      { esfRejected: 'ESF_REJECTED', noRecentAppointment: 'NO_RECENT_APPOINTMENT' },
      { noRecentAppointment: { totalCount: 4 }, esfRejected: { totalCount: 0 } },
      (alert) => `label ${alert}`,
    );
    expect(counts).toEqual([
      { key: 'ESF_REJECTED', count: 0, label: 'label ESF_REJECTED', to: { name: 'participants', query: { alert: 'ESF_REJECTED' } } },
      { key: 'NO_RECENT_APPOINTMENT', count: 4, label: 'label NO_RECENT_APPOINTMENT', to: { name: 'participants', query: { alert: 'NO_RECENT_APPOINTMENT' } } },
    ]);
  });
});
