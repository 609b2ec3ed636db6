import { describe, expect, it } from 'vitest';
import { classifyDevice } from './classify-device.ts';
import { classifySource, normalizeHost } from './classify-source.ts';
import { isBotUserAgent } from './detect-bot.ts';
import { lookupCountry, parseCloudflareCountry } from './lookup-country.ts';
import { attributePreviewFetch, matchPortalUserAgent } from './match-portal.ts';
import { BOT_USER_AGENTS, CONSOLE_USER_AGENTS, DESKTOP_USER_AGENTS, PHONE_USER_AGENTS, TABLET_USER_AGENTS, TV_USER_AGENTS } from './testing/user-agents.ts';

const people = { ...TV_USER_AGENTS, ...PHONE_USER_AGENTS, ...TABLET_USER_AGENTS, ...DESKTOP_USER_AGENTS, ...CONSOLE_USER_AGENTS };

describe('classifyDevice', () => {
  it.each(Object.entries(TV_USER_AGENTS))('%s is a smart-tv', (_, ua) => expect(classifyDevice(ua)).toBe('smart-tv'));
  it.each(Object.entries(PHONE_USER_AGENTS))('%s is mobile', (_, ua) => expect(classifyDevice(ua)).toBe('mobile'));
  it.each(Object.entries(TABLET_USER_AGENTS))('%s is a tablet', (_, ua) => expect(classifyDevice(ua)).toBe('tablet'));
  it.each(Object.entries(DESKTOP_USER_AGENTS))('%s is a desktop', (_, ua) => expect(classifyDevice(ua)).toBe('desktop'));
  it.each(Object.entries(CONSOLE_USER_AGENTS))('%s is a console', (_, ua) => expect(classifyDevice(ua)).toBe('console'));
  it('needs our rule for LG webOS without the SmartTV token (ua-parser-js alone says Linux)', () => {
    expect(classifyDevice(TV_USER_AGENTS.lgWebOsNoToken)).toBe('smart-tv');
  });
  it('calls what it cannot place "other"', () => {
    expect(classifyDevice('SomeRadio/1.0')).toBe('other');
  });
});

describe('isBotUserAgent', () => {
  it.each(Object.entries(BOT_USER_AGENTS))('%s is a bot', (_, ua) => expect(isBotUserAgent(ua)).toBe(true));
  it('treats a missing or blank User-Agent as a bot', () => {
    expect(isBotUserAgent(undefined)).toBe(true);
    expect(isBotUserAgent('   ')).toBe(true);
  });
  it.each(Object.entries(people))('%s is a person', (_, ua) => expect(isBotUserAgent(ua)).toBe(false));
});

describe('preview.jpg portal attribution', () => {
  it('prefers ?src=, then a known scraper User-Agent, then unknown', () => {
    expect(attributePreviewFetch('windy', BOT_USER_AGENTS.curl)).toBe('windy');
    expect(attributePreviewFetch('Windy ', undefined)).toBe('windy');
    expect(attributePreviewFetch(null, 'Mozilla/5.0 (compatible; Windy Webcams fetcher; +https://www.windy.com)')).toBe('windy');
    expect(attributePreviewFetch(undefined, 'WebcamsTravel-Bot/2.0 (+https://www.webcams.travel)')).toBe('webcams-travel');
    expect(attributePreviewFetch(undefined, BOT_USER_AGENTS.curl)).toBe('unknown');
    expect(attributePreviewFetch(undefined, '')).toBe('unknown');
  });
  it('does not trust a src that is not a portal name', () => {
    expect(attributePreviewFetch('<script>', undefined)).toBe('unknown');
    expect(attributePreviewFetch('a'.repeat(41), undefined)).toBe('unknown');
    expect(attributePreviewFetch('../x', 'foto-webcam.eu grabber')).toBe('foto-webcam');
  });
  it('knows a portal even when isbot would call it a bot', () => {
    const ua = 'meteoblue-webcam-bot/1.0';
    expect(isBotUserAgent(ua)).toBe(true);
    expect(matchPortalUserAgent(ua)).toBe('meteoblue');
  });
});

describe('lookupCountry (DB-IP Lite, offline)', () => {
  it('finds public addresses, IPv4, IPv6 and IPv4-mapped', () => {
    expect(lookupCountry('8.8.8.8')).toBe('US');
    expect(lookupCountry('81.62.0.1')).toBe('CH');
    expect(lookupCountry('::ffff:81.62.0.1')).toBe('CH');
    expect(lookupCountry('2a02:1210::1')).toBe('CH');
  });
  it.each(['127.0.0.1', '::1', '10.1.2.3', '192.168.1.1', '172.16.0.9', 'fe80::1', 'fd00::1', '203.0.113.5', 'not-an-ip', undefined])('%s is --', (address) => {
    expect(lookupCountry(address)).toBe('--');
  });
  it('reads CF-IPCountry only as a two-letter code', () => {
    expect(parseCloudflareCountry('ch')).toBe('CH');
    expect(parseCloudflareCountry('XX')).toBeUndefined();
    expect(parseCloudflareCountry('T1')).toBeUndefined();
    expect(parseCloudflareCountry('<b>')).toBeUndefined();
    expect(parseCloudflareCountry(null)).toBeUndefined();
  });
});

describe('classifySource', () => {
  it('keeps only the referrer host, and calls the site itself direct', () => {
    expect(classifySource(undefined, 'cam.example:3000')).toBe('direct');
    expect(classifySource('www.Meteo-Blog.example', 'cam.example')).toBe('meteo-blog.example');
    expect(classifySource('cam.example', 'cam.example:3000')).toBe('direct');
    expect(classifySource('a b/c', 'cam.example')).toBe('direct');
  });
  it('rejects what is not a host name', () => {
    expect(normalizeHost('evil.example/path')).toBeUndefined();
    expect(normalizeHost('x'.repeat(300))).toBeUndefined();
    expect(normalizeHost('-bad.example')).toBeUndefined();
  });
});
