import { UAParser } from 'ua-parser-js';

export type DeviceClass = 'smart-tv' | 'mobile' | 'tablet' | 'desktop' | 'console' | 'other';

const PARSER_TYPES: Record<string, DeviceClass> = { smarttv: 'smart-tv', mobile: 'mobile', wearable: 'mobile', tablet: 'tablet', console: 'console' };
const DESKTOP_OS = /^(Windows|Mac OS|macOS|Linux|Ubuntu|Debian|Fedora|Chrom(e|ium) OS|FreeBSD|OpenBSD|Mint|Arch|Gentoo|SUSE|Red Hat|CentOS)/;
// LG's newer webOS TVs send "Web0S; Linux" without the SmartTV token ua-parser-js looks for.
const WEBOS_TV = /\bWeb0S\b|\bwebOS\b|\bNetCast\b/i;

// Device class from a User-Agent with ua-parser-js 1.x (MIT; 2.x is AGPL) plus our TV rule.
export function classifyDevice(userAgent: string): DeviceClass {
  const result = new UAParser(userAgent).getResult();
  const known = result.device.type && PARSER_TYPES[result.device.type];
  if (known) return known;
  if (WEBOS_TV.test(userAgent)) return 'smart-tv';
  if (result.device.type === undefined && result.os.name && DESKTOP_OS.test(result.os.name)) return 'desktop';
  return 'other';
}
