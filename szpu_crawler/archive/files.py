"""Images and attachments of each article, downloaded and stored by content hash."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath
from typing import Any, Self
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.pipelines.files import FilesPipeline

FILES_DIR = "files"
_SAFE_EXTENSION = re.compile(r"^\.[a-z0-9]{1,5}$")


def stored_path(url: str, body: bytes) -> str:
    """`sha256/ab/cd/<hash>.<ext>`: from the bytes alone (and a vetted extension), so nothing in a
    URL or a file name can lead a write out of the files folder."""
    digest = hashlib.sha256(body).hexdigest()
    extension = PurePosixPath(urlsplit(url).path).suffix.lower()
    if not _SAFE_EXTENSION.match(extension):
        extension = ""
    return f"sha256/{digest[:2]}/{digest[2:4]}/{digest}{extension}"


class ArticleFilesPipeline(FilesPipeline):
    """Downloads each new or updated article's images and attachments into `output/files/` and
    lists their local path and digest in the record."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        store = Path(crawler.settings["SZPU_OUTPUT_DIR"]).resolve() / FILES_DIR
        return cls(str(store), crawler=crawler)

    def get_media_requests(self, item: dict[str, Any], info: Any) -> list[Request]:
        if item.get("change") == "removed" or not self.crawler.settings.getbool(
            "SZPU_ARCHIVE_ENABLED"
        ):
            return []
        urls = [entry["url"] for entry in (*item.get("images", []), *item.get("attachments", []))]
        return [Request(url) for url in dict.fromkeys(urls)]

    def file_path(
        self, request: Request, response: Response | None = None, info: Any = None, *,
        item: Any = None,
    ) -> str:  # fmt: skip
        if response is None:  # asked before the download: never stored under this name
            return f"pending/{hashlib.sha1(request.url.encode()).hexdigest()}"
        return stored_path(request.url, response.body)

    def item_completed(self, results: list, item: dict[str, Any], info: Any) -> dict[str, Any]:
        stored = {result["url"]: result for ok, result in results if ok}
        for entry in (*item.get("images", []), *item.get("attachments", [])):
            result = stored.get(entry["url"])
            entry["local_path"] = f"{FILES_DIR}/{result['path']}" if result else None
            entry["sha256"] = result["path"].rsplit("/", 1)[-1].split(".")[0] if result else None
        failed = [result for ok, result in results if not ok]
        if failed:
            self.crawler.stats.inc_value("szpu/files/failed", len(failed))
        return item
