// npm run owner:password — sets the dashboard owner's password (Argon2id) and revokes every
// session. On a terminal it asks twice without echoing; otherwise it reads one line from stdin:
//   printf '%s\n' "$PASSWORD" | npm run owner:password
import { getEnv } from '../lib/env.ts';
import { describePasswordProblem, hashPassword } from '../lib/auth/password.ts';
import { applyMigrations, sqliteFileFromUrl } from '../lib/db/migrate.ts';
import { setOwnerPasswordHash } from '../lib/queries/owner.ts';

function promptHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          stdin.off('data', onData);
          stdin.setRawMode(false);
          stdin.pause();
          stdout.write('\n');
          return resolve(value);
        }
        if (char === '\u0003') {
          stdin.setRawMode(false);
          stdout.write('\n');
          return reject(new Error('cancelled'));
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function readOneLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readOneLine();
  const first = await promptHidden('New dashboard password: ');
  const problem = describePasswordProblem(first);
  if (problem) throw new Error(problem);
  const second = await promptHidden('The same again: ');
  if (first !== second) throw new Error('The two passwords differ; nothing was changed.');
  return first;
}

try {
  const password = await readPassword();
  const problem = describePasswordProblem(password);
  if (problem) throw new Error(problem);
  applyMigrations(sqliteFileFromUrl(getEnv().DATABASE_URL), 'prisma/migrations');
  const { revokedSessions } = await setOwnerPasswordHash(await hashPassword(password));
  console.log(`Password set. ${revokedSessions} session(s) logged out. Log in at /dashboard/login.`);
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
