import { type ChildProcess, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, probeStatus } from '../shared/network.js';

export interface BootCommand {
  /** Arguments after the node executable, e.g. ['--import', 'tsx', 'server/src/main.ts']. */
  nodeArgs: string[];
  /** The whole environment of the child; PORT is added. */
  env: Record<string, string | undefined>;
  cwd: string;
  /** Path polled until it answers 200. */
  readyPath: string;
}

const pollIntervalMs = 10;
const outputTailBytes = 4096;

/**
 * Spawns a node process and polls its ready path over fresh connections until it answers 200.
 * Returns the milliseconds from spawn to that first 200, then stops the process (SIGTERM, SIGKILL after 15 s)
 * and waits for it to exit so the next boot finds its data directory closed cleanly.
 */
export async function timeBootToReady(command: BootCommand, timeoutMs = 120_000): Promise<number> {
  const port = await freePort();
  let output = '';
  const started = performance.now();
  const child = spawn(process.execPath, command.nodeArgs, {
    cwd: command.cwd,
    env: { ...command.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keepTail = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-outputTailBytes);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });

  try {
    const url = `http://127.0.0.1:${port}${command.readyPath}`;
    while (performance.now() - started < timeoutMs) {
      if (exitCode !== undefined) throw new Error(`process exited with ${exitCode} before it was ready:\n${output}`);
      if ((await probeStatus(url, 1000)) === 200) return performance.now() - started;
      await sleep(pollIntervalMs);
    }
    throw new Error(`not ready after ${timeoutMs} ms:\n${output}`);
  } finally {
    await stopProcess(child, exited);
  }
}

async function stopProcess(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killTimer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killTimer);
}
