import { withParameterSets } from '../../lib/h264/access-units.ts';
import { FaultAwareServer } from './fault-aware-server.ts';
import type { H264Encoder } from './h264-encoder.ts';
import { joinAnnexB } from '../../lib/h264/annex-b.ts';

// Like a Raspberry Pi running `libcamera-vid --listen -o tcp://0.0.0.0:5000`: plain TCP,
// bare H.264 Annex-B, no framing and no timestamps. Each client starts at a keyframe.
export function createRawH264Server(port: number, encoder: H264Encoder): FaultAwareServer {
  const server = new FaultAwareServer(port, (connection) => connection.socket.resume());
  encoder.onFrame((frame) => {
    let bytes: Buffer | undefined;
    for (const connection of server.connections) {
      if (!connection.acceptsFrame(frame.keyframe)) continue;
      bytes ??= joinAnnexB(withParameterSets(frame, encoder.sps, encoder.pps).nals);
      connection.write(bytes);
    }
  });
  return server;
}
