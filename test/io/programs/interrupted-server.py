# Ctrl-C while asyncio.run serves: the main task is cancelled (its except/finally run), then KeyboardInterrupt
# ends the program (exit by SIGINT, 130 in a shell). The test sends SIGINT once "ready" is printed.
import asyncio


async def handle(reader, writer):
    writer.close()


async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    async with server:
        try:
            print('ready', flush=True)
            await server.serve_forever()
        except asyncio.CancelledError:
            print('main task cancelled')
            raise
        finally:
            print('server closing')
    print('not reached')


try:
    asyncio.run(main())
finally:
    print('asyncio.run ended')
