"""After each run: a CDXJ index of the WARC files, and a WACZ package that replay tools open.

The indexing and packaging run in a child process: a failure there cannot take the run's
outputs with it, and the memory they use is returned to the system when they finish. The child
starts with the run and loads its libraries while the crawl goes on; it waits to be told to
package, and exits untouched when the run ends without an archive or dies.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from szpu_crawler.archive.warc import pages_jsonl
from szpu_crawler.outputs import write_atomically

logger = logging.getLogger(__name__)

INDEX_FILE = "index.cdxj"
WACZ_FILE = "archive.wacz"
PAGES_FILE = ".pages.jsonl"


class ArchivePackager:
    """The packaging child of one run."""

    def __init__(self) -> None:
        command = [sys.executable, "-m", "szpu_crawler.archive.package"]
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def package(self, output_dir: Path, records: Iterable[dict[str, Any]]) -> dict[str, Any]:
        """Index and package every WARC file under `output/warc/`, with the articles as pages."""
        warc_dir = output_dir / "warc"
        if not any(warc_dir.glob("*.warc.gz")):
            self.cancel()
            return {}
        write_atomically(warc_dir / PAGES_FILE, pages_jsonl(records))
        self.process.stdin.write(f"{output_dir}\n")
        output, usage = self._finish()
        return {**json.loads(output), "packaging_peak_rss_mib": round(usage.ru_maxrss / 1024, 1)}

    def cancel(self) -> None:
        """Nothing to package: the child exits."""
        self._finish()

    def _finish(self) -> tuple[str, Any]:
        self.process.stdin.close()
        output = self.process.stdout.read()
        _, status, usage = os.wait4(self.process.pid, 0)
        self.process.returncode = os.waitstatus_to_exitcode(status)
        if self.process.returncode:
            raise RuntimeError(f"archive packaging exited with {self.process.returncode}")
        return output, usage


def index_and_package(output_dir: Path) -> dict[str, str]:
    """Write `warc/index.cdxj` and `archive.wacz`, each by temporary file and rename."""
    from cdxj_indexer.main import write_cdx_index
    from wacz.main import main as wacz_main

    warc_dir = output_dir / "warc"
    warcs = sorted(str(path) for path in warc_dir.glob("*.warc.gz"))
    temporary_index = warc_dir / f".{INDEX_FILE}.tmp"
    with temporary_index.open("w", encoding="utf-8") as out:
        write_cdx_index(out, warcs, {"sort": True, "dir_root": str(warc_dir)})
    os.replace(temporary_index, warc_dir / INDEX_FILE)
    temporary_wacz = output_dir / f".{WACZ_FILE}.tmp"
    pages = warc_dir / PAGES_FILE
    if wacz_main(["create", "-o", str(temporary_wacz), "-p", str(pages), *warcs]):
        temporary_wacz.unlink(missing_ok=True)
        raise RuntimeError("wacz could not package the WARC files")
    os.replace(temporary_wacz, output_dir / WACZ_FILE)
    pages.unlink()
    return {"cdxj": f"warc/{INDEX_FILE}", "wacz": WACZ_FILE}


if __name__ == "__main__":
    import contextlib
    import io

    import cdxj_indexer.main  # noqa: F401 - loaded while the crawl runs, not after it
    import wacz.main  # noqa: F401

    output_dir = sys.stdin.readline().strip()
    if output_dir:
        with contextlib.redirect_stdout(io.StringIO()):  # wacz prints its progress
            written = index_and_package(Path(output_dir))
        print(json.dumps(written))
