import { describe, expect, it } from 'vitest';
import { navSection } from './nav-section';

const List = () => Promise.resolve({ default: {} });
const Record = () => Promise.resolve({ default: {} });

describe('navSection', () => {
  it('puts the first page in the navigation, under its title, and the others under it, all behind the capability', () => {
    const routes = navSection(
      'runMeetings',
      { order: 8 },
      { path: '/reunions', name: 'meetings', title: 'meetings', component: List },
      { path: '/reunions/:id', name: 'meeting', title: 'meeting', component: Record },
    );
    expect(routes).toEqual([
      { path: '/reunions', name: 'meetings', component: List, meta: { can: 'runMeetings', title: 'meetings', nav: { label: 'meetings', order: 8 } } },
      { path: '/reunions/:id', name: 'meeting', component: Record, meta: { can: 'runMeetings', title: 'meeting', navParent: 'meetings' } },
    ]);
  });

  it('keeps how the navigation words the item for holders of a capability', () => {
    const [route] = navSection(
      'followParticipants',
      { order: 5, labelIf: { can: 'holdCaseload', label: 'myParticipants' } },
      { path: '/participants', name: 'participants', title: 'participants', component: List },
    );
    expect(route?.meta?.nav).toEqual({ label: 'participants', order: 5, labelIf: { can: 'holdCaseload', label: 'myParticipants' } });
  });
});
