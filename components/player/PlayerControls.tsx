import type { PlayerStatus } from './player-status';

type Props = {
  status: PlayerStatus;
  muted: boolean;
  showStats: boolean;
  onTogglePlay: () => void;
  onToggleMute: () => void;
  onToggleFullscreen: () => void;
  onToggleStats: () => void;
  onGoLive: () => void;
};

const BUTTON = 'rounded-md bg-black/60 px-3 py-1.5 text-sm font-medium text-white backdrop-blur hover:bg-black/80 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-400';

export function PlayerControls({ status, muted, showStats, onTogglePlay, onToggleMute, onToggleFullscreen, onToggleStats, onGoLive }: Props) {
  const live = status.phase === 'playing' && !status.behindLive;
  return (
    <>
      <div className="pointer-events-none absolute left-3 top-3 flex items-center gap-2">
        {live ? (
          <span data-testid="live-badge" className="rounded bg-red-600 px-2 py-1 text-xs font-semibold uppercase tracking-wide text-white">
            Live{status.stats.latencySeconds !== null ? ` · ${status.stats.latencySeconds.toFixed(1)} s` : ''}
          </span>
        ) : status.phase === 'loading' || status.phase === 'recovering' ? (
          <span className="rounded bg-black/70 px-2 py-1 text-xs font-medium uppercase tracking-wide text-neutral-200">{status.phase === 'loading' ? 'Connecting…' : 'Reconnecting…'}</span>
        ) : null}
      </div>
      <div className="absolute inset-x-0 bottom-0 flex flex-wrap items-center gap-2 bg-gradient-to-t from-black/70 to-transparent p-3 opacity-100 transition-opacity sm:opacity-0 sm:group-focus-within:opacity-100 sm:group-hover:opacity-100">
        <button type="button" className={BUTTON} onClick={onTogglePlay} aria-label={status.phase === 'paused' ? 'Play' : 'Pause'}>
          {status.phase === 'paused' ? 'Play' : 'Pause'}
        </button>
        <button type="button" className={BUTTON} onClick={onToggleMute} aria-label={muted ? 'Unmute' : 'Mute'} aria-pressed={!muted}>
          {muted ? 'Unmute' : 'Mute'}
        </button>
        {status.phase !== 'offline' && (status.behindLive || status.phase === 'paused') ? (
          <button type="button" className={`${BUTTON} bg-red-600/90`} onClick={onGoLive}>
            Go live
          </button>
        ) : null}
        <span className="flex-1" />
        <button type="button" className={BUTTON} onClick={onToggleStats} aria-pressed={showStats}>
          Stats
        </button>
        <button type="button" className={BUTTON} onClick={onToggleFullscreen} aria-label="Fullscreen">
          Fullscreen
        </button>
      </div>
    </>
  );
}
