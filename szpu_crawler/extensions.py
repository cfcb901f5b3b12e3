"""Cross-cutting reports of a run."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict
from pathlib import Path
from typing import Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler

from szpu_crawler.archive.package import package_archive
from szpu_crawler.archive.warc import read_cdxj_lines, repair_warc
from szpu_crawler.monitoring import run_checks
from szpu_crawler.normalize.facts import fact_rows
from szpu_crawler.outputs import write_json, write_jsonl, write_lines
from szpu_crawler.state import CrawlState, now

logger = logging.getLogger(__name__)


class BoundsReport:
    """Says, at the end of a run, which bound stopped work: the depth limit or the page cap.

    Scrapy itself logs the bound only at DEBUG (depth) or as a bare finish reason (page cap); an
    operator reading the log of a scheduled run needs to see it as a warning.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider: Spider, reason: str) -> None:
        settings, stats = self.crawler.settings, self.crawler.stats
        ignored = stats.get_value("depth/request_ignored_count", 0)
        if ignored:
            logger.warning(
                "Depth limit reached (DEPTH_LIMIT=%d): %d links were not followed",
                settings.getint("DEPTH_LIMIT"), ignored,
            )  # fmt: skip
        if reason == "closespider_pagecount":
            logger.warning(
                "Page cap reached (CLOSESPIDER_PAGECOUNT=%d): the run stopped before the end "
                "of the site",
                settings.getint("CLOSESPIDER_PAGECOUNT"),
            )


class RunRecorder:
    """Ends each run: its manifest, its checks, and its output files, written from the state.

    At the start of a run it first ends any run that was killed before it could: that run's
    captured records get their run file and a manifest saying `killed`.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.output_dir = Path(crawler.settings["SZPU_OUTPUT_DIR"])

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider: Spider) -> None:
        state: CrawlState | None = getattr(spider, "state", None)
        if state is None:
            return
        for run_id in state.unfinished_runs(except_run=spider.run_id):
            row = state.run_row(run_id)
            manifest = {
                "run_id": run_id, "mode": row["mode"], "started": row["started"],
                "finished": None, "finish_reason": "killed",
                "counts": state.change_counts(run_id), "recovered_by": spider.run_id,
            }  # fmt: skip
            logger.warning(
                "Run %s did not finish (killed?); writing the %d records it captured",
                run_id, sum(manifest["counts"].values()),
            )  # fmt: skip
            for warc in sorted((self.output_dir / "warc").glob(f"szpu-{run_id}-*.warc.gz")):
                if cut := repair_warc(warc):
                    logger.warning("Cut %d bytes of a half-written record from %s", cut, warc)
                state.replace_index_lines(warc.name, read_cdxj_lines(warc))
            self._write(state, manifest, current=False)
            state.finish_run(run_id, "killed", complete=False, manifest=manifest)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        state: CrawlState | None = getattr(spider, "state", None)
        if state is None:
            return
        stats, settings = self.crawler.stats, self.crawler.settings
        value = stats.get_value
        parsed = value("szpu/articles", 0)
        missing = {
            "title": value("szpu/missing/title", 0),
            "date_published": value("szpu/date/missing", 0),
            "body_text": value("szpu/missing/body_text", 0),
            "byline": value("szpu/missing/byline_raw", 0),
        }
        failed = value("szpu/failed/article", 0) + value("szpu/failed/page", 0)
        manifest = {
            "run_id": spider.run_id,
            "mode": spider.mode,
            "walk": "all list pages" if spider.walk_all else "until a known list page",
            "started": state.run_row(spider.run_id)["started"],
            "finished": now(),
            "finish_reason": reason,
            "counts": {
                **state.change_counts(spider.run_id),
                "unchanged": value("szpu/versions/unchanged", 0),
                "same_story": value("szpu/versions/same_story", 0),
                "failed": failed,
                "set_aside": value("szpu/set_aside", 0),
                "rejected": value("szpu/rejected", 0),
                "pages_fetched": value("response_received_count", 0),
                "list_pages": value("szpu/list/pages", 0),
                "articles_listed": value("szpu/list/articles_listed", 0),
                "articles_parsed": parsed,
                "errors": value("log_count/ERROR", 0),
            },
            "field_coverage": (
                {field: round(1 - n / parsed, 4) for field, n in missing.items()}
                if parsed
                else None
            ),
            "set_aside": [asdict(article) for article in spider.set_aside.values()],
        }
        manifest["checks"] = run_checks(
            manifest,
            state.previous_manifest(spider.run_id, spider.mode, manifest["walk"]),
            settings.getdict("SZPU_MIN_COVERAGE"),
            settings.getfloat("SZPU_MAX_SEEN_DROP"),
            settings.getint("SZPU_COVERAGE_MIN_ARTICLES"),
        )
        failures = [check for check in manifest["checks"] if not check["passed"]]
        for check in failures:
            logger.error("Check failed: %s: %s", check["name"], check["detail"])
        stats.set_value("szpu/checks/failed", len(failures))
        archive = getattr(spider, "archive", None)
        if archive is not None:
            archive.close()
            manifest["archive"] = {"warc_files": archive.files}
        self._write(state, manifest, current=True)
        if archive is not None:
            try:
                warcs = sorted((self.output_dir / "warc").glob("*.warc.gz"))
                self._index_unindexed_warcs(state, warcs)
                manifest["outputs"].update(
                    package_archive(
                        self.output_dir,
                        warcs,
                        state.index_lines({warc.name for warc in warcs}),
                        map(json.loads, state.current_records()),
                    )
                )
            except Exception:  # the run's records are written already: say so, and go on
                logger.exception("Could not index or package the archive")
                stats.set_value("szpu/checks/failed", len(failures) + 1)
            write_json(self.output_dir / "runs" / f"{spider.run_id}.json", manifest)
        state.finish_run(
            spider.run_id, reason, complete=reason == "finished" and not failed, manifest=manifest
        )
        state.close()
        logger.info(
            "Run %s: %s; outputs in %s", spider.run_id,
            ", ".join(f"{k} {v}" for k, v in manifest["counts"].items()), self.output_dir,
        )  # fmt: skip

    def _index_unindexed_warcs(self, state: CrawlState, warcs: list[Path]) -> None:
        """WARC files whose index lines the state does not hold (written before the state kept
        them) are read once, so the index and the package cover every file."""
        indexed = state.indexed_warc_files()
        for warc in warcs:
            if warc.name not in indexed:
                logger.info("Indexing %s, whose index lines the state does not hold", warc.name)
                state.replace_index_lines(warc.name, read_cdxj_lines(warc))

    def _write(self, state: CrawlState, manifest: dict, current: bool) -> None:
        runs = self.output_dir / "runs"
        run_id = manifest["run_id"]
        manifest["outputs"] = {"records": f"runs/{run_id}.jsonl"}
        write_lines(runs / f"{run_id}.jsonl", state.run_records(run_id))
        if current:
            manifest["outputs"]["articles"] = "articles.jsonl"
            manifest["outputs"]["articles_count"] = write_lines(
                self.output_dir / "articles.jsonl", state.current_records()
            )
            manifest["outputs"]["facts"] = "facts.jsonl"
            manifest["outputs"]["facts_count"] = write_jsonl(
                self.output_dir / "facts.jsonl", fact_rows(map(json.loads, state.current_records()))
            )
        write_json(runs / f"{run_id}.json", manifest)
