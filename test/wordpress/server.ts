/**
 * A real WordPress for the tests: Debian's packages started by
 * scripts/wordpress/start.sh in a temporary folder, on a free port of 127.0.0.1,
 * stopped by scripts/wordpress/stop.sh. See scripts/wordpress/start.sh.
 */
import { execFileSync, spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

const SCRIPTS = join(ROOT, 'scripts', 'wordpress');
export const PACKAGES = 'wordpress mariadb-server apache2 libapache2-mod-php php-mysql';

export interface WordPress {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  url: string;
  user: string;
  /** An application password of `user` (24 characters, no spaces). */
  appPassword: string;
  /** The state folder (database, logs, uploads under wp-content/uploads). */
  state: string;
  port: number;
  /** The /etc/wordpress file start.sh wrote for this instance (stop removes it). */
  configFile: string;
  /** Makes REST requests fail while set (see scripts/wordpress/visite-test-faults.php); null ends it.
   *  Each refusal is logged in `${state}/faults/faults.log`. */
  setFaults: (rules: FaultRule[] | null) => Promise<void>;
  /** Stops Apache and MariaDB, removes the config file and the state folder. Safe to call twice. */
  stop: () => Promise<void>;
}

/** A request refused by the test WordPress, as a plugin, a firewall or the database would. */
export interface FaultRule {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A PCRE with its delimiters, matched against the REST route (e.g. `#^/wp/v2/posts(/\d+)?$#`). */
  route: string;
  status?: number;
  code?: string;
  message?: string;
}

/**
 * Why a WordPress cannot be started on this machine, or null when it can:
 * the same checks as start.sh's exit 3 (Debian's packages, root).
 */
export function wordpressMissing(): string | null {
  const needed = ['/usr/sbin/mariadbd', '/usr/bin/mariadb', '/usr/bin/mariadb-admin', '/usr/share/mysql/mysql_system_tables.sql',
    '/usr/sbin/apache2', '/usr/bin/php', '/usr/share/wordpress/wp-load.php'];
  const missing = needed.filter((p) => !existsSync(p));
  const modules = existsSync('/usr/lib/apache2/modules') ? readdirSync('/usr/lib/apache2/modules') : [];
  if (!modules.some((m) => /^libphp.*\.so$/.test(m))) missing.push('/usr/lib/apache2/modules/libphp*.so');
  if (missing.length > 0) return `Debian's WordPress packages are not installed (missing ${missing.join(', ')}): apt-get install ${PACKAGES}`;
  if (process.getuid?.() !== 0) return 'a test WordPress needs root (start.sh writes /etc/wordpress/config-visite-PORT.php and runs Apache as www-data)';
  try {
    accessSync('/etc/wordpress', constants.W_OK);
  } catch {
    return '/etc/wordpress is not writable';
  }
  return null;
}

/** A port of 127.0.0.1 free right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(2000);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
    socket.once('error', () => resolve(false));
  });
}

function run(script: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [join(SCRIPTS, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** State folders started by this process and not yet stopped: stopped at exit, whatever happens. */
const running = new Set<string>();
process.once('exit', () => {
  for (const state of running) {
    try {
      execFileSync('bash', [join(SCRIPTS, 'stop.sh'), state], { stdio: 'ignore', timeout: 30_000 });
    } catch {
      // Nothing more can be done at exit.
    }
  }
});

/**
 * Starts a WordPress in a new temporary folder on a free port; `skipped` says why
 * it cannot run on this machine (the caller decides: a failure in CI, a notice elsewhere).
 */
export async function startWordPress(): Promise<WordPress | { skipped: string }> {
  const missing = wordpressMissing();
  if (missing) return { skipped: missing };
  let lastError = '';
  // Another process may take the free port between the check and Apache's bind: one more try then.
  for (let attempt = 0; attempt < 2; attempt++) {
    const state = await mkdtemp(join(tmpdir(), 'visite-wp-'));
    const port = await freePort();
    running.add(state);
    const started = await run('start.sh', [state, String(port)], 60_000);
    if (started.code === 3) {
      running.delete(state);
      await rm(state, { recursive: true, force: true });
      return { skipped: started.stderr.trim() };
    }
    if (started.code === 0) {
      const line = started.stdout.trim().split('\n').pop() ?? '';
      const info = JSON.parse(line) as { url: string; user: string; appPassword: string; state: string };
      let stopped = false;
      return {
        ...info,
        port,
        configFile: `/etc/wordpress/config-visite-${port}.php`,
        setFaults: async (rules) => {
          if (rules === null) await rm(join(state, 'faults', 'faults.json'), { force: true });
          else await writeFile(join(state, 'faults', 'faults.json'), JSON.stringify(rules));
        },
        stop: async () => {
          if (stopped) return;
          stopped = true;
          const done = await run('stop.sh', [state], 60_000);
          running.delete(state);
          if (done.code !== 0) throw new Error(`stop.sh failed (${done.code}): ${done.stderr}`);
          await rm(state, { recursive: true, force: true });
        },
      };
    }
    // start.sh stopped whatever it had started; the folder has its logs, quoted in stderr.
    running.delete(state);
    await rm(state, { recursive: true, force: true });
    lastError = `start.sh ${state} ${port} exited ${started.code}:\n${started.stderr}`;
  }
  throw new Error(lastError);
}
