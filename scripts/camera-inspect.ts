// npm run camera:inspect -- <source URL | camera id> [--json] [--seconds N] [--every N]
// Connects to a camera as the worker does (its own RTSP client, or raw H.264 over TCP),
// prints one line per NAL unit (type, size, frame_num / POC / slice type, IDR markers) and,
// every few seconds, a summary: SPS decoded, GOP, B-frames, bitrate, losses. --json gives
// one JSON object per line. The worker shows the same summary per camera in /status.json.
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { getNalType } from '../lib/h264/annex-b.ts';
import { describeLevel, describeProfile } from '../lib/h264/sps.ts';
import type { Camera } from '../lib/cameras.ts';
import { getCamera } from '../lib/cameras.ts';
import { loadConfig, parseConfig } from '../lib/config/load-config.ts';
import { getEnv } from '../lib/env.ts';
import { createLogger } from '../lib/log.ts';
import { describeSummary } from '../worker/ingest/feed/stream-summary.ts';
import type { FrameObserver, IngestFeed } from '../worker/ingest/feed/ingest-feed.ts';
import { RtspSource } from '../worker/ingest/rtsp/rtsp-source.ts';
import { TcpSource } from '../worker/ingest/tcp-source.ts';

const NAL_NAMES: Record<number, string> = { 1: 'slice', 5: 'IDR', 6: 'SEI', 7: 'SPS', 8: 'PPS', 9: 'AUD', 10: 'end-seq', 11: 'end-stream', 12: 'filler' };

const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' }, seconds: { type: 'string' }, every: { type: 'string', default: '5' } } });
const target = positionals[0];
if (!target) {
  console.error('usage: npm run camera:inspect -- <rtsp://… | tcp://host:port | camera id> [--json] [--seconds N] [--every N]');
  process.exit(2);
}

function resolveCamera(source: string): Camera {
  if (/^(rtsps?|tcp):\/\//.test(source)) return parseConfig({ cameras: [{ id: 'inspect', name: 'inspect', source }] }).cameras[0]!;
  const camera = getCamera(loadConfig(getEnv().LOOKOUT_CONFIG), source);
  if (!camera || (camera.kind !== 'rtsp' && camera.kind !== 'tcp')) throw new Error(`no RTSP or raw TCP camera "${source}" in ${getEnv().LOOKOUT_CONFIG}`);
  return camera;
}

const camera = resolveCamera(target);
const started = Date.now();
const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
const log = createLogger('inspect');
const source = camera.kind === 'rtsp' ? new RtspSource(camera, sink, log) : new TcpSource(camera, sink, log);
const feed: IngestFeed = source.feed;
const elapsed = () => ((Date.now() - started) / 1000).toFixed(3).padStart(8);
const print = (line: object | string) => console.log(values.json ? JSON.stringify(line) : line);

const onFrame: FrameObserver = ({ nals, slice, poc, passed }) => {
  for (const nal of nals) {
    const type = getNalType(nal);
    const name = NAL_NAMES[type] ?? `type ${type}`;
    const isSlice = type === 1 || type === 5;
    if (values.json) {
      print({ kind: 'nal', t: Number(elapsed()), type, name, size: nal.length, ...(isSlice ? { sliceType: slice.sliceType, frameNum: slice.frameNum, poc: poc ?? null, idr: slice.idr, passed } : {}) });
      continue;
    }
    const detail = isSlice ? `${slice.sliceType} frame_num ${slice.frameNum} POC ${poc ?? '?'}${slice.idr ? '  <== IDR' : ''}${passed ? '' : '  (dropped: waiting for an IDR after a loss)'}` : '';
    print(`${elapsed()} ${name.padEnd(6)} ${String(nal.length).padStart(7)} B  ${detail}`);
  }
};
feed.onFrame = onFrame;

function printSummary(): void {
  const summary = feed.stats.summary();
  const sps = feed.latestSps;
  const spsInfo = sps && { profile: describeProfile(sps), level: describeLevel(sps.levelIdc), width: sps.width, height: sps.height, pocType: sps.pocType, vuiFrameRate: sps.frameRate ?? null, maxNumReorderFrames: sps.maxNumReorderFrames ?? null, refFrames: sps.maxNumRefFrames };
  if (values.json) return print({ kind: 'summary', t: Number(elapsed()), ...summary, sps: spsInfo ?? null });
  print(`--- ${elapsed()} s: ${describeSummary(summary)}`);
  if (spsInfo) print(`    SPS: ${spsInfo.profile} ${spsInfo.level}, ${spsInfo.width}x${spsInfo.height}, POC type ${spsInfo.pocType}, VUI frame rate ${spsInfo.vuiFrameRate ?? 'none'}, max_num_reorder_frames ${spsInfo.maxNumReorderFrames ?? 'not given'}, ${spsInfo.refFrames} reference frames`);
  print(`    ${summary.frames} frames, ${summary.keyframes} IDR, ${summary.losses} losses or damaged units, ${summary.droppedFrames} frames dropped`);
}

const timer = setInterval(printSummary, Number(values.every) * 1000);
const finish = (why: string) => {
  clearInterval(timer);
  printSummary();
  if (!values.json) console.log(`--- ended: ${why}`);
  source.stop();
  process.exit(0);
};
if (values.seconds) setTimeout(() => finish(`${values.seconds} s`), Number(values.seconds) * 1000);
process.on('SIGINT', () => finish('interrupted'));
void source.ended.then((hint) => hint !== 'stopped' && finish(hint));
