'use client';

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export type ChartBand = { from: number; to: number; kind: 'sunrise' | 'sunset' }; // seconds
type Props = { times: number[]; views: number[]; watchHours: number[]; bands: ChartBand[]; timeZone: string; bucket: 'hour' | 'day' };

const BAND_COLOURS = { sunrise: 'rgba(251, 191, 36, 0.22)', sunset: 'rgba(244, 114, 182, 0.22)' };

// Views (bars) and watch hours (line) over time, on the camera's clock, with the day's sunrise
// and sunset drawn behind as bands. The only interactive chart, so the only uPlot on the page.
export function HourChart({ times, views, watchHours, bands, timeZone, bucket }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const drawBands = (u: uPlot) => {
      const { ctx, bbox } = u;
      for (const band of bands) {
        const x0 = Math.max(bbox.left, u.valToPos(band.from, 'x', true));
        const x1 = Math.min(bbox.left + bbox.width, u.valToPos(band.to, 'x', true));
        if (x1 <= x0) continue;
        ctx.fillStyle = BAND_COLOURS[band.kind];
        ctx.fillRect(x0, bbox.top, x1 - x0, bbox.height);
      }
    };
    const axis = { stroke: '#a3a3a3', grid: { stroke: 'rgba(255,255,255,0.07)' }, ticks: { stroke: 'rgba(255,255,255,0.15)' } };
    const options: uPlot.Options = {
      width: element.clientWidth,
      height: 260,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), timeZone),
      cursor: { focus: { prox: 16 } },
      legend: { live: true },
      scales: { x: { time: true }, views: { range: (_u, _min, max) => [0, Math.max(1, max)] }, hours: { range: (_u, _min, max) => [0, Math.max(0.1, max)] } },
      axes: [{ ...axis }, { ...axis, scale: 'views', label: 'views' }, { ...axis, scale: 'hours', side: 1, label: 'hours watched', grid: { show: false } }],
      series: [
        { label: bucket === 'day' ? 'Day' : 'Hour' },
        { label: 'Views', scale: 'views', stroke: '#38bdf8', fill: 'rgba(56,189,248,0.35)', paths: uPlot.paths.bars!({ size: [0.8, 24] }), points: { show: false } },
        { label: 'Hours watched', scale: 'hours', stroke: '#a78bfa', width: 2, points: { show: false }, value: (_u, v) => (v == null ? '–' : `${v.toFixed(1)} h`) },
      ],
      hooks: { drawClear: [drawBands] },
    };
    const plot = new uPlot(options, [times, views, watchHours], element);
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: 260 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [times, views, watchHours, bands, timeZone, bucket]);
  return <div ref={box} data-testid="hour-chart" data-sun-bands={bands.length} data-points={times.length} className="w-full min-w-0" />;
}
