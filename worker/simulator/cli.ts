import { redactUrl, startCameraSimulator } from './camera-simulator.ts';
import { CLI_USAGE, CliUsageError, parseCliArgs, type CliCommand } from './cli-args.ts';

// npm run camera:sim -- --help. Runs until Ctrl-C or SIGTERM, then leaves no ffmpeg behind.
async function runCli(argv: string[]): Promise<void> {
  let command: CliCommand;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    console.error(`camera:sim: ${error.message}\n\n${CLI_USAGE}`);
    process.exit(2);
  }
  if (command.help) {
    console.log(CLI_USAGE);
    return;
  }
  const { options, fault } = command;
  const sim = await startCameraSimulator(options).catch((error: Error) => {
    console.error(`camera:sim: could not start: ${error.message}`);
    process.exit(1);
  });
  if (fault) await sim.setFault(fault.mode, fault.options);
  const status = sim.stats();
  console.log(`Lookout camera simulator: ${options.width}x${options.height}, ${options.frameRate} fps, GOP ${options.gopSeconds} s, ${options.bFrames} B-frames, ${options.bitrateKbps} kb/s, fault ${status.rtsp.fault.mode}`);
  console.log(`  RTSP     ${redactUrl(sim.rtspUrl)}`);
  console.log(`  TCP      ${sim.tcpUrl}  (raw H.264 Annex-B)`);
  console.log(`  Control  ${sim.controlUrl}  (GET /status, POST /fault)`);
  console.log('Ctrl-C to stop.');

  let stopping = false;
  const stop = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    console.log(`camera:sim: ${reason}, stopping`);
    await sim.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  void sim.encoderExited.then(({ code, signal }) => {
    if (!stopping) void stop(`the encoder exited (code ${code}, signal ${signal})`, 1);
  });
}

await runCli(process.argv.slice(2));
