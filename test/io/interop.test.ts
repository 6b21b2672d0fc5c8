// Interoperability with CPython over real loopback sockets: a translated asyncio server serves a client run by
// python3, and a translated client talks to a server run by python3. Each pairing is compared with the same pair
// run entirely under CPython, so the expected output is CPython's, never typed here.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pytsBin, repoRoot, runPyts, runPython } from '../helpers/run-pyts.js';

const programs = join(repoRoot, 'test', 'io', 'programs');
const server = join(programs, 'line-server.py');
const client = join(programs, 'line-client.py');

/** Starts a server (`python3` or `pyts run`), waits for the port it prints, and returns it with its exit. */
function startServer(command: 'python3' | 'pyts', clients: number) {
  const [bin, args] =
    command === 'python3'
      ? ['python3', [server, String(clients)]]
      : [process.execPath, [pytsBin, 'run', server, String(clients)]];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = /^(\d+)\n/.exec(stdout);
      if (line) resolve(Number(line[1]));
    });
    child.on('close', () => reject(new Error(`${command} server exited before printing its port: ${stderr}`)));
  });
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout: stdout.replace(/^\d+\n/, ''), stderr })),
  );
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  void exit.then(() => clearTimeout(timer));
  return { port, exit };
}

async function runClient(command: 'python3' | 'pyts', port: number) {
  const result =
    command === 'python3' ? await runPython([client, String(port)]) : await runPyts(['run', client, String(port)]);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  return result.stdout;
}

async function pairing(serverCommand: 'python3' | 'pyts', clientCommand: 'python3' | 'pyts') {
  const started = startServer(serverCommand, 4);
  const clientOutput = await runClient(clientCommand, await started.port);
  const served = await started.exit;
  expect(served.stderr).toBe('');
  expect(served.code).toBe(0);
  return { client: clientOutput, server: served.stdout };
}

describe('translated streams interoperate with CPython asyncio over loopback', () => {
  test('a translated server serves a python3 client as the CPython server does', async () => {
    const reference = await pairing('python3', 'python3');
    expect(reference.client.split('\n').length).toBeGreaterThan(4);
    expect(await pairing('pyts', 'python3')).toEqual(reference);
  }, 120_000);

  test('a translated client talks to a python3 server as the CPython client does', async () => {
    const reference = await pairing('python3', 'python3');
    expect(await pairing('python3', 'pyts')).toEqual(reference);
  }, 120_000);
});
