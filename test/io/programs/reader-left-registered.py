# A reader still registered when asyncio.run returns: the loop closes and drops it, and the process ends.
import asyncio
import socket


async def main():
    loop = asyncio.get_running_loop()
    rsock, wsock = socket.socketpair()
    rsock.setblocking(False)
    lines = []
    done = loop.create_future()

    def on_readable():
        lines.append(rsock.recv(100))
        if len(lines) == 2:
            done.set_result(None)

    loop.add_reader(rsock, on_readable)
    loop.call_later(0.05, wsock.send, b'one')
    loop.call_later(0.1, wsock.send, b'two')
    await done
    print(lines)


asyncio.run(main())
print('exited the loop')
