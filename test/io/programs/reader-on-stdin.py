# loop.add_reader on a descriptor the runtime does not own (stdin, a pipe here, given by number at run time).
import asyncio
import sys


async def main():
    loop = asyncio.get_running_loop()
    got = loop.create_future()
    fd = sys.stdin.fileno()
    loop.add_reader(fd, lambda: got.done() or got.set_result(sys.stdin.readline()))
    print('line', await got)
    loop.remove_reader(fd)


asyncio.run(main())
