# A line-protocol server for the interoperability test: it prints the port it bound (port 0 on 127.0.0.1), then
# answers each line ("ECHO x", "ADD a b", "QUIT") until it has served as many clients as argv[1] says.
import asyncio
import sys


async def main(clients):
    done = asyncio.Event()
    served = 0

    async def serve(reader, writer):
        nonlocal served
        async for line in reader:
            command, _, rest = line.decode().rstrip('\n').partition(' ')
            if command == 'ECHO':
                writer.write(f'{rest}\n'.encode())
            elif command == 'ADD':
                a, b = rest.split()
                writer.write(f'{int(a) + int(b)}\n'.encode())
            elif command == 'QUIT':
                writer.write(b'BYE\n')
                await writer.drain()
                break
            else:
                writer.write(f'ERROR unknown command {command!r}\n'.encode())
            await writer.drain()
        writer.close()
        await writer.wait_closed()
        served += 1
        if served == clients:
            done.set()

    server = await asyncio.start_server(serve, '127.0.0.1', 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await done.wait()
    print('served', served)


asyncio.run(main(int(sys.argv[1])))
