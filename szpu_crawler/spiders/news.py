"""The `news` spider: home page → column list pages → article pages. Routing only.

What to fetch depends on the crawl state: an incremental run (the default) starts at the columns
the home page's menu gave the last run, walks each from its newest list page and stops at the
first page whose articles are all known, fetching only the unknown ones; `-a mode=full` reads the
home page, walks every list page and revisits every article with conditional requests. A run
after one that did not finish cleanly does as a full run but fetches only unknown articles, so
nothing a killed run missed is skipped. Articles earlier runs could not fetch are tried again,
until `SZPU_RETRY_RUNS` runs in a row have failed on one: incremental runs then set it aside, and
a full run tries it again.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any, Self
from urllib.parse import urljoin, urlsplit

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.settings import BaseSettings
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from szpu_crawler.pages.article import parse_article_page
from szpu_crawler.pages.listing import ListedArticle, ListPage, next_page, parse_list_page
from szpu_crawler.pages.navigation import find_column_links
from szpu_crawler.pages.text import has_mojibake, looks_binary, trusted_encoding
from szpu_crawler.settings import user_agent
from szpu_crawler.site import FALLBACK_COLUMN_PATHS, NEWS_COLUMNS, article_ids, canonical_url
from szpu_crawler.state import CrawlState, PendingArticle, now

MODES = ("incremental", "full")
# Answers an article request handles itself rather than as errors.
HANDLED_STATUSES = [304, 404, 410]


class NewsSpider(Spider):
    name = "news"

    base_url: str
    mode: str = "incremental"
    state: CrawlState | None = None
    run_id: str | None = None
    walk_all: bool = True
    known: frozenset[str] = frozenset()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Pages requested in this run. The spider dedupes itself, so that Scrapy's duplicate
        # filter cannot silently swallow a redirect back to a page (a redirect loop must fail
        # loudly, and be retried next run).
        self.requested: set[str] = set()
        # Articles earlier runs could not fetch: those this run tries again, and those it sets
        # aside after `SZPU_RETRY_RUNS` runs failed on them.
        self.retry: list[PendingArticle] = []
        self.set_aside: dict[str, PendingArticle] = {}

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        """Make the User-Agent from a contact URL given with `-s`."""
        super().update_settings(settings)
        contact_priority = settings.getpriority("SZPU_CONTACT_URL") or 0
        if contact_priority > (settings.getpriority("USER_AGENT") or 0):
            settings.set(
                "USER_AGENT", user_agent(settings["SZPU_CONTACT_URL"]), priority=contact_priority
            )

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {spider.mode!r}")
        spider.base_url = crawler.settings.get("SZPU_BASE_URL")
        spider.allowed_domains = [urlsplit(spider.base_url).hostname]
        if crawler.settings.getbool("SZPU_STATE_ENABLED"):
            spider.state = CrawlState.open(Path(crawler.settings["SZPU_OUTPUT_DIR"]))
            spider.run_id = spider.state.begin_run(spider.mode)
            spider.known = frozenset(spider.state.known_urls())
            spider.walk_all = spider.mode == "full" or not spider.state.last_run_complete(
                before_run=spider.run_id
            )
            retry_runs = crawler.settings.getint("SZPU_RETRY_RUNS")
            for article in spider.state.pending():
                if spider.mode != "full" and retry_runs and article.runs_failed >= retry_runs:
                    spider.set_aside[article.url] = article
                else:
                    spider.retry.append(article)
        return spider

    async def start(self) -> AsyncIterator[Request]:
        self.logger.info(
            "Run %s, %s mode: %s; %d articles known",
            self.run_id, self.mode,
            "walking every list page" if self.walk_all else "stopping at the first known list page",
            len(self.known),
        )  # fmt: skip
        known_columns = self.state.columns() if self.state and not self.walk_all else {}
        if known_columns.keys() >= set(NEWS_COLUMNS.values()):
            # The menu was read by the last run, which finished cleanly: the columns' first
            # pages are where it said. Full runs, and runs after one that did not finish (a
            # column page that fails makes one), read the home page again.
            self.logger.info("Starting at the columns the home page's menu last gave")
            for name, url in known_columns.items():
                if request := self._list_request(url, name, url):
                    yield request
        else:
            yield Request(self.base_url, callback=self.parse_home, errback=self.on_request_failed)
        for article in self.set_aside.values():
            self.crawler.stats.inc_value("szpu/set_aside")
            self.logger.warning(
                "Set aside after %d runs failed on it (last: %s); a full run tries it again: %s",
                article.runs_failed, article.reason, article.url,
            )  # fmt: skip
        for article in self.retry:
            self.logger.info("Retrying %s, not fetched in an earlier run", article.url)
            if request := self._article_request(article.url, None):
                yield request

    def on_request_failed(self, failure: Failure) -> Iterator[dict]:
        """A page that could not be fetched: logged with its URL and reason, and counted; an
        article's failure is also noted so the next run retries it."""
        request = failure.request
        kind = "article" if request.callback == self.parse_article else "page"
        # robots.txt forbids it: a policy, not a failure (redirect loops and HTTP errors are
        # IgnoreRequests too, and are failures)
        if failure.check(IgnoreRequest) and "robots.txt" in str(failure.value):
            self.crawler.stats.inc_value(f"szpu/skipped/{kind}")
            self.logger.info("Not fetching %s %s: %s", kind, request.url, failure.value)
            return
        reason = failure.value.__class__.__name__
        if failure.check(HttpError):
            reason = f"HTTP {failure.value.response.status}"
        elif failure.check(IgnoreRequest):
            reason = str(failure.value)
        if kind == "article":
            yield from self._failed(request.url, reason)
        else:
            self.crawler.stats.inc_value("szpu/failed/page")
            self.crawler.stats.inc_value(f"szpu/failed/reason/{reason}")
            self.logger.error("Could not fetch page %s: %s", request.url, reason)

    def _failed(self, url: str, reason: str) -> Iterator[dict]:
        """Log and count an article not captured, and note it for the next run to retry."""
        self.crawler.stats.inc_value("szpu/failed/article")
        self.crawler.stats.inc_value(f"szpu/failed/reason/{reason}")
        self.logger.error("Could not fetch article %s: %s", url, reason)
        yield {"notice": "failed", "url": url, "reason": reason}

    def _decoded(self, response: TextResponse) -> TextResponse:
        response, correction = trusted_encoding(response)
        if correction:
            self.crawler.stats.inc_value("szpu/encoding/corrected")
            self.logger.warning(
                "Wrong charset on %s (%s); decoded as the page", response.url, correction
            )
        return response

    def parse_home(self, response: Response) -> Iterator[Request]:
        """Find the news columns in the site's menu; fall back to their known paths.

        @site_url
        @returns requests 2 2
        """
        names = list(NEWS_COLUMNS.values())
        columns = (
            find_column_links(response, self.base_url, names)
            if isinstance(response, TextResponse)
            else {}
        )
        if self.state:
            self.state.save_columns(columns)  # as the menu gives them, without the fallbacks
        for name in names:
            if name not in columns:
                self.logger.warning(
                    "Column %r not found in the navigation of %s; using its known path",
                    name, response.url,
                )  # fmt: skip
                self.crawler.stats.inc_value("szpu/columns/fallback")
                columns[name] = urljoin(self.base_url, FALLBACK_COLUMN_PATHS[name])
        for name, url in columns.items():
            if request := self._list_request(url, name, url):
                yield request

    def parse_list(
        self, response: Response, section: str, first_page_url: str
    ) -> Iterator[Request]:
        """Follow the listed articles to fetch, then the pages to walk.

        @site_url News___Events/Events.htm
        @cb_kwargs {"section": "Events", "first_page_url": "/News___Events/Events.htm"}
        @returns requests 7 7
        """
        if looks_binary(response):
            self.crawler.stats.inc_value("szpu/failed/page")
            self.logger.error("List page %s is not an HTML page", response.url)
            return
        page = self._list_page(self._decoded(response), first_page_url)
        self.crawler.stats.inc_value("szpu/list/pages")
        if not page.articles:
            self.logger.warning("List page %s lists no article", response.url)
            self.crawler.stats.inc_value("szpu/list/empty")
        for listed in page.articles:
            self.crawler.stats.inc_value("szpu/list/articles_listed")
            column_id, _ = article_ids(listed.url)
            if column_id not in NEWS_COLUMNS:
                self.logger.info(
                    "Skipping %s listed under %s: not a news column", listed.url, section
                )
                self.crawler.stats.inc_value("szpu/list/other_column")
            elif self._to_fetch(listed.url):
                if request := self._article_request(listed.url, listed):
                    yield request
            elif self.mode == "full" and (request := self._article_request(listed.url, listed)):
                yield request
        if self.walk_all:
            walk = page.page_urls
        else:
            # New articles arrive at the front of a column and push the others back a page at a
            # time, so when this page's last article is known, every later page is too.
            last_to_fetch = bool(page.articles) and self._to_fetch(page.articles[-1].url)
            walk = (page.next_page_url,) if last_to_fetch and page.next_page_url else ()
        for url in walk:
            if request := self._list_request(url, section, first_page_url):
                yield request

    def parse_article(
        self, response: Response, listed: ListedArticle | None = None
    ) -> Iterator[dict]:
        """One raw record per article page; a notice when it is unchanged or gone.

        @site_url info/1162/2433.htm
        @returns items 1 1
        @returns requests 0 0
        @scrapes url column_id article_id section title date_published_raw body_text byline_raw
        """
        url = canonical_url(response.url, self.base_url)
        validators = _validators(response)
        if response.status == 304:
            yield {"notice": "unchanged", "url": url, "http_validators": validators}
            return
        if response.status in (404, 410):
            reason = f"HTTP {response.status}"
            if url in self.known:
                yield {"notice": "removed", "url": url, "fetched_at": now()}
                return
            yield from self._failed(url, reason)
            return
        if looks_binary(response):
            yield from self._failed(url, "not an HTML page")
            return
        response = self._decoded(response)
        column_id, article_id = article_ids(url)
        page = parse_article_page(response, self.base_url)
        if has_mojibake(page.body_text) or has_mojibake(page.title):
            self.crawler.stats.inc_value("szpu/text/mojibake")
            self.logger.warning("Mis-encoded characters kept as printed on %s", url)
        yield {
            "url": url,
            "column_id": column_id,
            "article_id": article_id,
            "section": NEWS_COLUMNS[column_id],
            **vars(page),  # its fields as they are: `asdict` would deep-copy what nothing shares
            "date_listed_raw": listed.date_listed_raw if listed else None,
            "title_listed": listed.title if listed else None,
            "http_validators": validators,
            "capture": response.request.meta.get("szpu_capture") if response.request else None,
            "fetched_at": now(),
        }

    # ---- requests

    def _to_fetch(self, url: str) -> bool:
        """Neither captured already nor set aside."""
        return url not in self.known and url not in self.set_aside

    def _conditional_headers(self, etag: str | None, last_modified: str | None) -> dict:
        if self.mode != "full":
            return {}
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return headers

    def _request(
        self,
        url: str,
        callback: Callable,
        cb_kwargs: dict[str, Any],
        validators: tuple[str | None, str | None],
        statuses: list[int],
    ) -> Request | None:
        """A request for a page not yet requested in this run, conditional in a full run."""
        if url in self.requested:
            return None
        self.requested.add(url)
        return Request(
            url,
            callback=callback,
            errback=self.on_request_failed,
            cb_kwargs=cb_kwargs,
            headers=self._conditional_headers(*validators),
            meta={"handle_httpstatus_list": statuses},
            dont_filter=True,
        )

    def _article_request(self, url: str, listed: ListedArticle | None) -> Request | None:
        validators = self.state.validators(url) if self.state else (None, None)
        return self._request(
            url, self.parse_article, {"listed": listed}, validators, HANDLED_STATUSES
        )

    def _list_request(self, url: str, section: str, first_page_url: str) -> Request | None:
        cached = self.state.list_page(url) if self.state else None
        validators = (cached["etag"], cached["last_modified"]) if cached else (None, None)
        cb_kwargs = {"section": section, "first_page_url": first_page_url}
        return self._request(url, self.parse_list, cb_kwargs, validators, [304])

    def _list_page(self, response: Response, first_page_url: str) -> ListPage:
        """The page as parsed now, or as parsed last time when the server says it is unchanged;
        remembered for the next run's conditional request."""
        url = canonical_url(response.url, self.base_url)
        if response.status == 304 and self.state and (cached := self.state.list_page(url)):
            page_urls = tuple(json.loads(cached["page_urls"]))
            articles = tuple(ListedArticle(*fields) for fields in json.loads(cached["articles"]))
            return ListPage(articles, page_urls, next_page(url, page_urls))
        page = parse_list_page(response, self.base_url, first_page_url)
        if self.state:
            self.state.save_list_page(
                url, *_validators(response).values(),
                [list(asdict(listed).values()) for listed in page.articles], list(page.page_urls),
            )  # fmt: skip
        return page


def _validators(response: Response) -> dict[str, str | None]:
    """The response's `ETag` and `Last-Modified`, for the next conditional request."""
    etag = response.headers.get("ETag")
    last_modified = response.headers.get("Last-Modified")
    return {
        "etag": etag.decode("latin-1") if etag else None,
        "last_modified": last_modified.decode("latin-1") if last_modified else None,
    }
