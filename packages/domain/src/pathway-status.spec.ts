import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canTransition, ENDED_STATUSES, PATHWAY_TRANSITIONS, PathwayStatus } from './pathway-status';

const statuses = Object.values(PathwayStatus);

describe('pathway status machine', () => {
  it('follows the PLIE paths: accreditation, active ⇄ suspended, then an exit (into a job: the follow-up) and closing', () => {
    const { REFERRED, PENDING_ACCREDITATION, ACTIVE, SUSPENDED, EXITED, IN_JOB_FOLLOW_UP, CLOSED } = PathwayStatus;
    const paths = [
      [REFERRED, PENDING_ACCREDITATION, ACTIVE, SUSPENDED, ACTIVE, IN_JOB_FOLLOW_UP, CLOSED],
      [PENDING_ACCREDITATION, ACTIVE, EXITED, CLOSED],
    ];
    for (const path of paths) for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
    expect(canTransition(EXITED, IN_JOB_FOLLOW_UP)).toBe(false);
  });

  it('refuses skipping accreditation, reopening a closed pathway, and going back from an exit', () => {
    expect(canTransition(PathwayStatus.REFERRED, PathwayStatus.ACTIVE)).toBe(false);
    expect(canTransition(PathwayStatus.CLOSED, PathwayStatus.ACTIVE)).toBe(false);
    expect(canTransition(PathwayStatus.EXITED, PathwayStatus.ACTIVE)).toBe(false);
    expect(canTransition(PathwayStatus.IN_JOB_FOLLOW_UP, PathwayStatus.ACTIVE)).toBe(false);
  });

  it('never stays put and always ends: from any status, CLOSED is reachable and nothing leaves it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), (from) => {
        expect(canTransition(from, from)).toBe(false);
        const seen = new Set([from]);
        const queue = [from];
        while (queue.length) {
          for (const next of PATHWAY_TRANSITIONS[queue.shift()!]) {
            if (!seen.has(next)) {
              seen.add(next);
              queue.push(next);
            }
          }
        }
        expect(seen.has(PathwayStatus.CLOSED)).toBe(true);
      }),
    );
    expect(PATHWAY_TRANSITIONS[PathwayStatus.CLOSED]).toEqual([]);
    expect(ENDED_STATUSES).toContain(PathwayStatus.CLOSED);
  });
});
