"""After each run: a CDXJ index of the WARC files, and a WACZ package that replay tools open.

Each is made by a child process of its own, so the two run side by side, a failure there cannot
take the run's outputs with it, and the memory they use is returned to the system when they
finish. The children start with the run and load their libraries while the crawl goes on; they
wait to be told to work, and exit untouched when the run ends without an archive or dies.
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
    """The two packaging children of one run: the index, and the package."""

    def __init__(self) -> None:
        self.processes = [
            subprocess.Popen(
                [sys.executable, "-m", "szpu_crawler.archive.package", job],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for job in JOBS
        ]

    def package(self, output_dir: Path, records: Iterable[dict[str, Any]]) -> dict[str, Any]:
        """Index and package every WARC file under `output/warc/`, with the articles as pages."""
        warc_dir = output_dir / "warc"
        if not any(warc_dir.glob("*.warc.gz")):
            self.cancel()
            return {}
        write_atomically(warc_dir / PAGES_FILE, pages_jsonl(records))
        for process in self.processes:
            process.stdin.write(f"{output_dir}\n")
        written: dict[str, Any] = {"packaging_peak_rss_mib": 0.0}
        for output, usage in self._finish():
            written.update(json.loads(output))
            peak = round(usage.ru_maxrss / 1024, 1)
            written["packaging_peak_rss_mib"] = max(written["packaging_peak_rss_mib"], peak)
        return written

    def cancel(self) -> None:
        """Nothing to package: the children exit."""
        self._finish()

    def _finish(self) -> list[tuple[str, Any]]:
        """Each child's output and resource use, once both have finished."""
        for process in self.processes:
            process.stdin.close()
        results, failed = [], []
        for process in self.processes:
            output = process.stdout.read()
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            if process.returncode:
                failed.append(f"{process.args[-1]} exited with {process.returncode}")
            results.append((output, usage))
        if failed:
            raise RuntimeError(f"archive packaging failed: {', '.join(failed)}")
        return results


def write_index(output_dir: Path) -> dict[str, str]:
    """`warc/index.cdxj`, by temporary file and rename."""
    from cdxj_indexer.main import write_cdx_index

    warc_dir = output_dir / "warc"
    temporary_index = warc_dir / f".{INDEX_FILE}.tmp"
    with temporary_index.open("w", encoding="utf-8") as out:
        write_cdx_index(out, _warcs(warc_dir), {"sort": True, "dir_root": str(warc_dir)})
    os.replace(temporary_index, warc_dir / INDEX_FILE)
    return {"cdxj": f"warc/{INDEX_FILE}"}


def write_package(output_dir: Path) -> dict[str, str]:
    """`archive.wacz`, by temporary file and rename."""
    from wacz.main import main as wacz_main

    warc_dir = output_dir / "warc"
    temporary_wacz = output_dir / f".{WACZ_FILE}.tmp"
    pages = warc_dir / PAGES_FILE
    if wacz_main(["create", "-o", str(temporary_wacz), "-p", str(pages), *_warcs(warc_dir)]):
        temporary_wacz.unlink(missing_ok=True)
        raise RuntimeError("wacz could not package the WARC files")
    os.replace(temporary_wacz, output_dir / WACZ_FILE)
    pages.unlink()
    return {"wacz": WACZ_FILE}


def _warcs(warc_dir: Path) -> list[str]:
    return sorted(str(path) for path in warc_dir.glob("*.warc.gz"))


JOBS = {"index": write_index, "package": write_package}

if __name__ == "__main__":
    import contextlib
    import importlib
    import io

    job = sys.argv[1]
    # Loaded while the crawl runs, not after it.
    importlib.import_module("cdxj_indexer.main" if job == "index" else "wacz.main")
    output_dir = sys.stdin.readline().strip()
    if output_dir:
        with contextlib.redirect_stdout(io.StringIO()):  # wacz prints its progress
            written = JOBS[job](Path(output_dir))
        print(json.dumps(written))
