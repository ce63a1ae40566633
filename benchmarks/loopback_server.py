"""A small keep-alive HTTP/1.1 server for the concurrency benchmark: answers every request with one JSON body.

    python benchmarks/loopback_server.py PORT BODY_FILE

It counts the TCP connections it accepts; `GET /__connections` answers with that count (and is not
counted itself when it comes on a connection of its own, which the benchmark closes right after).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

connections = 0


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, body: bytes) -> None:
    global connections
    connections += 1
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if length:
                await reader.readexactly(length)
            if head.startswith(b"GET /__connections"):
                connections -= 1
                payload = str(connections).encode()
            else:
                payload = body
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + str(len(payload)).encode()
                + b"\r\n\r\n"
                + payload
            )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def main(port: int, body: bytes) -> None:
    server = await asyncio.start_server(lambda r, w: handle(r, w, body), "127.0.0.1", port, backlog=2048)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), Path(sys.argv[2]).read_bytes()))
