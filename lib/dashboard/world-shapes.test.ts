import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import atlas from 'world-atlas/countries-110m.json' with { type: 'json' };
import { createCompactPathContext, getCountryShapes, MAP_HEIGHT, MAP_WIDTH } from './world-shapes.ts';

// The absolute points of an SVG path using M/m/L/l/z (what both writers emit), per subpath.
function readPath(d: string): [number, number][][] {
  const rings: [number, number][][] = [];
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  for (const [, command, args] of d.matchAll(/([MmLlZz])([^MmLlZz]*)/g)) {
    const n = (args!.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []).map(Number);
    if (command === 'z' || command === 'Z') {
      [x, y] = start;
      continue;
    }
    for (let i = 0; i < n.length; i += 2) {
      const relative = command === 'm' || command === 'l';
      x = relative ? x + n[i]! : n[i]!;
      y = relative ? y + n[i + 1]! : n[i + 1]!;
      if (i === 0 && (command === 'M' || command === 'm')) {
        start = [x, y];
        rings.push([]);
      }
      rings.at(-1)!.push([x, y]);
    }
  }
  return rings;
}

describe('compact map paths', () => {
  it('writes whole relative steps, returns to the subpath start after z, and skips steps that do not move', () => {
    const context = createCompactPathContext();
    context.moveTo(10.2, 20.7);
    context.lineTo(13.4, 18.6);
    context.lineTo(13.3, 18.8); // rounds to the same point: dropped
    context.lineTo(9.6, 25.1);
    context.closePath();
    context.moveTo(40, 41);
    context.lineTo(42, 41);
    context.closePath();
    const d = context.result();
    expect(d).toBe('M10 21l3-2l-3 6zm30 20l2 0z');
    expect(readPath(d)).toEqual([[[10, 21], [13, 19], [10, 25]], [[40, 41], [42, 41]]]);
    context.moveTo(1, 1);
    expect(context.result()).toBe('M1 1'); // each shape starts afresh, with an absolute move
  });

  it('draws every country at d3’s own points, rounded to whole units, none dropped', () => {
    const shapes = getCountryShapes();
    expect(shapes.length).toBeGreaterThan(170);
    expect(shapes.map((s) => s.path).join('').length).toBeLessThan(60_000);
    const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const collection = feature(topology, topology.objects.countries);
    collection.features = collection.features.filter((f) => f.id !== '010');
    // d3's own points, unrounded, recorded straight from its path context.
    let points: [number, number][][] = [];
    const recorder = { moveTo: (x: number, y: number) => points.push([[x, y]]), lineTo: (x: number, y: number) => points.at(-1)!.push([x, y]), closePath() {}, beginPath() {}, arc() {} };
    const draw = geoPath(geoNaturalEarth1().fitSize([MAP_WIDTH, MAP_HEIGHT], collection), recorder);
    for (const [i, f] of collection.features.entries()) {
      points = [];
      draw(f);
      const expected = points.map((ring) =>
        ring.map(([x, y]) => [Math.round(x), Math.round(y)] as [number, number]).filter((p, j, all) => j === 0 || p[0] !== all[j - 1]![0] || p[1] !== all[j - 1]![1]),
      );
      expect(readPath(shapes[i]!.path), shapes[i]!.name).toEqual(expected);
    }
    const switzerland = readPath(shapes.find((s) => s.numericId === '756')!.path).flat();
    expect(switzerland.every(([x, y]) => x > MAP_WIDTH / 2 && x < MAP_WIDTH * 0.6 && y > 0 && y < MAP_HEIGHT / 3)).toBe(true);
  });
});
