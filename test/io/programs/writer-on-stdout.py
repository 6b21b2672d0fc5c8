# loop.add_writer on a descriptor the runtime does not own (stdout, a pipe here, given by number at run time).
import asyncio
import sys


async def main():
    loop = asyncio.get_running_loop()
    ready = loop.create_future()
    fd = int('1')
    loop.add_writer(fd, lambda: ready.done() or ready.set_result(True))
    print('stdout writable:', await ready)
    loop.remove_writer(fd)


asyncio.run(main())
