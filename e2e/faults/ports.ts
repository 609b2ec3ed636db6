// Fixed ports of the fault rig (e2e/fixtures/sim-camera.json points the camera at RTSP).
export const FAULT_PORTS = { site: 3220, origin: 3221, rtsp: 3222, tcp: 3223, control: 3224, metrics: 3225 } as const;
export const CONTROL_URL = `http://127.0.0.1:${FAULT_PORTS.control}`;
