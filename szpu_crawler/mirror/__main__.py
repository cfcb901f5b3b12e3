"""`python -m szpu_crawler.mirror`: build the mirror and serve it until interrupted."""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from szpu_crawler.mirror.build import build_mirror
from szpu_crawler.mirror.server import MirrorServer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--port", type=int, default=8765, help="port on 127.0.0.1 (0: any free one)"
    )
    parser.add_argument("--root", type=Path, help="folder to build into (default: a temporary one)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="szpu-mirror-") as temporary:
        root = build_mirror(arguments.root or Path(temporary))
        with MirrorServer(root, arguments.port) as server:
            print(
                f"Serving the SZPU mirror from {root} at {server.base_url} (Ctrl-C stops)",
                flush=True,
            )
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                pass


if __name__ == "__main__":
    main()
