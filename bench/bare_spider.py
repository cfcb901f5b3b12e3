"""The baseline: a bare Scrapy spider that fetches the given URLs and parses nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

from scrapy import Request, Spider
from scrapy.http import Response


class BareSpider(Spider):
    name = "bare"

    async def start(self) -> AsyncIterator[Request]:
        for url in Path(self.urls_file).read_text().split():
            yield Request(url, callback=self.parse, dont_filter=True)

    def parse(self, response: Response) -> None:
        return None
