import { geoNaturalEarth1, geoPath } from 'd3-geo';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json' with { type: 'json' };

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;
export type CountryShape = { numericId: string; name: string; path: string };

let cached: CountryShape[] | undefined;

// The world's countries as SVG path data, projected once per process on the server: the map is
// drawn as plain SVG, so no map code or geometry library reaches the browser.
export function getCountryShapes(): CountryShape[] {
  if (cached) return cached;
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  collection.features = collection.features.filter((f) => f.id !== '010'); // Antarctica: no viewers, much space
  const projection = geoNaturalEarth1().fitSize([MAP_WIDTH, MAP_HEIGHT], collection);
  const path = geoPath(projection).digits(1);
  cached = collection.features.map((f) => ({ numericId: String(f.id), name: f.properties.name, path: path(f) ?? '' }));
  return cached;
}

// ISO 3166-1 alpha-2 (what analytics store) → the numeric code world-atlas keys countries by.
export function toNumericCountryCode(alpha2: string): string | undefined {
  return countries.alpha2ToNumeric(alpha2);
}
