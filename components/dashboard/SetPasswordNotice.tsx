// A fresh install has no password (there is no default): the dashboard shows only how to set one.
export function SetPasswordNotice() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-4 px-4">
      <h1 className="text-2xl font-semibold">Set a dashboard password first</h1>
      <p className="text-neutral-300">The dashboard has no password yet, and there is no default one. On the machine running Lookout, run:</p>
      <pre data-testid="set-password-command" className="overflow-x-auto rounded-md bg-neutral-900 p-4 text-lg">
        <code>npm run owner:password</code>
      </pre>
      <p className="text-neutral-400">Then reload this page and log in.</p>
    </main>
  );
}
