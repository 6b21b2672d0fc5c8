# A client of line-server.py for the interoperability test: argv[1] is the port; several concurrent
# connections each send their commands and print the replies.
import asyncio
import sys


async def session(port, name, count):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    replies = []
    for i in range(count):
        writer.write(f'ECHO {name}-{i} ünïcode\n'.encode())
        writer.write(f'ADD {i} {i * 10}\n'.encode())
        await writer.drain()
        replies.append((await reader.readline()).decode().strip())
        replies.append((await reader.readline()).decode().strip())
    writer.write(b'NOPE\n')
    replies.append((await reader.readline()).decode().strip())
    writer.write(b'QUIT\n')
    replies.append((await reader.readline()).decode().strip())
    replies.append(repr(await reader.read()))
    writer.close()
    await writer.wait_closed()
    return replies


async def main(port):
    results = await asyncio.gather(*(session(port, f'c{n}', 5 + n) for n in range(4)))
    for replies in results:
        print(' | '.join(replies))


asyncio.run(main(int(sys.argv[1])))
