// Set on the worker's environment by whatever starts it (glibc reads it at process start).
// sharp/libvips decode and encode on their own threads, and glibc gives every thread a
// malloc arena of its own that it seldom hands back: with two arenas the worker's RSS
// dropped from ~165 MB to ~144 MB at 1080p (`npm run bench:ingest`), for no measurable CPU.
export const WORKER_ENV = { MALLOC_ARENA_MAX: '2' } as const;

// An owner's own setting wins.
export function workerEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...WORKER_ENV, ...base };
}
