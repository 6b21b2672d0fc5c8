// npm run bench:io [-- --connections 200 --round-trips 1000 --runs 1 --soak [--soak-seconds 60]]
//
// Load on a real asyncio service: bench/io/echo_server.py (a line echo server over asyncio streams) run three ways
// in the same session — translated by pyts and run by Node, run by CPython, and the hand-written Node `net` server
// bench/io/echo_server.native.mjs — each under the same load from this process: CONNECTIONS concurrent loopback
// connections, each doing ROUND_TRIPS request/response round trips (send a line, wait for the same line back).
// Every reply is checked: a missing one counts as lost, a different one as corrupted. Each server gets an unmeasured
// warm-up load first; with several runs the servers take turns, each run starting with the next one (A B C, B C A…),
// and the median throughput is kept.
//
// --soak runs the translated server for --soak-seconds under continuous load (rounds of all connections) and samples
// its open file descriptors and resident memory (/proc/<pid>); growth between the first and the last samples is
// what a leak would show.
//
// Writes bench/results/io.json: {"pyts_rps", "cpython_rps", "native_rps", "lost", "corrupted", …}.
// Caveats: the load generator shares the machine (and its cores) with the server under test, so absolute figures
// depend on the machine; the ratios, measured in the same run, are the figures to compare. Each run also records the
// server's CPU time per round trip (user and system, from /proc) and the generator's own: when server and generator
// together need more CPU than the machine has, the throughput of every server is set by their sum, not the server's.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    connections: { type: 'string', default: '200' },
    'round-trips': { type: 'string', default: '1000' },
    runs: { type: 'string', default: '1' },
    soak: { type: 'boolean', default: false },
    'soak-seconds': { type: 'string', default: '60' },
  },
});
const CONNECTIONS = Number(opts.connections);
const ROUND_TRIPS = Number(opts['round-trips']);
const RUNS = Number(opts.runs);

// ---------------------------------------------------------------------------------------------- translate
const { transpile } = await import(pathToFileURL(join(root, 'dist', 'api.js')).href);
const { transform } = await import('esbuild');
const runtimeUrl = (sub) => pathToFileURL(join(root, 'dist', 'runtime', sub ?? '', 'index.js')).href;
const source = join(root, 'bench', 'io', 'echo_server.py');
const result = await transpile(readFileSync(source, 'utf8'), {
  filename: source,
  format: false,
  runtimeImport: 'pyts-runtime',
});
const errors = result.diagnostics.filter((d) => d.severity === 'error');
if (!result.code || errors.length) {
  console.error(
    `bench:io: echo_server.py did not translate: ${errors.map((d) => `${d.code} ${d.message}`).join('; ')}`,
  );
  process.exit(1);
}
const work = join(root, 'bench', '.work');
mkdirSync(work, { recursive: true });
const translated = join(work, 'echo_server.mjs');
const js = (await transform(result.code, { loader: 'ts', format: 'esm' })).code.replace(
  /(["'])pyts-runtime(?:\/([a-z]+))?\1/g,
  (_m, _q, sub) => JSON.stringify(runtimeUrl(sub)),
);
writeFileSync(translated, js);

const SERVERS = {
  pyts: [process.execPath, [translated]],
  cpython: [process.env.PYTHON || 'python3', [source]],
  native: [process.execPath, [join(root, 'bench', 'io', 'echo_server.native.mjs')]],
};

// ---------------------------------------------------------------------------------------------- servers
/** Start a server; resolves with its process and the port it printed. */
function startServer(name) {
  const [command, args] = SERVERS[name];
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /^(\d+)\n/.exec(out);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.on('exit', (code) => reject(new Error(`bench:io: the ${name} server exited (${code}) before listening`)));
  });
}

function stopServer(child) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
    child.kill('SIGTERM');
  });
}

// ---------------------------------------------------------------------------------------------- load
/**
 * One connection doing `roundTrips` sequential round trips: send a line, wait for it to come back. Resolves with
 * the counts of round trips completed, lost and corrupted.
 */
