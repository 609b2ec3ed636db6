export const RTP_CLOCK = 90_000;
const WINDOW = 100; // frames in the arrival-rate estimate
const MAX_DRIFT = 0.5 * RTP_CLOCK; // re-anchor to arrival once this far apart

export type RateSource = 'sps' | 'config' | 'arrival';

// Presentation slots for raw H.264, which carries no time: a steady cadence at the SPS VUI
// frame rate, else the configured one, else the average arrival interval (smoothed over
// the last 100 frames, so bursty delivery does not make bursty timestamps). It follows the
// arrival clock: after a loss the slots skip the frames that never came, and a cadence
// more than 0.5 s off is slewed back.
export class RawFrameClock {
  // Arrival steps between frames passed one after the other. The step across a loss spans
  // frames refused while waiting for a keyframe: counted, it would read as a slower camera.
  private steps: number[] = [];
  private anchor: { arrivalMs: number; pts: number } | undefined;
  private lastArrivalMs: number | undefined;
  private previousArrivalMs: number | undefined;

  constructor(private readonly rates: { sps: () => number | undefined; config: number | undefined }) {}

  get source(): RateSource {
    const declared = this.declaredRate();
    return declared && this.agrees(declared) ? (this.rates.sps() ? 'sps' : 'config') : 'arrival';
  }

  // 90 kHz ticks per frame. A declared rate the camera does not keep (cameras halve it at
  // night, an overloaded encoder falls behind) gives way to the arrival rate: otherwise the
  // timestamps would fall behind the wall clock.
  frameDuration(): number {
    const declared = this.declaredRate();
    if (declared && this.agrees(declared)) return RTP_CLOCK / declared;
    return this.arrivalInterval() ?? (declared ? RTP_CLOCK / declared : RTP_CLOCK / 25);
  }

  private declaredRate(): number | undefined {
    return this.rates.sps() ?? this.rates.config;
  }

  // Within 10 % of what arrives, judged over a full window (before that, believed). Bursty
  // delivery moves the window's two ends by up to the burst (200 ms over 4 s is 5 %), which
  // must not count as a camera that changed its rate (halving it at night is 50 %).
  private agrees(rate: number): boolean {
    const measured = this.arrivalInterval();
    return this.steps.length < WINDOW - 1 || measured === undefined || Math.abs(measured * rate - RTP_CLOCK) <= 0.1 * RTP_CLOCK;
  }

  private arrivalInterval(): number | undefined {
    if (this.steps.length === 0) return undefined;
    const meanMs = this.steps.reduce((sum, step) => sum + step, 0) / this.steps.length;
    return Math.max(RTP_CLOCK / 120, Math.min(RTP_CLOCK, (meanMs / 1000) * RTP_CLOCK));
  }

  // afterLoss: the first frame passed after a loss; the wait before it is not a frame step.
  noteArrival(arrivalMs: number, afterLoss = false): void {
    const previous = this.lastArrivalMs;
    this.previousArrivalMs = previous;
    this.lastArrivalMs = arrivalMs;
    if (previous === undefined || afterLoss) return;
    this.steps.push(arrivalMs - previous);
    if (this.steps.length > WINDOW - 1) this.steps.shift();
  }

  // Where the next slot should start for a frame arriving now (call after noteArrival),
  // given where the cadence is. After a loss the slots skip the frames that the gap in
  // arrival held; otherwise the cadence stays, unless it drifted far from the arrival clock.
  startFor(arrivalMs: number, cadencePts: number | undefined, afterLoss: boolean): number {
    const step = this.frameDuration();
    if (cadencePts === undefined) {
      this.anchor = { arrivalMs, pts: 0 };
      return 0;
    }
    if (afterLoss && this.previousArrivalMs !== undefined) {
      const missing = Math.round(((arrivalMs - this.previousArrivalMs) / 1000) * RTP_CLOCK / step) - 1;
      this.anchor = undefined;
      return cadencePts + Math.max(0, missing) * step;
    }
    this.anchor ??= { arrivalMs, pts: cadencePts };
    const byArrival = this.anchor.pts + ((arrivalMs - this.anchor.arrivalMs) / 1000) * RTP_CLOCK;
    const drift = byArrival - cadencePts;
    if (Math.abs(drift) < MAX_DRIFT) return cadencePts;
    // Far off the wall clock: slew back by at most a tenth of a frame per frame, never a jump
    // (a jump would make a segment longer than the playlist's target duration).
    return cadencePts + Math.sign(drift) * Math.min(Math.abs(drift) - MAX_DRIFT, 0.1 * step);
  }
}

// Unwraps 32-bit RTP timestamps into a running 90 kHz count (RFC 3550: they wrap every
// 13 h 15 min at 90 kHz), by taking the nearest value to the previous one.
export class RtpTimeline {
  private last: number | undefined;
  private value = 0;

  unwrap(timestamp: number): number {
    if (this.last === undefined) {
      this.last = timestamp;
      return 0;
    }
    const delta = ((timestamp - this.last + 2 ** 31) >>> 0) - 2 ** 31;
    this.last = timestamp;
    this.value += delta;
    return this.value;
  }
}
