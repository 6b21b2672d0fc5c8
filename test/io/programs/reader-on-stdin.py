# loop.add_reader(sys.stdin, …) with sys.stdin.readline() in the callback: stdin a pipe (lines arriving over time,
# the last without a newline, then EOF) or a regular file (PermissionError, as epoll refuses it).
import asyncio
import sys


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    lines = []

    def on_input():
        line = sys.stdin.readline()
        if not line:
            loop.remove_reader(sys.stdin)
            done.set_result(None)
            return
        lines.append(line.strip())

    try:
        loop.add_reader(sys.stdin, on_input)
    except PermissionError as e:
        print('PermissionError:', e)
        return
    await done
    print(lines)


asyncio.run(main())
