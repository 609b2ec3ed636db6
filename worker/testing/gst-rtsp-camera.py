"""An independent RTSP camera for tests: GStreamer's gst-rtsp-server with x264enc.

Usage: /usr/bin/python3 gst-rtsp-camera.py PORT WIDTHxHEIGHT FPS KEYINT BFRAMES TAP_FILE
Serves rtsp://127.0.0.1:PORT/stream (one shared pipeline) and writes the encoder's own
output to TAP_FILE (Annex-B), so a test can compare what was published with what was
encoded. Prints "ready" once it listens.
"""
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

port, size, fps, keyint, bframes, tap = sys.argv[1:7]
width, height = size.split("x")
Gst.init(None)
launch = (
    f"( videotestsrc is-live=true pattern=ball ! video/x-raw,width={width},height={height},framerate={fps}/1 "
    "! timeoverlay font-desc=\"Sans 10\" ! videoconvert "
    f"! x264enc speed-preset=ultrafast key-int-max={keyint} bframes={bframes} bitrate=300 threads=1 "
    "! video/x-h264,profile=main ! tee name=t "
    "t. ! queue ! rtph264pay name=pay0 pt=96 config-interval=1 "
    f"t. ! queue ! h264parse config-interval=-1 ! video/x-h264,stream-format=byte-stream ! filesink location={tap} )"
)
server = GstRtspServer.RTSPServer()
server.set_address("127.0.0.1")
server.set_service(port)
factory = GstRtspServer.RTSPMediaFactory()
factory.set_launch(launch)
factory.set_shared(True)
server.get_mount_points().add_factory("/stream", factory)
server.attach(None)
print("ready", flush=True)
GLib.MainLoop().run()
