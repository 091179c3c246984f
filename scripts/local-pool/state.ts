import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalPool } from './local-pool';

/**
 * The state folder of `npm start` (`.local/`): `pool.lock` while a pool runs, `pool.json` with its endpoints and
 * ids (read by `npm run pool`), and the pool's data and logs.
 */

/** What `pool.lock` holds: the process that runs the pool. */
interface LockContent {
  pid: number;
  startedAt: string;
}

/** Another `npm start` is running on the same state folder. */
export class PoolAlreadyRunningError extends Error {
  constructor(lockFile: string, lock: LockContent) {
    super(
      `A local pool is already running (process ${lock.pid}, started ${lock.startedAt}; lock ${lockFile}). ` +
        `Use it, or stop it with Ctrl-C in its terminal (or \`kill ${lock.pid}\`) before starting another.`,
    );
    this.name = 'PoolAlreadyRunningError';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(lockFile: string): LockContent | undefined {
  try {
    return JSON.parse(readFileSync(lockFile, 'utf8')) as LockContent;
  } catch {
    return undefined;
  }
}

/**
 * Takes the state folder's lock for this process; a lock left by a process that no longer runs is taken over.
 *
 * @returns a function that releases the lock
 * @throws PoolAlreadyRunningError when a running process holds it
 */
export function acquireLock(stateDir: string): () => void {
  mkdirSync(stateDir, { recursive: true });
  const lockFile = join(stateDir, 'pool.lock');
  const content: LockContent = { pid: process.pid, startedAt: new Date().toISOString() };
  try {
    writeFileSync(lockFile, JSON.stringify(content), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = readLock(lockFile);
    if (holder !== undefined && holder.pid !== process.pid && isRunning(holder.pid)) {
      throw new PoolAlreadyRunningError(lockFile, holder);
    }
    writeFileSync(lockFile, JSON.stringify(content));
  }
  return () => {
    if (readLock(lockFile)?.pid === process.pid) rmSync(lockFile, { force: true });
  };
}

/** Removes everything in the state folder but the lock: users, pools, tables, logs, the functions' build. */
export function resetState(stateDir: string): void {
  for (const entry of readdirSync(stateDir)) {
    if (entry !== 'pool.lock') rmSync(join(stateDir, entry), { recursive: true, force: true });
  }
}

/** What `npm run pool` needs to reach the running pool. */
export interface PoolInfo {
  endpoints: LocalPool['endpoints'];
  userPoolId: string;
  clientId: string;
  tables: Record<string, string>;
  /** The functions the pool runs on a schedule, and the region their events name. */
  scheduled: LocalPool['scheduled'];
  region: string;
}

const INFO_FILE = 'pool.json';

/** Records the running pool's endpoints and ids for `npm run pool`. */
export function writePoolInfo(stateDir: string, pool: LocalPool): void {
  const tables = Object.fromEntries(
    Object.entries(pool.definition.tables).map(([id, table]) => [id, table.TableName ?? id]),
  );
  const info: PoolInfo = {
    endpoints: pool.endpoints,
    userPoolId: pool.userPoolId,
    clientId: pool.clientId,
    tables,
    scheduled: pool.scheduled,
    region: pool.service.provider.region,
  };
  writeFileSync(join(stateDir, INFO_FILE), `${JSON.stringify(info, null, 2)}\n`);
}

/** Forgets the running pool's endpoints (it is stopping). */
export function removePoolInfo(stateDir: string): void {
  rmSync(join(stateDir, INFO_FILE), { force: true });
}

/** The running pool's endpoints and ids, or `undefined` when no pool runs on this state folder. */
export function readPoolInfo(stateDir: string): PoolInfo | undefined {
  const holder = readLock(join(stateDir, 'pool.lock'));
  if (holder === undefined || !isRunning(holder.pid)) return undefined;
  try {
    return JSON.parse(readFileSync(join(stateDir, INFO_FILE), 'utf8')) as PoolInfo;
  } catch {
    return undefined;
  }
}
