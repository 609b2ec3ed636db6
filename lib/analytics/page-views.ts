import type { ViewDimensions } from './view-rollup.ts';

// Page views heard from recently, by their random id (memory only, never stored). Lets a view
// count once however many beacons it sends, and caps each beacon's seconds by the time that
// really passed since the previous one.
const FORGET_AFTER_MS = 10 * 60_000;
const SLACK_SECONDS = 10;

type PageView = { dims: ViewDimensions; lastBeaconAt: number };

export class PageViewTable {
  private views = new Map<string, PageView>();

  get(id: string): PageView | undefined {
    return this.views.get(id);
  }

  // Returns the entry and whether it is new to this process.
  open(id: string, dims: ViewDimensions, at: number): { view: PageView; isNew: boolean } {
    const known = this.views.get(id);
    if (known) return { view: known, isNew: false };
    const view = { dims, lastBeaconAt: at };
    this.views.set(id, view);
    return { view, isNew: true };
  }

  // Seconds this beacon may add: what it claims, but no more than elapsed since the last one.
  claimSeconds(view: PageView, claimed: number, at: number, isNew: boolean): number {
    const elapsed = (at - view.lastBeaconAt) / 1000 + SLACK_SECONDS;
    view.lastBeaconAt = at;
    return isNew ? claimed : Math.max(0, Math.min(claimed, elapsed));
  }

  close(id: string): void {
    this.views.delete(id);
  }

  prune(now: number): void {
    for (const [id, view] of this.views) if (now - view.lastBeaconAt > FORGET_AFTER_MS) this.views.delete(id);
  }

  get size(): number {
    return this.views.size;
  }
}
