# SIGTERM during a burst: clients stream lines as fast as they can; on SIGTERM the server stops accepting,
# cancels its connection handlers, and exits 0 having answered every line it read (each handler checks that).
import asyncio
import signal


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    handlers = set()
    ok = []

    async def handle(reader, writer):
        handlers.add(asyncio.current_task())
        received = 0
        try:
            while line := await reader.readline():
                number = int(line.split(b' ')[0])
                if number != received:
                    ok.append(False)
                received += 1
                writer.write(str(number).encode() + b'\n')
                await writer.drain()
        except asyncio.CancelledError:
            ok.append(True)
            raise
        except ConnectionError:
            ok.append(True)
        finally:
            writer.close()

    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    await stop.wait()
    print('SIGTERM: shutting down')
    server.close()
    for task in list(handlers):
        task.cancel()
    await asyncio.gather(*handlers, return_exceptions=True)
    await server.wait_closed()
    print('handlers ended cleanly:', len(ok) > 0 and all(ok))


asyncio.run(main())
print('exit 0')
