// Sunrise and sunset from latitude/longitude, computed locally (NOAA's solar equations).
// Good to about a minute between the polar circles; no network, no dependency.

const RAD = Math.PI / 180;
const ZENITH = 90.833; // the sun's upper edge at the horizon, with refraction

export type SunTimes = { sunrise: Date; sunset: Date } | { polar: 'day' | 'night' };

export function getSunTimes(date: Date, lat: number, lon: number): SunTimes {
  // Solar noon of the UTC calendar day of `date`, refined once around the event itself.
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const rise = solveEvent(day, lat, lon, -1);
  const set = solveEvent(day, lat, lon, 1);
  if (rise === 'day' || set === 'day') return { polar: 'day' };
  if (rise === 'night' || set === 'night') return { polar: 'night' };
  return { sunrise: new Date(rise), sunset: new Date(set) };
}

function solveEvent(dayStartMs: number, lat: number, lon: number, sign: -1 | 1): number | 'day' | 'night' {
  let minutes = 720 - 4 * lon; // first guess: solar noon in UTC minutes
  for (let i = 0; i < 3; i++) {
    const { declination, equationOfTime } = solarPosition(dayStartMs + minutes * 60_000);
    const cosHourAngle = (Math.cos(ZENITH * RAD) - Math.sin(lat * RAD) * Math.sin(declination)) / (Math.cos(lat * RAD) * Math.cos(declination));
    if (cosHourAngle < -1) return 'day';
    if (cosHourAngle > 1) return 'night';
    const hourAngle = Math.acos(cosHourAngle) / RAD;
    minutes = 720 - 4 * lon - equationOfTime + sign * 4 * hourAngle;
  }
  return dayStartMs + minutes * 60_000;
}

function solarPosition(ms: number): { declination: number; equationOfTime: number } {
  const julianCentury = (ms / 86_400_000 + 2440587.5 - 2451545) / 36525;
  const meanLongitude = (280.46646 + julianCentury * (36000.76983 + julianCentury * 0.0003032)) % 360;
  const meanAnomaly = 357.52911 + julianCentury * (35999.05029 - 0.0001537 * julianCentury);
  const eccentricity = 0.016708634 - julianCentury * (0.000042037 + 0.0000001267 * julianCentury);
  const center =
    Math.sin(meanAnomaly * RAD) * (1.914602 - julianCentury * (0.004817 + 0.000014 * julianCentury)) +
    Math.sin(2 * meanAnomaly * RAD) * (0.019993 - 0.000101 * julianCentury) +
    Math.sin(3 * meanAnomaly * RAD) * 0.000289;
  const trueLongitude = meanLongitude + center;
  const omega = 125.04 - 1934.136 * julianCentury;
  const apparentLongitude = trueLongitude - 0.00569 - 0.00478 * Math.sin(omega * RAD);
  const meanObliquity = 23 + (26 + (21.448 - julianCentury * (46.815 + julianCentury * (0.00059 - julianCentury * 0.001813))) / 60) / 60;
  const obliquity = meanObliquity + 0.00256 * Math.cos(omega * RAD);
  const declination = Math.asin(Math.sin(obliquity * RAD) * Math.sin(apparentLongitude * RAD));
  const y = Math.tan((obliquity / 2) * RAD) ** 2;
  const l0 = meanLongitude * RAD;
  const m = meanAnomaly * RAD;
  const equationOfTime =
    (4 / RAD) *
    (y * Math.sin(2 * l0) - 2 * eccentricity * Math.sin(m) + 4 * eccentricity * y * Math.sin(m) * Math.cos(2 * l0) - 0.5 * y * y * Math.sin(4 * l0) - 1.25 * eccentricity * eccentricity * Math.sin(2 * m));
  return { declination, equationOfTime };
}
