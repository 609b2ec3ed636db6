import { useEffect } from 'react';

// Space plays/pauses, `f` toggles fullscreen, `m` toggles mute — unless typing or on a button.
export function usePlayerKeys(actions: { togglePlay: () => void; toggleMute: () => void; toggleFullscreen: () => void }): void {
  const { togglePlay, toggleMute, toggleFullscreen } = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (event.key === ' ' && !target?.closest('button, a')) {
        event.preventDefault();
        togglePlay();
      } else if (event.key === 'f' || event.key === 'F') toggleFullscreen();
      else if (event.key === 'm' || event.key === 'M') toggleMute();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [togglePlay, toggleMute, toggleFullscreen]);
}
