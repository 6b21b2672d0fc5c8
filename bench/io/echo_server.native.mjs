// The hand-written Node `net` version of echo_server.py for `npm run bench:io`: the same line protocol, written
// as a Node programmer would (no asyncio semantics), as the speed reference.
import * as net from 'node:net';

const server = net.createServer((socket) => {
  socket.setNoDelay(true);
  let pending = null;
  socket.on('data', (chunk) => {
    const data = pending === null ? chunk : Buffer.concat([pending, chunk]);
    const end = data.lastIndexOf(10);
    if (end === -1) {
      pending = data;
      return;
    }
    pending = end === data.length - 1 ? null : data.subarray(end + 1);
    socket.write(data.subarray(0, end + 1));
  });
  socket.on('end', () => socket.end());
  socket.on('error', () => socket.destroy());
});
server.listen({ host: '127.0.0.1', port: 0, backlog: 1024 }, () => {
  process.stdout.write(`${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