function connection(port, id, roundTrips) {
  return new Promise((resolve) => {
    const stats = { done: 0, lost: 0, corrupted: 0 };
    const socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
    socket.setEncoding('latin1');
    let expected = '';
    let pending = '';
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      stats.lost = roundTrips - stats.done - stats.corrupted;
      socket.destroy();
      resolve(stats);
    };
    const send = () => {
      expected = `${id}:${stats.done + stats.corrupted}:the quick brown fox jumps over the lazy dog\n`;
      socket.write(expected, 'latin1');
    };
    socket.on('connect', send);
    socket.on('data', (chunk) => {
      pending += chunk;
      for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n')) {
        const line = pending.slice(0, end + 1);
        pending = pending.slice(end + 1);
        if (line === expected) stats.done += 1;
        else stats.corrupted += 1;
        if (stats.done + stats.corrupted === roundTrips) {
          socket.end();
          finish();
          return;
        }
        send();
      }
    });
    socket.on('error', finish);
    socket.on('close', finish);
    setTimeout(finish, 120_000).unref();
  });
}

// CPU seconds a process has used, [user, system], from /proc/<pid>/stat; null where there is no /proc.
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return [Number(fields[11]) / 100, Number(fields[12]) / 100];
  } catch {
    return null;
  }
}

/**
 * All connections at once; returns round trips per second, the totals, the server's CPU time per round trip (which,
 * unlike throughput, hardly depends on what else the machine is running), split into user and system time, and this
 * load generator's own CPU time per round trip: on a small machine the two compete for the same cores, so a server
 * can only look as fast as the generator lets it.
 */
