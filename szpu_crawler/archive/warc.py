"""Every HTTP exchange of a crawl as WARC/1.1 records, written with warcio.

scrapy-webarchive, the maintained Scrapy extension, requires Scrapy < 2.12; warcio is what it
uses underneath, and writing its records directly gives correct, complete files.
"""

from __future__ import annotations

import json
import logging
import re
import zlib
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from http import HTTPStatus
from io import BytesIO, StringIO
from pathlib import Path
from typing import Any, BinaryIO, Self
from urllib.parse import urlsplit

import surt
from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.http import Response
from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from szpu_crawler import __version__

logger = logging.getLogger(__name__)

SERVER_NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
# Headers that describe the transfer, not the payload the WARC record holds.
TRANSFER_HEADERS = {b"transfer-encoding"}


class _GzipMember:
    """One record's gzip member, at zlib's default level and with a 16 KiB window. warcio's own
    (level 9, 32 KiB) spent more time setting up its compressor than compressing a page, for
    files about 2% smaller."""

    def __init__(self, out: BinaryIO) -> None:
        self.compressor = zlib.compressobj(6, zlib.DEFLATED, 16 + 14)
        self.out = out

    def write(self, data: bytes) -> None:
        self.out.write(self.compressor.compress(data))

    def flush(self) -> None:
        self.out.write(self.compressor.flush())
        self.out.flush()


class _WarcWriter(WARCWriter):
    """warcio's writer, each record compressed as its own gzip member by `_GzipMember`."""

    def write_record(self, record: ArcWarcRecord, params: Any = None) -> None:
        self._write_warc_record(_GzipMember(self.out), record)


