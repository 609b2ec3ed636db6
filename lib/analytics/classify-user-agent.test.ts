import { describe, expect, it } from 'vitest';
import { classifyDevice } from './classify-device.ts';
import { UserAgentCache } from './classify-user-agent.ts';
import { isBotUserAgent } from './detect-bot.ts';
import { BOT_USER_AGENTS, CONSOLE_USER_AGENTS, DESKTOP_USER_AGENTS, PHONE_USER_AGENTS, TABLET_USER_AGENTS, TV_USER_AGENTS } from './testing/user-agents.ts';

const all = Object.values({ ...BOT_USER_AGENTS, ...TV_USER_AGENTS, ...PHONE_USER_AGENTS, ...TABLET_USER_AGENTS, ...DESKTOP_USER_AGENTS, ...CONSOLE_USER_AGENTS });

describe('UserAgentCache', () => {
  it('answers what the classifiers answer, on the first call and from the cache', () => {
    const cache = new UserAgentCache();
    for (const round of [1, 2]) {
      for (const ua of [...all, '', '   ']) expect(cache.classify(ua), `${ua} (round ${round})`).toEqual({ bot: isBotUserAgent(ua), device: classifyDevice(ua) });
    }
    expect(cache.size).toBe(new Set([...all, '', '   ']).size);
  });

  it('keeps at most its limit, dropping the least recently used', () => {
    const cache = new UserAgentCache(2);
    const [tv, phone, desktop] = [TV_USER_AGENTS.samsungTizen!, PHONE_USER_AGENTS.iPhone!, Object.values(DESKTOP_USER_AGENTS)[0]!];
    cache.classify(tv);
    cache.classify(phone);
    cache.classify(tv); // tv is now the most recent; phone goes next
    cache.classify(desktop);
    expect([cache.has(tv), cache.has(phone), cache.has(desktop)]).toEqual([true, false, true]);
    expect(cache.classify(phone).device).toBe('mobile');
    expect([cache.has(tv), cache.has(phone), cache.has(desktop)]).toEqual([false, true, true]);
  });
});
