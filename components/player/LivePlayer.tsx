'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { LiveController } from './live-controller';
import { OfflineOverlay } from './OfflineOverlay';
import { PlayerControls } from './PlayerControls';
import { INITIAL_STATUS, type PlayerStatus } from './player-status';
import { StatsOverlay } from './StatsOverlay';
import { usePlayerKeys } from './use-player-keys';
import { ViewBeacons, type BeaconMode } from './view-beacons';

// `poster` is the camera's latest preview once the worker serves snapshots.
type Props = { src: string; hlsScript: string; title: string; poster?: string; timezone: string; compact?: boolean; beacons?: { cameraId: string; mode: BeaconMode } };

declare global {
  interface Window {
    __lookoutPlayer?: { status: PlayerStatus; playingDateMs: () => number | null };
  }
}

export function LivePlayer({ src, hlsScript, title, poster, timezone, compact = false, beacons }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const controllerRef = useRef<LiveController | null>(null);
  const [status, setStatus] = useState<PlayerStatus>(INITIAL_STATUS);
  const [muted, setMuted] = useState(true);
  const [showStats, setShowStats] = useState(false);

  useEffect(() => {
    const video = videoRef.current!;
    const controller = new LiveController(video, src, hlsScript, (next) => {
      setStatus(next);
      window.__lookoutPlayer = { status: next, playingDateMs: () => controller.playingDateMs() };
    });
    controllerRef.current = controller;
    controller.start();
    return () => controller.destroy();
  }, [src, hlsScript]);

  const beaconCamera = beacons?.cameraId;
  const beaconMode = beacons?.mode;
  useEffect(() => {
    if (!beaconCamera || !beaconMode) return;
    const viewBeacons = new ViewBeacons(videoRef.current!, beaconCamera, beaconMode);
    viewBeacons.start();
    return () => viewBeacons.destroy();
  }, [beaconCamera, beaconMode]);

  const togglePlay = useCallback(() => {
    const video = videoRef.current!;
    if (video.paused) controllerRef.current?.goLive();
    else video.pause();
  }, []);
  const toggleMute = useCallback(() => {
    const video = videoRef.current!;
    video.muted = !video.muted;
    setMuted(video.muted);
  }, []);
  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void boxRef.current?.requestFullscreen?.().catch(() => {});
  }, []);
  usePlayerKeys({ togglePlay, toggleMute, toggleFullscreen });

  return (
    <div
      ref={boxRef}
      data-testid="player"
      data-phase={status.phase}
      data-rebuilds={status.rebuilds}
      className={`group relative aspect-video w-full overflow-hidden bg-black ${compact ? '' : 'rounded-xl shadow-lg ring-1 ring-white/10'}`}
    >
      <video
        ref={videoRef}
        className="absolute inset-0 h-full w-full"
        aria-label={`${title}, live video`}
        data-testid="live-video"
        data-live-src={src}
        poster={poster}
        muted
        autoPlay
        playsInline
        onClick={togglePlay}
      />
      {status.phase === 'offline' ? <OfflineOverlay poster={poster} since={status.offlineSince} timezone={timezone} /> : null}
      {showStats ? <StatsOverlay stats={status.stats} rebuilds={status.rebuilds} /> : null}
      <PlayerControls
        status={status}
        muted={muted}
        showStats={showStats}
        onTogglePlay={togglePlay}
        onToggleMute={toggleMute}
        onToggleFullscreen={toggleFullscreen}
        onToggleStats={() => setShowStats((s) => !s)}
        onGoLive={() => controllerRef.current?.goLive()}
      />
    </div>
  );
}