def warc_date(moment: datetime | None = None) -> str:
    return (moment or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class WarcArchive:
    """WARC files of one run under `directory`, gzip per record, rotated by size."""

    def __init__(self, directory: Path, run_id: str, max_size: int, state: Any) -> None:
        self.directory = directory
        self.run_id = run_id
        self.max_size = max_size
        self.state = state  # CrawlState: remembers each URL's last capture, across runs
        self.sequence = 0
        self.file = None
        self.writer: _WarcWriter | None = None
        self.filename = ""
        self.files: list[str] = []

    def _rotate(self) -> None:
        if self.file is not None and self.file.tell() < self.max_size:
            return
        self.close()
        self.directory.mkdir(parents=True, exist_ok=True)
        self.filename = f"szpu-{self.run_id}-{self.sequence:05d}.warc.gz"
        self.sequence += 1
        self.file = open(self.directory / self.filename, "wb")  # noqa: SIM115 - closed in close()
        self.files.append(self.filename)
        self.writer = _WarcWriter(self.file, gzip=False, warc_version="WARC/1.1")
        info = {
            "software": f"szpu-crawler/{__version__} (Scrapy, warcio)",
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
            "isPartOf": f"szpu-crawler run {self.run_id}",
        }
        self.writer.write_record(self.writer.create_warcinfo_record(self.filename, info))

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None

    def write_exchange(self, request: Request, response: Response) -> dict[str, str]:
        """Write the request and response (or revisit) records; return where the capture is."""
        self._rotate()
        writer = self.writer
        date = warc_date()
        url = response.url
        headers = [
            (name.decode("latin-1"), value.decode("latin-1"))
            for name, values in response.headers.items()
            if name.lower() not in TRANSFER_HEADERS
            for value in values
        ]
        http_headers = StatusAndHeaders(
            f"{response.status} {_reason(response.status)}", headers, protocol="HTTP/1.1"
        )
        previous = self.state.last_capture(url) if self.state else None
        record = writer.create_warc_record(
            url, "response", payload=BytesIO(response.body), length=len(response.body),
            http_headers=http_headers, warc_headers_dict={"WARC-Date": date},
        )  # fmt: skip
        payload_digest = record.rec_headers.get_header("WARC-Payload-Digest")
        if response.status == 304 and previous:
            record = writer.create_revisit_record(
                url, previous["payload_digest"], url, previous["warc_date"],
                http_headers=http_headers, warc_headers_dict={"WARC-Date": date},
            )  # fmt: skip
            record.rec_headers.replace_header("WARC-Profile", SERVER_NOT_MODIFIED)
            payload_digest = previous["payload_digest"]
        elif previous and previous["payload_digest"] == payload_digest and response.status == 200:
            record = writer.create_revisit_record(
                url, payload_digest, url, previous["warc_date"],
                http_headers=http_headers, warc_headers_dict={"WARC-Date": date},
            )  # fmt: skip
        response_id = record.rec_headers.get_header("WARC-Record-ID")
        filename = self.filename
        offset = self.file.tell()
        writer.write_record(record)
        length = self.file.tell() - offset
        writer.write_record(self._request_record(request, url, date, response_id))
        capture = {
            "warc_file": filename, "record_id": response_id, "payload_digest": payload_digest,
            "warc_date": date, "type": record.rec_type,
        }  # fmt: skip
        if self.state:
            self.state.save_capture(
                url, capture, cdxj_line(record, offset, length, filename),
                full=record.rec_type == "response",
            )  # fmt: skip
        return capture

    def _request_record(self, request: Request, url: str, date: str, response_id: str):
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        headers = [("Host", parts.netloc)] + [
            (name.decode("latin-1"), value.decode("latin-1"))
            for name, values in request.headers.items()
            for value in values
        ]
        http_headers = StatusAndHeaders(
            f"{request.method} {target or '/'} HTTP/1.1", headers, is_http_request=True
        )
        return self.writer.create_warc_record(
            url, "request", http_headers=http_headers,
            warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": response_id},
        )  # fmt: skip


_MIME_END = re.compile(r"[;\s]")


def cdxj_line(record: ArcWarcRecord, offset: int, length: int, filename: str) -> str:
    """The record's line of the CDXJ index, as cdxj-indexer writes it from the file (a test
    compares the two): written with the record, the index needs no second reading."""
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    if record.rec_type == "revisit":
        mime = "warc/revisit"
    else:
        content_type = record.http_headers.get_header("Content-Type") or ""
        mime = _MIME_END.split(content_type.strip(), 1)[0] or None
    fields = {
        "url": url, "mime": mime, "status": record.http_headers.get_statuscode(),
        "digest": headers.get_header("WARC-Payload-Digest"), "length": str(length),
        "offset": str(offset), "filename": filename,
    }  # fmt: skip
    index = {name: value for name, value in fields.items() if value is not None}
    timestamp = "".join(c for c in headers.get_header("WARC-Date") if c.isdigit())[:14]
    return f"{surt.surt(url)} {timestamp} {json.dumps(index)}"


def read_cdxj_lines(path: Path) -> list[str]:
    """The index lines of a WARC file read back from the file (cdxj-indexer): for the files of
    a killed run, whose last lines may not have been stored."""
    from cdxj_indexer.main import write_cdx_index

    out = StringIO()
    write_cdx_index(out, [str(path)], {"dir_root": str(path.parent)})
    return [line for line in out.getvalue().splitlines() if not line.startswith("- ")]


def repair_warc(path: Path) -> int:
    """Cut a WARC file left by a killed run back to its last whole record; return bytes cut."""
    whole = 0
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        try:
            for record in records:
                record.content_stream().read()
                records.read_to_end(record)
                whole = records.get_record_offset() + records.get_record_length()
        except Exception:  # any damage ends the whole part of the file
            pass
    size = path.stat().st_size
    if whole < size:
        with path.open("r+b") as stream:
            stream.truncate(whole)
    return size - whole


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


class WarcMiddleware:
    """Writes every exchange of the crawl (robots.txt, pages, files) as it arrives, before any
    other middleware decompresses or follows it, and tells the spider where each capture is."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.enabled = crawler.settings.getbool("SZPU_ARCHIVE_ENABLED")
        self.output_dir = Path(crawler.settings["SZPU_OUTPUT_DIR"])
        self.max_size = crawler.settings.getint("SZPU_WARC_MAX_SIZE")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def _archive(self, spider: Spider) -> WarcArchive | None:
        archive = getattr(spider, "archive", None)
        if archive is None and self.enabled and getattr(spider, "state", None) is not None:
            archive = WarcArchive(
                self.output_dir / "warc", spider.run_id, self.max_size, spider.state
            )
            spider.archive = archive
        return archive

    def process_response(self, request: Request, response: Response, spider: Spider) -> Response:
        archive = self._archive(spider)
        if archive is not None:
            capture = archive.write_exchange(request, response)
            request.meta["szpu_capture"] = capture
            self.crawler.stats.inc_value(f"szpu/warc/{capture['type']}")
        return response


def pages_jsonl(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The WACZ `pages.jsonl`, line by line: one line per article, at the time of its capture."""
    header = {"format": "json-pages-1.0", "id": "pages", "title": "SZPU news articles"}
    yield json.dumps(header) + "\n"
    for record in records:
        capture = record.get("capture")
        if capture:
            page = {"id": record["article_id"], "url": record["url"], "title": record.get("title"),
                    "ts": capture["warc_date"]}  # fmt: skip
            yield json.dumps(page, ensure_ascii=False) + "\n"
