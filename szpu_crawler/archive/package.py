"""After each run: a CDXJ index of the WARC files, and a WACZ package that replay tools open."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cdxj_indexer.main import write_cdx_index
from wacz.main import main as wacz_main

from szpu_crawler.archive.warc import pages_jsonl
from szpu_crawler.outputs import write_atomically

logger = logging.getLogger(__name__)

INDEX_FILE = "index.cdxj"
WACZ_FILE = "archive.wacz"


def package_archive(output_dir: Path, records: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Index every WARC file under `output/warc/` and package them with the articles' pages."""
    warc_dir = output_dir / "warc"
    warcs = sorted(str(path) for path in warc_dir.glob("*.warc.gz"))
    if not warcs:
        return {}
    index = warc_dir / INDEX_FILE
    temporary_index = warc_dir / f".{INDEX_FILE}.tmp"
    with temporary_index.open("w", encoding="utf-8") as out:
        write_cdx_index(out, warcs, {"sort": True, "dir_root": str(warc_dir)})
    os.replace(temporary_index, index)
    pages = warc_dir / ".pages.jsonl"
    write_atomically(pages, pages_jsonl(records))
    temporary_wacz = output_dir / f".{WACZ_FILE}.tmp"
    status = wacz_main(["create", "-o", str(temporary_wacz), "-p", str(pages), *warcs])
    pages.unlink()
    if status:
        logger.error("WACZ packaging failed (wacz exit %s)", status)
        temporary_wacz.unlink(missing_ok=True)
        return {"cdxj": f"warc/{INDEX_FILE}"}
    os.replace(temporary_wacz, output_dir / WACZ_FILE)
    return {"cdxj": f"warc/{INDEX_FILE}", "wacz": WACZ_FILE}
