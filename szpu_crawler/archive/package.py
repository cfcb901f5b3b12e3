"""After each run: the CDXJ index of the WARC files, and a WACZ package that replay tools open.

Both are written from what the crawl already holds, without reading a WARC record again: the
index lines were stored in the crawl state as each record was written, and the package is a zip
of the WARC files as they are (stored, not recompressed), that index, the articles as pages, and
a `datapackage.json` listing the SHA-256 of each file (WACZ 1.1.1).
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from szpu_crawler import __version__
from szpu_crawler.archive.warc import pages_jsonl
from szpu_crawler.outputs import write_lines

INDEX_FILE = "index.cdxj"
WACZ_FILE = "archive.wacz"
WACZ_VERSION = "1.1.1"
_CHUNK = 1024 * 1024


def package_archive(
    output_dir: Path,
    warcs: list[Path],
    index_lines: Iterable[str],
    records: Iterable[dict[str, Any]],
) -> dict[str, str]:
    """`warc/index.cdxj` and `archive.wacz` of the WARC files `warcs` (under `output/warc/`),
    each put in place by temporary file and rename; nothing when there is no WARC file."""
    if not warcs:
        return {}
    index = output_dir / "warc" / INDEX_FILE
    write_lines(index, index_lines)
    temporary = output_dir / f".{WACZ_FILE}.tmp"
    try:
        _write_wacz(temporary, warcs, index, pages_jsonl(records))
        os.replace(temporary, output_dir / WACZ_FILE)
    finally:
        temporary.unlink(missing_ok=True)
    return {"cdxj": f"warc/{INDEX_FILE}", "wacz": WACZ_FILE}


class _Hashing:
    """A zip entry being written, with the SHA-256 and size of what went in."""

    def __init__(self, entry: IO[bytes]) -> None:
        self.entry = entry
        self.sha256 = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self.entry.write(data)
        self.sha256.update(data)
        self.size += len(data)


def _write_wacz(path: Path, warcs: list[Path], index: Path, pages: Iterator[str]) -> None:
    resources = []

    def add(name: str, chunks: Iterable[bytes], compress: int) -> None:
        info = zipfile.ZipInfo(name, datetime.now(UTC).timetuple()[:6])
        info.compress_type = compress
        with package.open(info, "w", force_zip64=True) as entry:
            hashing = _Hashing(entry)
            for chunk in chunks:
                hashing.write(chunk)
        resources.append({
            "name": name.rsplit("/", 1)[-1].lower(), "path": name,
            "hash": f"sha256:{hashing.sha256.hexdigest()}", "bytes": hashing.size,
        })  # fmt: skip

    with path.open("wb") as raw, zipfile.ZipFile(raw, "w") as package:
        # WARC files are gzip already: stored, as the format asks, so a replay tool seeks in them
        for warc in warcs:
            add(f"archive/{warc.name}", _chunks(warc), zipfile.ZIP_STORED)
        add("indexes/index.cdx", _chunks(index), zipfile.ZIP_DEFLATED)
        add("pages/pages.jsonl", (line.encode() for line in pages), zipfile.ZIP_DEFLATED)
        datapackage = json.dumps({
            "profile": "data-package", "resources": resources,
            "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "wacz_version": WACZ_VERSION, "software": f"szpu-crawler {__version__}",
        }, indent=2).encode()  # fmt: skip
        package.writestr("datapackage.json", datapackage, zipfile.ZIP_DEFLATED)
        digest = {
            "path": "datapackage.json",
            "hash": f"sha256:{hashlib.sha256(datapackage).hexdigest()}",
        }
        package.writestr(
            "datapackage-digest.json", json.dumps(digest, indent=2), zipfile.ZIP_DEFLATED
        )
        package.close()
        raw.flush()
        os.fsync(raw.fileno())  # whole on disk before it replaces the last package


def _chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            yield chunk
