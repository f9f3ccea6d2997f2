import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from 'ldapts';

/** The schema with the Lync and AD definitions pcmig uses (docs/directory.md). */
export const PCMIG_LYNC_SCHEMA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../ldap-schema/pcmig-lync.schema');

const SUFFIX = 'dc=pcmig,dc=test';

/** A throw-away OpenLDAP server on 127.0.0.1, for the LDAP directory tests. */
export interface SlapdServer {
  readonly url: string;
  readonly port: number;
  readonly suffix: string;
  readonly adminDn: string;
  readonly adminPassword: string;
  /** A bound user the ACLs allow to read, not to write (for the access-denied tests). */
  readonly readerDn: string;
  readonly readerPassword: string;
  /** Stops the process but keeps its data (the tests simulate a directory outage). */
  stopProcess(): Promise<void>;
  /** Starts the process again on the same port and data. */
  startProcess(): Promise<void>;
  /** Stops it and removes every file. */
  dispose(): Promise<void>;
}

/**
 * Starts slapd with its own configuration in a temporary folder: the standard core, cosine and
 * inetorgperson schemas plus pcmig-lync.schema, an mdb database, the memberof and refint
 * overlays (so group membership behaves as in AD), a random admin password and a free port.
 * Waits until it answers a bind; fails with a clear message when slapd is not installed.
 */
export async function startSlapd(): Promise<SlapdServer> {
  const binary = findSlapd();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-slapd-'));
  const adminPassword = randomBytes(12).toString('hex');
  const adminDn = `cn=admin,${SUFFIX}`;
  const readerDn = `cn=reader,${SUFFIX}`;
  const readerPassword = randomBytes(12).toString('hex');
  fs.mkdirSync(path.join(dir, 'db'));
  const config = path.join(dir, 'slapd.conf');
  fs.writeFileSync(config, configuration(dir, adminDn, adminPassword), { mode: 0o600 });

  let port = 0;
  let child: ChildProcess | null = null;
  const launch = async () => {
    let lastError: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      const candidate = port || (await freePort());
      try {
        child = await spawnAndWait(binary, config, candidate, adminDn, adminPassword);
        port = candidate;
        return;
      } catch (error) {
        lastError = error;
        if (port) await sleep(100); // same port after a stop: wait for the socket to be released
      }
    }
    throw lastError;
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (running) await terminate(running);
  };
  const onExit = () => (child as ChildProcess | null)?.kill('SIGKILL');
  process.once('exit', onExit);

  try {
    await launch();
    await createSuffix(`ldap://127.0.0.1:${port}`, adminDn, adminPassword, readerDn, readerPassword);
  } catch (error) {
    await stop();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `ldap://127.0.0.1:${port}`,
    port,
    suffix: SUFFIX,
    adminDn,
    adminPassword,
    readerDn,
    readerPassword,
    stopProcess: stop,
    startProcess: launch,
    dispose: async () => {
      process.off('exit', onExit);
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function findSlapd(): string {
  const candidates = [process.env.PCMIG_SLAPD, '/usr/sbin/slapd', '/usr/local/sbin/slapd', '/usr/libexec/slapd'];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(path.join(dir, 'slapd'));
  const found = candidates.find((candidate) => candidate && fs.existsSync(candidate));
  if (!found) {
    throw new Error(
      'OpenLDAP slapd is not installed, and the LDAP directory tests start their own server. Install the Debian packages slapd and ldap-utils (apt-get install slapd ldap-utils; .ci/run does), or set PCMIG_SLAPD to the slapd binary.',
    );
  }
  return found;
}

function configuration(dir: string, adminDn: string, adminPassword: string): string {
  const schemaDir = ['/etc/ldap/schema', '/etc/openldap/schema', '/usr/local/etc/openldap/schema'].find((candidate) => fs.existsSync(path.join(candidate, 'core.schema')));
  if (!schemaDir) throw new Error('The OpenLDAP schema files (core.schema, cosine.schema, inetorgperson.schema) were not found; reinstall slapd.');
  const moduleDir = ['/usr/lib/ldap', '/usr/lib64/openldap', '/usr/lib/openldap', '/usr/local/libexec/openldap'].find((candidate) =>
    fs.existsSync(path.join(candidate, 'back_mdb.so')) || fs.existsSync(path.join(candidate, 'back_mdb.la')),
  );
  // Without a module folder the backends and overlays are assumed to be built into slapd.
  const modules = moduleDir ? [`modulepath ${moduleDir}`, 'moduleload back_mdb', 'moduleload memberof', 'moduleload refint'] : [];
  return [
    `include ${schemaDir}/core.schema`,
    `include ${schemaDir}/cosine.schema`,
    `include ${schemaDir}/inetorgperson.schema`,
    `include ${PCMIG_LYNC_SCHEMA}`,
    `pidfile ${path.join(dir, 'slapd.pid')}`,
    ...modules,
    'database mdb',
    `suffix "${SUFFIX}"`,
    `rootdn "${adminDn}"`,
    `rootpw ${adminPassword}`,
    `directory ${path.join(dir, 'db')}`,
    'maxsize 268435456',
    'access to attrs=userPassword by self write by anonymous auth by * none',
    `access to * by dn.exact="${adminDn}" write by users read by * read`,
    'index objectClass eq',
    'index msRTCSIP-PrimaryUserAddress eq',
    'overlay memberof',
    'memberof-group-oc group',
    'memberof-member-ad member',
    'memberof-memberof-ad memberOf',
    'memberof-refint TRUE',
    '',
  ].join('\n');
}

async function spawnAndWait(binary: string, config: string, port: number, adminDn: string, adminPassword: string): Promise<ChildProcess> {
  // -d 0 keeps slapd in the foreground (so the test owns the process) without debug output.
  const child = spawn(binary, ['-f', config, '-h', `ldap://127.0.0.1:${port}/`, '-d', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exited: string | null = null;
  child.once('exit', (code, signal) => (exited = `slapd exited (${code ?? signal}): ${stderr.trim() || 'no output'}`));
  child.once('error', (error) => (exited = `slapd could not start: ${error.message}`));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(exited);
    const client = new Client({ url: `ldap://127.0.0.1:${port}`, connectTimeout: 500, timeout: 2_000 });
    try {
      await client.bind(adminDn, adminPassword);
      await client.unbind();
      return child;
    } catch {
      await client.unbind().catch(() => undefined);
      await sleep(25);
    }
  }
  await terminate(child);
  throw new Error(`slapd did not answer on port ${port} within 15 s: ${stderr.trim()}`);
}

async function createSuffix(url: string, adminDn: string, adminPassword: string, readerDn: string, readerPassword: string): Promise<void> {
  const client = new Client({ url });
  try {
    await client.bind(adminDn, adminPassword);
    await client.add(SUFFIX, { objectClass: ['top', 'domain'], dc: 'pcmig' });
    await client.add(readerDn, { objectClass: ['top', 'organizationalRole', 'simpleSecurityObject'], cn: 'reader', userPassword: readerPassword });
  } finally {
    await client.unbind();
  }
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

