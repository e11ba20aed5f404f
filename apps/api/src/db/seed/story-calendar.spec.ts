import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '@jalon/domain';
import { demoClauses } from './demo-clauses';
import { demoTenants } from './demo-data';
import { storyCalendar } from './story-calendar';

const grenoble = (today: string) => demoTenants(today).find((t) => t.slug === 'grenoble-alpes')!;
const person = (today: string, name: string) => grenoble(today).caseload!.find((p) => `${p.firstName} ${p.lastName}` === name)!;
const clause = (today: string, name: string) => demoClauses(today).find((c) => c.contractName === name)!;

/** What the story tells as done (before the day it is loaded) and as ahead (after it). */
function storyDays(today: string) {
  const tenants = demoTenants(today);
  const done = [
    ...tenants.flatMap((t) => t.caseload ?? []).flatMap((p) => [p.referralDate, p.entryDate ?? p.referralDate]),
    ...tenants.flatMap((t) => t.referrals ?? []).map((r) => r.receivedAt.slice(0, 10)),
    ...tenants.flatMap((t) => t.companies ?? []).flatMap((c) => c.events.map((e) => e.happenedOn)),
    ...tenants
      .flatMap((t) => t.companies ?? [])
      .flatMap((c) => c.offers ?? [])
      .flatMap((o) => (o.candidacies ?? []).map((c) => c.proposedAt.slice(0, 10))),
    ...demoClauses(today).flatMap((c) => [c.startsOn, ...c.placements.flatMap((p) => [p.startsOn, ...p.hours.map(([, to]) => to)])]),
  ];
  const ahead = [
    ...tenants.flatMap((t) => t.companies ?? []).flatMap((c) => (c.offers ?? []).flatMap((o) => (o.startOn ? [o.startOn] : []))),
    person(today, 'Fatima Kaci').stages[1]!.plannedStart,
    clause(today, 'Nettoyage des bâtiments municipaux').endsOn,
  ];
  return { done, ahead };
}

describe('the demo’s named story', () => {
  it('is as written in December 2026', () => {
    const fatima = person('2026-12-07', 'Fatima Kaci');
    expect(fatima.referralDate).toBe('2026-05-04');
    expect(fatima.stages.map((s) => [s.plannedStart, s.plannedEnd])).toEqual([
      ['2026-09-01', '2027-02-28'],
      ['2027-01-11', '2027-03-19'],
    ]);
    expect(grenoble('2026-12-31').referrals![0]!.receivedAt).toBe('2026-11-23T10:15:00Z');
    expect(grenoble('2026-12-01').meetings![0]!.items.map((i) => i.question)).toContain('Fin de contrat au 31 décembre : suite de parcours ?');
  });

  it('loaded in August 2027, still has Fatima at work, her training next month and Aminata’s contract ending this month', () => {
    const today = '2027-08-16';
    const [cddi, training] = person(today, 'Fatima Kaci').stages;
    expect(cddi!.plannedStart <= today && today <= cddi!.plannedEnd!).toBe(true);
    expect(training!.plannedStart).toBe('2027-09-11');
    expect(person(today, 'Aminata Sow').stages[0]!.plannedEnd).toBe('2027-08-31');
    const questions = grenoble(today).meetings![0]!.items.map((i) => i.question);
    expect(questions).toContain('Fin de contrat au 31 août : suite de parcours ?');
    expect(questions).toContain('Articuler le CDDI et la préqualification de septembre : quels horaires ?');
    // The late clause is due at the end of this month; its hours were recorded up to last month's end.
    const late = clause(today, 'Collecte et tri des encombrants');
    expect(late.endsOn).toBe('2027-08-31');
    expect(late.placements[0]!.hours.at(-1)).toEqual(['2027-07-01', '2027-07-31', 35]);
  });

  it('tells nothing done as still to come, nor anything ahead as past, whatever day it is loaded over three years', () => {
    for (let month = '2026-12-01'; month < '2030-01-01'; month = addMonths(month, 1)) {
      for (const today of [month, addDays(addMonths(month, 1), -1)]) {
        const { done, ahead } = storyDays(today);
        expect(
          done.filter((day) => day > today),
          `done after ${today}`,
        ).toEqual([]);
        expect(
          ahead.filter((day) => day <= today),
          `ahead on ${today}`,
        ).toEqual([]);
      }
    }
  });
});

describe('storyCalendar', () => {
  it('moves a day by the months since December 2026, the last of a month staying the last', () => {
    const february = storyCalendar('2027-02-10');
    expect(february.day('2026-12-31')).toBe('2027-02-28');
    expect(february.day('2026-11-30')).toBe('2027-01-31');
    expect(february.day('2026-11-23T10:15:00Z')).toBe('2027-01-23T10:15:00Z');
    expect(february.month('2026-11')).toBe('2027-01');
    expect(storyCalendar('2026-10-05').day('2027-01-11')).toBe('2026-11-11');
  });

  it('names the moved day in French', () => {
    const march = storyCalendar('2027-03-02');
    expect(march.monthName('2027-01-11')).toBe('avril');
    expect(march.dayAndMonth('2026-12-31')).toBe('31 mars');
    expect(storyCalendar('2027-01-20').dayAndMonth('2026-12-01')).toBe('1er janvier');
  });
});
