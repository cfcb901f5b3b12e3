"""`scrapy check news` contracts that work wherever the site is served."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin

from scrapy.contracts import Contract


class SiteUrlContract(Contract):
    """`@site_url <path>`: test the callback on `<path>` of the spider's SZPU_BASE_URL.

    Scrapy's `@url` takes a fixed URL; this one lets the same contracts run against the bundled
    mirror on any port, or against the real site.
    """

    name = "site_url"

    def __init__(self, method: Callable[..., Any], *args: Any) -> None:
        super().__init__(method, *args)
        self.base_url: str = method.__self__.base_url

    def adjust_request_args(self, args: dict[str, Any]) -> dict[str, Any]:
        args["url"] = urljoin(self.base_url, self.args[0] if self.args else "")
        return args
