// The simulator's keyframe interval (GOP) for this run of the fault rig, from FAULTS_GOP:
// 2 s (the default, a typical real camera) or 4 s. scripts/test.sh runs both.
// Issue 12's goals for a camera that loses bytes every ~3 s: no frozen picture over 3 s with
// a 2 s GOP, over 5 s with a 4 s GOP.
const FREEZE_GOALS_MS: Record<string, number> = { '2': 3000, '4': 5000 };

const gop = process.env.FAULTS_GOP ?? '2';
if (!(gop in FREEZE_GOALS_MS)) throw new Error(`FAULTS_GOP=${gop}: the fault rig runs with a 2 or 4 s GOP`);

export const GOP_SECONDS = Number(gop);
export const FREEZE_GOAL_MS = FREEZE_GOALS_MS[gop]!;
