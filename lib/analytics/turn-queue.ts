// Work done at most `perTurn` items per event-loop turn, the rest in the turns after. A beacon
// flood keeps every keep-alive connection busy: answered all at once, 64 beacons sat between
// each step of a page render (Next awaits I/O and timers many times per page). Answered a few
// per turn, a page's steps wait behind a few beacons at most, and a flooding connection, whose
// next beacon waits for its answer, is slowed instead.
export class TurnQueue {
  private jobs: (() => void)[] = [];
  private scheduled = false;

  constructor(private readonly perTurn: number) {}

  push(job: () => void): void {
    this.jobs.push(job);
    if (!this.scheduled) this.schedule();
  }

  get length(): number {
    return this.jobs.length;
  }

  private schedule(): void {
    this.scheduled = true;
    setImmediate(() => this.runTurn());
  }

  private runTurn(): void {
    this.scheduled = false;
    const batch = this.jobs.splice(0, this.perTurn);
    if (this.jobs.length) this.schedule();
    for (const job of batch) {
      try {
        job();
      } catch (error) {
        queueMicrotask(() => {
          throw error; // as an uncaught error, like the job run directly; the rest still run
        });
      }
    }
  }
}
