import { geoNaturalEarth1, geoPath } from 'd3-geo';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json' with { type: 'json' };

// Map units are half a pixel of a 960 × 470 map, so whole numbers are precise enough.
export const MAP_WIDTH = 1920;
export const MAP_HEIGHT = 940;
export type CountryShape = { numericId: string; name: string; path: string };

let cached: CountryShape[] | undefined;

// A d3-geo path context writing SVG path data with whole-number, relative coordinates, and no
// segment that does not move: the world comes to ~45 kB instead of ~110 kB with absolute
// coordinates to one decimal. Every page carries the map twice (its HTML and React's payload).
export function createCompactPathContext() {
  let out = '';
  let x = 0;
  let y = 0;
  let open = false;
  let start: [number, number] = [0, 0]; // where the subpath began: after z, the pen is back there
  const step = (command: string, toX: number, toY: number) => {
    const dx = Math.round(toX) - x;
    const dy = Math.round(toY) - y;
    x += dx;
    y += dy;
    return `${command}${dx}${dy < 0 ? '' : ' '}${dy}`;
  };
  return {
    moveTo(toX: number, toY: number) {
      out += open ? step('m', toX, toY) : `M${(x = Math.round(toX))} ${(y = Math.round(toY))}`;
      open = true;
      start = [x, y];
    },
    lineTo(toX: number, toY: number) {
      if (Math.round(toX) !== x || Math.round(toY) !== y) out += step('l', toX, toY);
    },
    closePath() {
      out += 'z';
      [x, y] = start;
    },
    beginPath() {},
    arc() {}, // only drawn for points, and the map has none
    result() {
      const path = out;
      out = '';
      open = false;
      return path;
    },
  };
}

// The world's countries as SVG path data, projected once per process on the server: the map is
// drawn as plain SVG, so no map code or geometry library reaches the browser.
export function getCountryShapes(): CountryShape[] {
  if (cached) return cached;
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  collection.features = collection.features.filter((f) => f.id !== '010'); // Antarctica: no viewers, much space
  const projection = geoNaturalEarth1().fitSize([MAP_WIDTH, MAP_HEIGHT], collection);
  const context = createCompactPathContext();
  const path = geoPath(projection, context);
  cached = collection.features.map((f) => {
    path(f);
    return { numericId: String(f.id), name: f.properties.name, path: context.result() };
  });
  return cached;
}

// ISO 3166-1 alpha-2 (what analytics store) → the numeric code world-atlas keys countries by.
export function toNumericCountryCode(alpha2: string): string | undefined {
  return countries.alpha2ToNumeric(alpha2);
}
