// Faults a real service meets, run under CPython and translated by pyts, with the same expected behaviour: Ctrl-C
// while asyncio.run serves (the main task is cancelled, KeyboardInterrupt ends the process by SIGINT), and SIGTERM
// in the middle of a burst of traffic (graceful shutdown, exit 0). Other faults are fixtures (fixtures/io:
// streams-connection-errors for a client leaving mid-message and a reset peer, streams-backpressure for a peer
// that does not read, subprocess-dies for a child that dies).
import { spawn } from 'node:child_process';
import * as net from 'node:net';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pytsBin, repoRoot } from '../helpers/run-pyts.js';

const programs = join(repoRoot, 'test', 'io', 'programs');

interface Outcome {
  stdout: string;
  lastStderrLine: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * Runs a program under `python3` or `pyts run`; `onStdout` sees the output as it comes and may act on the
 * process (send it a signal, connect to it).
 */
function run(
  runner: 'python3' | 'pyts',
  program: string,
  onStdout: (text: string, pid: number) => void,
): Promise<Outcome> {
  const [command, args] = runner === 'python3' ? ['python3', [program]] : [process.execPath, [pytsBin, 'run', program]];
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONHASHSEED: '0' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    onStdout(stdout, child.pid!);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const lines = stderr.trimEnd().split('\n');
      resolve({ stdout, lastStderrLine: lines[lines.length - 1]!, code, signal });
    }),
  );
}

/** Ctrl-C as a terminal sends it once the program says it is ready. */
function interruptWhenReady(text: string, pid: number, sent: { done: boolean }): void {
  if (sent.done || !text.includes('ready\n')) return;
  sent.done = true;
  process.kill(pid, 'SIGINT');
}

/** Several connections stream numbered lines; SIGTERM goes to the server while they are in full flow. */
function burstThenTerminate(text: string, pid: number, state: { started: boolean; terminated?: boolean }): void {
  const port = /^(\d+)\n/.exec(text);
  if (state.started || !port) return;
  state.started = true;
  let acknowledged = 0;
  for (let c = 0; c < 8; c++) {
    const socket = net.connect({ host: '127.0.0.1', port: Number(port[1]) });
    let n = 0;
    const burst = () => {
      let chunk = '';
      for (let i = 0; i < 200; i++) chunk += `${n++} payload\n`;
      socket.write(chunk);
    };
    socket.on('connect', burst);
    socket.on('data', (data: Buffer) => {
      acknowledged += data.toString().split('\n').length - 1;
      if (acknowledged > 2000 && !state.terminated) {
        state.terminated = true;
        process.kill(pid, 'SIGTERM');
      }
      if (!socket.destroyed) burst();
    });
    socket.on('error', () => socket.destroy());
  }
}

describe('faults end the program as CPython ends it', () => {
  test('Ctrl-C during asyncio.run cancels the main task, then KeyboardInterrupt exits by SIGINT (130)', async () => {
    const program = join(programs, 'interrupted-server.py');
    const outcome = (runner: 'python3' | 'pyts') => {
      const sent = { done: false };
      return run(runner, program, (text, pid) => interruptWhenReady(text, pid, sent));
    };
    const cpython = await outcome('python3');
    expect(cpython.signal).toBe('SIGINT');
    expect(cpython.lastStderrLine).toBe('KeyboardInterrupt');
    expect(await outcome('pyts')).toEqual(cpython);
  }, 120_000);

  test('SIGTERM in the middle of a burst shuts the server down gracefully with exit 0', async () => {
    const program = join(programs, 'burst-server.py');
    const outcome = async (runner: 'python3' | 'pyts') => {
      const state = { started: false };
      const result = await run(runner, program, (text, pid) => burstThenTerminate(text, pid, state));
      return { ...result, stdout: result.stdout.replace(/^\d+\n/, '') };
    };
    const cpython = await outcome('python3');
    expect(cpython.code).toBe(0);
    expect(cpython.stdout).toContain('handlers ended cleanly: True');
    expect(await outcome('pyts')).toEqual(cpython);
  }, 120_000);
});