async function load(port, connections, roundTrips, pid) {
  const cpuBefore = cpuSeconds(pid);
  const generatorBefore = process.cpuUsage();
  const started = performance.now();
  const all = await Promise.all(Array.from({ length: connections }, (_, id) => connection(port, id, roundTrips)));
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuSeconds(pid);
  const generator = process.cpuUsage(generatorBefore);
  const total = (key) => all.reduce((sum, s) => sum + s[key], 0);
  const done = total('done');
  const perRoundTrip = (index) =>
    cpuBefore === null || cpuAfter === null || done === 0 ? null : ((cpuAfter[index] - cpuBefore[index]) * 1e6) / done;
  const userUs = perRoundTrip(0);
  const systemUs = perRoundTrip(1);
  return {
    rps: done / seconds,
    seconds,
    done,
    lost: total('lost'),
    corrupted: total('corrupted'),
    cpuUs: userUs === null ? null : userUs + systemUs,
    userUs,
    systemUs,
    generatorUs: done === 0 ? null : (generator.user + generator.system) / done,
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// ---------------------------------------------------------------------------------------------- throughput
const measured = { pyts: [], cpython: [], native: [] };
const cpuPerRoundTrip = { pyts: [], cpython: [], native: [] };
const userPerRoundTrip = { pyts: [], cpython: [], native: [] };
const generatorPerRoundTrip = [];
const loadAverages = [];
let lost = 0;
let corrupted = 0;
const ORDER = ['native', 'pyts', 'cpython'];
for (let run = 0; run < RUNS; run++) {
  // each run starts with the next server, so no server always comes first
  for (const name of [...ORDER.slice(run % 3), ...ORDER.slice(0, run % 3)]) {
    const { child, port } = await startServer(name);
    // warm-up (not measured): the load generator's code and the server's are compiled, connections accepted
    await load(port, CONNECTIONS, Math.max(1, Math.floor(ROUND_TRIPS / 5)), child.pid);
    const r = await load(port, CONNECTIONS, ROUND_TRIPS, child.pid);
    const exit = await stopServer(child);
    measured[name].push(r.rps);
    if (r.cpuUs !== null) cpuPerRoundTrip[name].push(r.cpuUs);
    if (r.userUs !== null) userPerRoundTrip[name].push(r.userUs);
    if (r.generatorUs !== null) generatorPerRoundTrip.push(r.generatorUs);
    loadAverages.push(loadavg()[0]);
    lost += r.lost;
    corrupted += r.corrupted;
    console.log(
      `${name.padEnd(8)} ${Math.round(r.rps).toString().padStart(7)} round trips/s  ${r.cpuUs === null ? '' : `${r.cpuUs.toFixed(1)} µs server CPU each (user ${r.userUs.toFixed(1)})  `}generator ${r.generatorUs?.toFixed(1)} µs  (${r.done} in ${r.seconds.toFixed(2)} s; lost ${r.lost}, corrupted ${r.corrupted}; exit ${exit.code ?? exit.signal}; load ${loadavg()[0].toFixed(1)})`,
    );
  }
}
const figures = {
  pyts_rps: Math.round(median(measured.pyts)),
  cpython_rps: Math.round(median(measured.cpython)),
  native_rps: Math.round(median(measured.native)),
  lost,
  corrupted,
};
for (const name of ['pyts', 'cpython', 'native']) {
  if (cpuPerRoundTrip[name].length) {
    figures[`${name}_cpu_us_per_round_trip`] = Number(median(cpuPerRoundTrip[name]).toFixed(1));
    figures[`${name}_user_cpu_us_per_round_trip`] = Number(median(userPerRoundTrip[name]).toFixed(1));
  }
}
if (generatorPerRoundTrip.length)
  figures.generator_cpu_us_per_round_trip = Number(median(generatorPerRoundTrip).toFixed(1));
figures.pyts_vs_cpython = Number((figures.pyts_rps / figures.cpython_rps).toFixed(2));
figures.pyts_vs_native = Number((figures.pyts_rps / figures.native_rps).toFixed(2));
Object.assign(figures, {
  connections: CONNECTIONS,
  round_trips_per_connection: ROUND_TRIPS,
  runs: RUNS,
  node: process.version,
  cores: cpus().length,
  load_average_during_runs: Number(median(loadAverages).toFixed(1)),
});
console.log(`pyts/cpython ${figures.pyts_vs_cpython}x, pyts/native ${figures.pyts_vs_native}x`);

// ---------------------------------------------------------------------------------------------- soak
function sample(pid) {
  const fds = readdirSync(`/proc/${pid}/fd`).length;
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  return { fds, rss_mb: Number(rss.toFixed(1)) };
}

if (opts.soak) {
  if (!existsSync('/proc/self/fd')) {
    console.error('bench:io: --soak needs /proc (Linux) to sample descriptors and memory');
    process.exit(2);
  }
  const seconds = Number(opts['soak-seconds']);
  const { child, port } = await startServer('pyts');
  const idleBefore = sample(child.pid);
  const samples = [];
  const started = performance.now();
  let roundTrips = 0;
  let rounds = 0;
  while (performance.now() - started < seconds * 1000) {
    // one sample in the middle of each round, with every connection open and busy
    const midRound = new Promise((resolve) => setTimeout(() => resolve(sample(child.pid)), 300));
    const r = await load(port, CONNECTIONS, Math.max(1, Math.floor(ROUND_TRIPS / 5)), child.pid);
    samples.push(await midRound);
    roundTrips += r.done;
    lost += r.lost;
    corrupted += r.corrupted;
    rounds += 1;
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const idleAfter = sample(child.pid);
  await stopServer(child);
  const rss = samples.map((s) => s.rss_mb);
  const fds = samples.map((s) => s.fds);
  const half = Math.floor(rss.length / 2);
  figures.soak = {
    seconds,
    rounds,
    round_trips: roundTrips,
    idle_fds_before: idleBefore.fds,
    idle_fds_after: idleAfter.fds,
    fds_under_load_first: fds[0],
    fds_under_load_last: fds[fds.length - 1],
    rss_mb_under_load_first_half_max: Math.max(...rss.slice(0, half)),
    rss_mb_under_load_second_half_max: Math.max(...rss.slice(half)),
    rss_mb_idle_after: idleAfter.rss_mb,
  };
  figures.lost = lost;
  figures.corrupted = corrupted;
  console.log(`soak ${seconds} s: ${rounds} rounds, ${roundTrips} round trips; ${JSON.stringify(figures.soak)}`);
}

mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'io.json'), JSON.stringify(figures, null, 2) + '\n');
console.log(`wrote bench/results/io.json: lost ${figures.lost}, corrupted ${figures.corrupted}`);
