// The command line as a user meets it first: help, version, and the errors for a mistyped command line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { explainCode } from '../../src/diagnostics/render/explain.js';
import { formatTree, parse } from '../../src/parse/index.js';
import { repoRoot, runPyts } from '../helpers/run-pyts.js';
import { tempFolder } from '../helpers/temp-folder.js';

const packageVersion = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string })
  .version;

describe('help and version', () => {
  test('--help lists every command and exits with 0', async () => {
    const result = await runPyts(['--help']);
    expect(result.exitCode).toBe(0);
    for (const command of ['convert', 'run', 'check', 'diff', 'explain', 'debug']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
  });

  test('each command has its own --help', async () => {
    const result = await runPyts(['run', '--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pyts run \[options\] <file> \[args\.\.\.\]$/m);
  });

  test('help COMMAND shows the same page as COMMAND --help', async () => {
    const [viaHelp, viaOption] = await Promise.all([runPyts(['help', 'convert']), runPyts(['convert', '--help'])]);
    expect(viaHelp.stdout).toBe(viaOption.stdout);
    expect(viaHelp.exitCode).toBe(0);
  });

  test('--version prints the version from package.json', async () => {
    const result = await runPyts(['--version']);
    expect(result).toMatchObject({ stdout: `${packageVersion}\n`, exitCode: 0 });
  });
});

describe('a mistyped command line is a usage error with exit code 2 and no stack trace', () => {
  test('an unknown option is named', async () => {
    const result = await runPyts(['convert', 'x.py', '--frobnicate']);
    expect(result).toMatchObject({ stderr: "error: unknown option '--frobnicate'\n", exitCode: 2 });
  });

  test('an unknown command is named, with a suggestion when one is close', async () => {
    const result = await runPyts(['rnu', 'x.py']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error: unknown command 'rnu'\n\(Did you mean run\?\)\n$/);
  });

  test('a missing argument is named', async () => {
    const result = await runPyts(['run']);
    expect(result).toMatchObject({ stderr: "error: missing required argument 'file'\n", exitCode: 2 });
  });

  test('an invalid --format is refused with the allowed choices', async () => {
    const result = await runPyts(['convert', 'x.py', '--format', 'xml']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("error: option '--format <format>' argument 'xml' is invalid.");
  });

  test('no command at all prints the help on stderr', async () => {
    const result = await runPyts([]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^Usage: pyts /);
  });
});

describe('a file that does not exist is a PYTS6001 diagnostic with exit code 1', () => {
  test.each([['convert'], ['run'], ['check', '--out-dir', 'out'], ['diff', '--out-dir', 'out']])(
    'pyts %s',
    async (command, ...options) => {
      const result = await runPyts([command, 'no-such-file.py', ...options]);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain("error PYTS6001: File 'no-such-file.py' not found.");
      expect(result.stderr).not.toMatch(/^\s+at /m);
    },
  );
});

describe('pyts explain and pyts debug tree', () => {
  test('explain CODE prints the page of the code', async () => {
    const result = await runPyts(['explain', 'PYTS6001']);
    const page = explainCode('PYTS6001') ?? '';
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(page.endsWith('\n') ? page : `${page}\n`);
  });

  test('explain accepts the code in lower case and the bare number', async () => {
    const [lower, number] = await Promise.all([runPyts(['explain', 'pyts6001']), runPyts(['explain', '6001'])]);
    expect(lower.stdout).toBe(number.stdout);
    expect(lower.stdout).toContain('PYTS6001');
  });

  test('explain with an unknown code is a usage error', async () => {
    const result = await runPyts(['explain', 'PYTS0000']);
    expect(result).toMatchObject({ stderr: "error: unknown diagnostic code 'PYTS0000'\n", exitCode: 2 });
  });

  test("debug tree prints the parser's tree of the file", async () => {
    const source = 'import asyncio\n\n\nasync def main():\n    await asyncio.sleep(0)\n';
    const folder = tempFolder({ 'tree.py': source });
    const result = await runPyts(['debug', 'tree', 'tree.py'], { cwd: folder });
    const { module } = parse(source, 'tree.py');
    expect(module).not.toBeNull();
    expect(result).toMatchObject({ stdout: `${formatTree(module!)}\n`, exitCode: 0 });
  });
});
