import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock, PoolAlreadyRunningError, resetState } from '@scripts/local-pool/state';

describe('local pool state folder', () => {
  let stateDir: string;

  beforeEach(() => {
    stateDir = mkdtempSync(join(tmpdir(), 'pool-state-'));
  });

  afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

  function lockHeldBy(pid: number): void {
    writeFileSync(join(stateDir, 'pool.lock'), JSON.stringify({ pid, startedAt: '2026-01-01T00:00:00.000Z' }));
  }

  it('takes the lock, and frees it on release', () => {
    const release = acquireLock(stateDir);

    expect(existsSync(join(stateDir, 'pool.lock'))).toBe(true);
    release();
    expect(existsSync(join(stateDir, 'pool.lock'))).toBe(false);
  });

  it('says a pool is already running when a live process holds the lock', () => {
    lockHeldBy(process.ppid);

    expect(() => acquireLock(stateDir)).toThrow(PoolAlreadyRunningError);
    expect(() => acquireLock(stateDir)).toThrow(`A local pool is already running (process ${process.ppid}`);
  });

  it('takes over a lock left by a process that has ended', () => {
    const { pid } = spawnSync(process.execPath, ['-e', '']);
    lockHeldBy(pid);

    const release = acquireLock(stateDir);

    expect(JSON.parse(readFileSync(join(stateDir, 'pool.lock'), 'utf8'))).toEqual(
      expect.objectContaining({ pid: process.pid }),
    );
    release();
  });

  it('resets everything but the lock', () => {
    const release = acquireLock(stateDir);
    writeFileSync(join(stateDir, 'pool.json'), '{}');
    mkdirSync(join(stateDir, 'logs'));
    writeFileSync(join(stateDir, 'logs', 'functions.log'), 'line\n');

    resetState(stateDir);

    expect(readdirSync(stateDir)).toEqual(['pool.lock']);
    release();
  });
});
