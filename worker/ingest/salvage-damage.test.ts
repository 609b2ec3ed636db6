import { describe, expect, it } from 'vitest';
import { planSalvage } from './salvage-damage.ts';

// K: keyframe, p: other frame, in decode order.
const packets = (pattern: string) => [...pattern].map((c, i) => ({ pts: i * 3600, key: c === 'K' }));

describe('planSalvage', () => {
  it('keeps the clean frames and resumes at the next keyframe after them', () => {
    expect(planSalvage(packets('KppppKpppp'), 3)).toEqual({ prefix: 3, resumeAt: 5 });
    expect(planSalvage(packets('KppppKpppp'), 7)).toEqual({ prefix: 7, resumeAt: undefined });
  });

  it('resumes at a keyframe right after the clean frames: the damage may be later in its GOP', () => {
    expect(planSalvage(packets('KppppKpppp'), 5)).toEqual({ prefix: 5, resumeAt: 5 });
  });

  it('never resumes where it started, so a damaged keyframe at the start is skipped', () => {
    expect(planSalvage(packets('KppppKpppp'), 0)).toEqual({ prefix: 0, resumeAt: 5 });
    expect(planSalvage(packets('Kpppp'), 0)).toEqual({ prefix: 0, resumeAt: undefined });
  });

  it('keeps no more than there is', () => {
    expect(planSalvage(packets('Kpp'), 9)).toEqual({ prefix: 3, resumeAt: undefined });
    expect(planSalvage([], 4)).toEqual({ prefix: 0, resumeAt: undefined });
  });
});
