"""Output files, written atomically: a temporary file, synced, then renamed over the old one.

A run killed while writing leaves the previous file whole, never half a line.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def write_atomically(path: Path, lines: Iterable[str]) -> int:
    """Write `lines` to `path` in one rename; return how many were written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        os.fchmod(descriptor, 0o644)  # mkstemp's 0600 would hide the output from analysts
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            for line in lines:
                out.write(line)
                count += 1
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    return count


def write_lines(path: Path, lines: Iterable[str]) -> int:
    """Each of `lines` on a line of its own: JSON Lines already encoded, or index lines."""
    return write_atomically(path, (line + "\n" for line in lines))


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    return write_lines(path, (json.dumps(record, ensure_ascii=False) for record in records))


def write_json(path: Path, document: dict[str, Any]) -> None:
    write_atomically(path, [json.dumps(document, ensure_ascii=False, indent=2) + "\n"])
