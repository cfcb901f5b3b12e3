"""Every record is checked against the JSON Schema; an invalid one goes to `rejects.jsonl`."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastjsonschema import JsonSchemaException
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from szpu_crawler.pipelines.base import CrawlerPipeline
from szpu_crawler.schema import fast_record_check, record_validator

logger = logging.getLogger(__name__)

REJECTS_FILE = "rejects.jsonl"


class ValidationPipeline(CrawlerPipeline):
    """Keeps invalid records out of the feed, whole and with their error paths, and goes on."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.check = fast_record_check()
        self.rejects_path = Path(self.settings["SZPU_OUTPUT_DIR"]) / REJECTS_FILE

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        try:
            self.check(item)
        except JsonSchemaException:
            pass
        else:
            self.stats.inc_value("szpu/valid")
            return item
        errors = sorted(record_validator().iter_errors(item), key=lambda error: list(error.path))
        problems = [
            {
                "path": "/" + "/".join(str(part) for part in error.absolute_path),
                "message": error.message,
            }
            for error in errors
        ]
        self.rejects_path.parent.mkdir(parents=True, exist_ok=True)
        with self.rejects_path.open("a", encoding="utf-8") as rejects:
            line = {"rejected_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    "errors": problems, "record": item}  # fmt: skip
            rejects.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")
        self.stats.inc_value("szpu/rejected")
        raise DropItem(
            f"Invalid record {item.get('url')} ({len(problems)} errors, first: "
            f"{problems[0]['path']}: {problems[0]['message']}); written to {self.rejects_path}"
        )
