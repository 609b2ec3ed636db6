import { HTTPS_REQUIRED_MESSAGE } from '@/lib/auth/login-notice';

const MESSAGES: Record<string, string> = {
  wrong: 'That password is not right. Check it and try again.',
};

// A plain HTML form: it works without JavaScript and posts to the login route handler.
export function LoginForm({ error, secure }: { error?: string; secure: boolean }) {
  const message = error ? MESSAGES[error] : undefined;
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-6 px-4">
      <h1 className="text-2xl font-semibold">Lookout dashboard</h1>
      {!secure ? (
        <p role="alert" data-testid="https-needed" className="rounded-md border border-amber-500/50 bg-amber-950/40 p-3 text-amber-100">
          {HTTPS_REQUIRED_MESSAGE}
        </p>
      ) : (
        <form method="post" action="/api/auth/login" className="flex flex-col gap-3">
          {message && (
            <p role="alert" data-testid="login-error" className="rounded-md border border-red-500/50 bg-red-950/40 p-3 text-red-100">
              {message}
            </p>
          )}
          <label htmlFor="password" className="text-sm text-neutral-300">
            Password
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            autoFocus
            className="rounded-md border border-neutral-700 bg-neutral-900 px-3 py-2 text-base focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
          />
          <button type="submit" className="rounded-md bg-sky-600 px-4 py-2 font-medium text-white hover:bg-sky-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-300 focus-visible:ring-offset-2 focus-visible:ring-offset-neutral-950">
            Log in
          </button>
        </form>
      )}
    </main>
  );
}
