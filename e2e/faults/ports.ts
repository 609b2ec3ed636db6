// Fixed ports of the fault rig. Two simulated cameras, as real ones differ: a 720p one with a
// 2 s GOP (e2e/fixtures/sim-camera.json reads it over RTSP as `sim` and raw TCP as `pi`) and a
// small one with a 4 s GOP (`pi4`, raw TCP).
export const FAULT_PORTS = { site: 3220, origin: 3221, rtsp: 3222, tcp: 3223, control: 3224, longGop: { rtsp: 3225, tcp: 3226, control: 3227 } } as const;
export const CONTROL_URL = `http://127.0.0.1:${FAULT_PORTS.control}`;
export const LONG_GOP_CONTROL_URL = `http://127.0.0.1:${FAULT_PORTS.longGop.control}`;
