"""Versions: whether a fetched article is new, updated, unchanged, removed, or a story already
captured under the other column."""

from __future__ import annotations

import logging
from difflib import SequenceMatcher
from typing import Any

from scrapy.exceptions import DropItem

from szpu_crawler.pipelines.base import CrawlerPipeline
from szpu_crawler.state import CrawlState, StoredArticle, content_hash

logger = logging.getLogger(__name__)

# Bodies at least this similar, under the same title and day, are one story in two columns.
SAME_STORY_SIMILARITY = 0.9


def same_story(record: dict[str, Any], candidate: StoredArticle | None) -> bool:
    if candidate is None or candidate.record is None:
        return False
    ours, theirs = record.get("body_text") or "", candidate.record.get("body_text") or ""
    return SequenceMatcher(None, ours, theirs, autojunk=False).ratio() >= SAME_STORY_SIMILARITY


class VersionPipeline(CrawlerPipeline):
    """Adds `version`, `change`, `previous_hash`, `content_hash`, `run_id`, `sections` and
    `also_at`; drops what is unchanged; turns notices from the spider into state."""

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        spider = self.crawler.spider
        state: CrawlState | None = getattr(spider, "state", None)
        run_id = getattr(spider, "run_id", None)
        notice = item.get("notice")
        if notice is not None:
            return self._notice(item, notice, state, run_id)
        item["content_hash"] = content_hash(item)
        item["run_id"] = run_id
        item.setdefault("sections", [item["section"]])
        item.setdefault("also_at", [])
        stored = state.article(item["url"]) if state else None
        if stored is None:
            return self._versioned(item, 1, "new", None)
        if stored.story_url != item["url"] or stored.content_hash == item["content_hash"]:
            state.touch(item["url"], **item["http_validators"])
            self.stats.inc_value("szpu/versions/unchanged")
            raise DropItem(f"Unchanged: {item['url']}", log_level="DEBUG")
        item["sections"] = stored.record["sections"]
        item["also_at"] = stored.record["also_at"]
        return self._versioned(item, stored.version + 1, "updated", stored.content_hash)

    def _versioned(
        self, item: dict[str, Any], version: int, change: str, previous_hash: str | None
    ) -> dict[str, Any]:
        self.stats.inc_value(f"szpu/versions/{change}")
        item.update(version=version, change=change, previous_hash=previous_hash)
        return item

    def _notice(
        self, item: dict[str, Any], notice: str, state: CrawlState | None, run_id: str | None
    ) -> dict[str, Any]:
        url = item["url"]
        if state is None:
            raise DropItem(f"{notice}: {url}", log_level="DEBUG")
        if notice == "failed":
            state.add_pending(url, item["reason"], run_id)
            raise DropItem(f"Will retry next run: {url} ({item['reason']})", log_level="INFO")
        stored = state.article(url)
        if notice == "unchanged" and stored is not None:
            state.touch(url, **item["http_validators"])
            self.stats.inc_value("szpu/versions/unchanged")
            raise DropItem(f"Unchanged: {url}", log_level="DEBUG")
        if notice == "removed" and stored and stored.status == "live" and stored.story_url == url:
            tombstone = dict(stored.record)
            tombstone.update(run_id=run_id, fetched_at=item["fetched_at"])
            logger.warning("Article removed from the site: %s", url)
            return self._versioned(tombstone, stored.version + 1, "removed", stored.content_hash)
        raise DropItem(f"Nothing to record for {notice} {url}", log_level="DEBUG")


class CapturePipeline(CrawlerPipeline):
    """Commits each valid record to the crawl state: from then on it is captured.

    A new article that repeats a story already captured under the other column is committed
    as that story's record, now carrying both URLs. The check is made here, where records are
    committed one at a time, because records reach this point in any order (file downloads
    finish when they finish).
    """

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        state: CrawlState | None = getattr(self.crawler.spider, "state", None)
        if state is None:
            return item
        if item["change"] == "new":
            candidate = state.find_same_story(item)
            if same_story(item, candidate):
                state.note_alias(item["url"], candidate.url, **item["http_validators"])
                item = self._merged(item, candidate)
        state.capture(item)
        self.stats.inc_value(f"szpu/captured/{item['change']}")
        return item

    def _merged(self, item: dict[str, Any], story: StoredArticle) -> dict[str, Any]:
        """The story's record, now carrying this URL and section too."""
        record = dict(story.record)
        record["also_at"] = [*record["also_at"], item["url"]]
        record["sections"] = list(dict.fromkeys([*record["sections"], item["section"]]))
        self.stats.inc_value("szpu/versions/same_story")
        logger.info("%s is the story of %s; one record carries both", item["url"], story.url)
        if record["run_id"] != item["run_id"]:  # captured in an earlier run: a new version
            record.update(
                run_id=item["run_id"], version=story.version + 1, change="updated",
                previous_hash=story.content_hash,
            )  # fmt: skip
        return record
