import { createSocket } from 'node:dgram';
import { getConfig } from '../config/index.ts';
import { createLogger } from '../log.ts';
import { countPreviewFetch } from './analytics-metrics.ts';
import { getAnalyticsState } from './analytics-state.ts';
import { floorToHour } from '../time-zone.ts';
import { parseEdgeLogLine } from './edge-log-line.ts';

export type EdgeLogCollector = { port: number; counts: { accepted: number; malformed: number; badKey: number }; close: () => void };
const log = createLogger('edge-log');

// A UDP syslog listener on 127.0.0.1 for the edges' preview.jpg cache hits (nginx access_log
// syslog:server=…). Lines without the shared key, or malformed, are dropped and counted.
export function startEdgeLogCollector(options: { port: number; key: string; host?: string }): Promise<EdgeLogCollector> {
  const socket = createSocket('udp4');
  const counts = { accepted: 0, malformed: 0, badKey: 0 };
  socket.on('message', (message) => {
    const result = parseEdgeLogLine(message.toString('utf8'), options.key);
    if (!result.ok) {
      if (result.reason === 'bad-key') counts.badKey++;
      else counts.malformed++;
      return;
    }
    counts.accepted++;
    if (!result.fetch) return;
    const config = getConfig();
    const cameraId = result.fetch.cameraId ?? config.defaultCameraId;
    if (!config.cameras.some((camera) => camera.id === cameraId)) return;
    getAnalyticsState().rollup.addPreviewFetches({ cameraId, hour: new Date(floorToHour(result.fetch.at)), portal: result.fetch.portal, via: 'edge', fetches: 1 });
    countPreviewFetch(cameraId, result.fetch.portal, 'edge');
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(options.port, options.host ?? '127.0.0.1', () => {
      socket.off('error', reject);
      socket.on('error', (error) => log.warn('edge log socket error', { error: error.message }));
      resolve({ port: socket.address().port, counts, close: () => socket.close() });
    });
  });
}
