import { classifyDevice, type DeviceClass } from './classify-device.ts';
import { isBotUserAgent } from './detect-bot.ts';

export type UserAgentClass = { bot: boolean; device: DeviceClass };

// ua-parser-js and isbot's big regexes cost ~80 µs per User-Agent, and a flood (or a day of
// viewers) repeats a few hundred of them. Results are kept per UA string, in memory only, in
// least-recently-used order up to `limit` entries.
export class UserAgentCache {
  private entries = new Map<string, UserAgentClass>();

  constructor(private readonly limit = 2000) {}

  classify(userAgent: string): UserAgentClass {
    const hit = this.entries.get(userAgent);
    if (hit) {
      this.entries.delete(userAgent); // re-inserted below: the newest goes last
      this.entries.set(userAgent, hit);
      return hit;
    }
    const result = { bot: isBotUserAgent(userAgent), device: classifyDevice(userAgent) };
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(userAgent, result);
    return result;
  }

  has(userAgent: string): boolean {
    return this.entries.has(userAgent);
  }

  get size(): number {
    return this.entries.size;
  }
}

const shared = new UserAgentCache();

export function classifyUserAgent(userAgent: string): UserAgentClass {
  return shared.classify(userAgent);
}
