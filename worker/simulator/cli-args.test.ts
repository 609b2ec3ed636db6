import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from './cli-args.ts';

describe('parseCliArgs', () => {
  it('reads the full example from the README', () => {
    const argv = '--rtsp-port 8554 --tcp-port 5000 --control-port 8555 --fault lost-bytes --user admin --password secret --size 1920x1080 --bitrate 4000 --frame-rate 30 --gop 2 --bframes 2 --clock-offset=-10800'.split(' ');
    expect(parseCliArgs(argv)).toEqual({
      help: false,
      options: {
        rtspPort: 8554,
        tcpPort: 5000,
        controlPort: 8555,
        width: 1920,
        height: 1080,
        bitrateKbps: 4000,
        frameRate: 30,
        gopSeconds: 2,
        bFrames: 2,
        path: '/stream',
        ffmpegPath: 'ffmpeg',
        credentials: { username: 'admin', password: 'secret' },
        authScheme: undefined,
        clockOffsetMs: -10_800_000,
      },
      fault: { mode: 'lost-bytes', options: {} },
    });
  });

  it('refuses a GOP or B-frame count no camera has', () => {
    expect(() => parseCliArgs(['--gop', '0'])).toThrow(CliUsageError);
    expect(() => parseCliArgs(['--bframes', '9'])).toThrow(/--bframes must be a whole number from 0 to 4/);
  });

  it('defaults to fixed ports, 720p and no fault', () => {
    const command = parseCliArgs([]);
    expect(command).toMatchObject({ help: false, options: { rtspPort: 8554, tcpPort: 5000, controlPort: 8555, width: 1280, height: 720, bitrateKbps: 2500 }, fault: undefined });
  });

  it('passes fault options and port 0', () => {
    const command = parseCliArgs(['--fault', 'slow-start', '--delay-ms', '0', '--mean-interval-ms', '250', '--rtsp-port', '0', '--auth', 'digest']);
    expect(command).toMatchObject({ options: { rtspPort: 0, authScheme: 'digest' }, fault: { mode: 'slow-start', options: { delayMs: 0, meanIntervalMs: 250 } } });
  });

  it('answers --help and -h', () => {
    expect(parseCliArgs(['--help'])).toEqual({ help: true });
    expect(parseCliArgs(['-h', '--size', 'bad'])).toEqual({ help: true });
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['stray'], /positional/],
    [['--rtsp-port'], /argument missing/],
    [['--rtsp-port', '70000'], /--rtsp-port must be a whole number from 0 to 65535, not "70000"/],
    [['--tcp-port', '-1'], /--tcp-port/],
    [['--control-port', '12.5'], /--control-port/],
    [['--bitrate', 'fast'], /--bitrate must be a whole number/],
    [['--size', '1280'], /--size must be WIDTHxHEIGHT/],
    [['--size', '641x360'], /even numbers/],
    [['--size', '32x32'], /--size/],
    [['--clock-offset', 'late'], /--clock-offset must be a number of seconds/],
    [['--clock-offset', '400000000'], /at most ten years/],
    [['--fault', 'explode'], /--fault must be one of none, lost-bytes/],
    [['--user', 'admin'], /--user and --password go together/],
    [['--password', 'x'], /--user and --password go together/],
    [['--auth', 'ntlm'], /--auth must be basic, digest or both/],
    [['--fault', 'lost-bytes', '--mean-interval-ms', '0'], /--mean-interval-ms/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
