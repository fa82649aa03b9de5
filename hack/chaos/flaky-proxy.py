#!/usr/bin/env python3
"""A TCP proxy in front of the API server that can refuse it: `flaky-proxy.py PORT TARGET_HOST:PORT MODE_FILE`.

While MODE_FILE says `cut`, every connection is accepted and closed at once (what a client meets while an API server
starts or restarts); while it says `pass`, connections are forwarded both ways. Switching to `cut` also closes the
connections already open, as an API server that stops does. TLS passes through untouched.
"""
import asyncio
import sys

port, target, mode_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
host, target_port = target.rsplit(":", 1)
open_writers = set()


def mode():
    try:
        with open(mode_file) as f:
            return f.read().strip()
    except OSError:
        return "cut"


async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def handle(client_reader, client_writer):
    if mode() != "pass":
        client_writer.close()
        return
    try:
        upstream_reader, upstream_writer = await asyncio.open_connection(host, int(target_port))
    except OSError:
        client_writer.close()
        return
    open_writers.update((client_writer, upstream_writer))
    await asyncio.gather(pipe(client_reader, upstream_writer), pipe(upstream_reader, client_writer))
    open_writers.difference_update((client_writer, upstream_writer))


async def cut_open_connections():
    while True:
        await asyncio.sleep(0.2)
        if mode() != "pass":
            for writer in list(open_writers):
                writer.close()
            open_writers.clear()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", port)
    asyncio.ensure_future(cut_open_connections())
    async with server:
        await server.serve_forever()


asyncio.run(main())
