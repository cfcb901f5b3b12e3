"""Crawl state in an embedded SQLite database: what is known, each article's versions, each run.

The database is the durable store of records: an article counts as captured once its version row
is committed, one transaction per article. Output files are written from it, so a run killed at
any point loses nothing that was committed, and its outputs are written at the next start.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from szpu_crawler.site import article_ids

STATE_FILE = "state.sqlite3"

# Fields whose change makes a new version; fetch times and extraction signals do not.
CONTENT_FIELDS = (
    "title", "subtitle", "date_published_raw", "source_raw", "byline_raw", "body_text",
    "headings", "images", "attachments", "breadcrumbs_raw",
)  # fmt: skip

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY, mode TEXT NOT NULL, started TEXT NOT NULL, finished TEXT,
    finish_reason TEXT, complete INTEGER NOT NULL DEFAULT 0, manifest TEXT
);
CREATE TABLE IF NOT EXISTS articles (
    url TEXT PRIMARY KEY, column_id TEXT, article_id TEXT,
    story_url TEXT,        -- the record that carries this URL (itself, or the story it repeats)
    content_hash TEXT, etag TEXT, last_modified TEXT, title_key TEXT, day TEXT,
    first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, last_changed TEXT,
    version INTEGER, run_id TEXT, status TEXT NOT NULL DEFAULT 'live'
);
CREATE INDEX IF NOT EXISTS articles_by_story ON articles (title_key, day);
CREATE TABLE IF NOT EXISTS versions (
    url TEXT NOT NULL, version INTEGER NOT NULL, run_id TEXT NOT NULL, change TEXT NOT NULL,
    record TEXT NOT NULL, PRIMARY KEY (url, version)
);
CREATE INDEX IF NOT EXISTS versions_by_run ON versions (run_id);
CREATE TABLE IF NOT EXISTS pending (
    url TEXT PRIMARY KEY, reason TEXT NOT NULL, attempts INTEGER NOT NULL, last_run TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS captures (
    url TEXT PRIMARY KEY, payload_digest TEXT NOT NULL, record_id TEXT NOT NULL,
    warc_date TEXT NOT NULL, warc_file TEXT NOT NULL
);
-- The CDXJ index line of every WARC response and revisit record, stored as it is written:
-- the index is these lines in order, never a second reading of the WARC files.
CREATE TABLE IF NOT EXISTS cdxj (
    line TEXT PRIMARY KEY, warc_file TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS cdxj_by_file ON cdxj (warc_file);
-- The news columns' first list pages, as the home page's menu last gave them.
CREATE TABLE IF NOT EXISTS columns (name TEXT PRIMARY KEY, url TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS list_pages (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, articles TEXT NOT NULL,
    page_urls TEXT NOT NULL
);
"""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_run_id() -> str:
    """Sortable by start time, unique even for two runs started in the same second."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)


# What of an image or attachment is content: where the files pipeline stored it is not.
_FILE_CONTENT_KEYS = {"images": ("url", "caption", "alt"), "attachments": ("url", "name")}


def content_hash(record: dict[str, Any]) -> str:
    content = {name: record.get(name) for name in CONTENT_FIELDS}
    for name, keys in _FILE_CONTENT_KEYS.items():
        content[name] = [{key: entry.get(key) for key in keys} for entry in content[name] or []]
    encoded = json.dumps(content, ensure_ascii=False, sort_keys=True).encode()
    return "sha256:" + hashlib.sha256(encoded).hexdigest()


@dataclass(frozen=True)
class PendingArticle:
    """An article no run has captured yet: the last reason, and how many runs failed on it."""

    url: str
    reason: str
    runs_failed: int


def title_key(title: str | None) -> str | None:
    return " ".join(title.casefold().split()) if title else None


@dataclass(frozen=True)
class StoredArticle:
    url: str
    story_url: str
    content_hash: str | None
    version: int
    status: str
    record: dict[str, Any] | None


class CrawlState:
    """The state database of one output folder."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.db = connection

    @classmethod
    def open(cls, output_dir: Path) -> CrawlState:
        output_dir.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(output_dir / STATE_FILE, isolation_level=None)
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA journal_mode=WAL")
        # WAL with NORMAL: a commit survives the process being killed (SIGKILL included); only
        # a power cut may lose the last commits, never the database's consistency.
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.executescript(_SCHEMA)
        return cls(connection)

    def close(self) -> None:
        self.db.close()

    # ---- runs

    def begin_run(self, mode: str) -> str:
        run_id = new_run_id()
        self.db.execute(
            "INSERT INTO runs (run_id, mode, started) VALUES (?, ?, ?)", (run_id, mode, now())
        )
        return run_id

    def unfinished_runs(self, except_run: str) -> list[str]:
        rows = self.db.execute(
            "SELECT run_id FROM runs WHERE finished IS NULL AND run_id != ? ORDER BY run_id",
            (except_run,),
        )
        return [row["run_id"] for row in rows]

    def last_run_complete(self, before_run: str) -> bool:
        """Whether the run before this one walked and finished cleanly: only then may a run
        stop its walk at the first list page it already knows."""
        row = self.db.execute(
            "SELECT complete FROM runs WHERE run_id < ? ORDER BY run_id DESC LIMIT 1",
            (before_run,),
        ).fetchone()
        return bool(row and row["complete"])

    def run_row(self, run_id: str) -> sqlite3.Row:
        return self.db.execute("SELECT * FROM runs WHERE run_id = ?", (run_id,)).fetchone()

    def finish_run(self, run_id: str, reason: str, complete: bool, manifest: dict) -> None:
        self.db.execute(
            "UPDATE runs SET finished = ?, finish_reason = ?, complete = ?, manifest = ? "
            "WHERE run_id = ?",
            (manifest["finished"], reason, int(complete), json.dumps(manifest), run_id),
        )

    def previous_manifest(self, run_id: str, mode: str, walk: str) -> dict | None:
        """The manifest of the latest earlier run that crawled the same way, to compare with."""
        rows = self.db.execute(
            "SELECT manifest FROM runs WHERE run_id < ? AND mode = ? AND manifest IS NOT NULL "
            "ORDER BY run_id DESC",
            (run_id, mode),
        )
        manifests = (json.loads(row["manifest"]) for row in rows)
        return next((m for m in manifests if m.get("walk") == walk), None)

    def change_counts(self, run_id: str) -> dict[str, int]:
        rows = self.db.execute(
            "SELECT change, count(*) AS n FROM versions WHERE run_id = ? GROUP BY change",
            (run_id,),
        )
        counts = {"new": 0, "updated": 0, "removed": 0}
        counts.update({row["change"]: row["n"] for row in rows})
        return counts

    # ---- what is known

    def known_urls(self) -> set[str]:
        return {row["url"] for row in self.db.execute("SELECT url FROM articles")}

    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.db.execute(
            "SELECT etag, last_modified FROM articles WHERE url = ?", (url,)
        ).fetchone()
        return (row["etag"], row["last_modified"]) if row else (None, None)

    def article(self, url: str) -> StoredArticle | None:
        row = self.db.execute(
            "SELECT a.url, a.story_url, a.content_hash, a.version, a.status, v.record "
            "FROM articles a LEFT JOIN versions v ON v.url = a.story_url AND v.version = "
            "(SELECT max(version) FROM versions WHERE url = a.story_url) WHERE a.url = ?",
            (url,),
        ).fetchone()
        if row is None:
            return None
        record = json.loads(row["record"]) if row["record"] else None
        return StoredArticle(
            row["url"], row["story_url"], row["content_hash"], row["version"] or 0,
            row["status"], record,
        )  # fmt: skip

    def find_same_story(self, record: dict[str, Any]) -> StoredArticle | None:
        """A live article of another column with the same title and day: a candidate story."""
        day = (record.get("date_published") or "")[:10] or None
        rows = self.db.execute(
            "SELECT url FROM articles WHERE title_key = ? AND day IS ? AND column_id != ? "
            "AND status = 'live' AND story_url = url",
            (title_key(record.get("title")), day, record.get("column_id")),
        )
        for row in rows:
            return self.article(row["url"])
        return None

    def pending(self) -> list[PendingArticle]:
        rows = self.db.execute("SELECT url, reason, attempts FROM pending ORDER BY url")
        return [PendingArticle(row["url"], row["reason"], row["attempts"]) for row in rows]

    def columns(self) -> dict[str, str]:
        return {row["name"]: row["url"] for row in self.db.execute("SELECT * FROM columns")}

    def list_page(self, url: str) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM list_pages WHERE url = ?", (url,)).fetchone()

    # ---- writes

    def save_columns(self, columns: dict[str, str]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO columns VALUES (?, ?)", columns.items())

    def save_list_page(
        self, url: str, etag: str | None, last_modified: str | None, articles: list, page_urls: list
    ) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO list_pages VALUES (?, ?, ?, ?, ?)",
            (url, etag, last_modified, json.dumps(articles), json.dumps(page_urls)),
        )

    def capture(self, record: dict[str, Any]) -> None:
        """Commit one version of a record, and every URL it carries, in one transaction."""
        url, time, run_id = record["url"], now(), record["run_id"]
        validators = record.get("http_validators") or {}
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute(
                "INSERT OR REPLACE INTO versions VALUES (?, ?, ?, ?, ?)",
                (url, record["version"], run_id, record["change"],
                 json.dumps(record, ensure_ascii=False)),
            )  # fmt: skip
            for carried in [url, *record.get("also_at", [])]:
                is_story = carried == url
                column_id, article_id = article_ids(carried) or (None, None)
                self.db.execute(
                    "INSERT INTO articles (url, column_id, article_id, story_url, content_hash, "
                    "etag, last_modified, title_key, day, first_seen, last_seen, last_changed, "
                    "version, run_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (url) DO UPDATE SET story_url = excluded.story_url, "
                    "content_hash = excluded.content_hash, etag = coalesce(excluded.etag, etag), "
                    "last_modified = coalesce(excluded.last_modified, last_modified), "
                    "title_key = excluded.title_key, day = excluded.day, "
                    "last_seen = excluded.last_seen, last_changed = excluded.last_changed, "
                    "version = excluded.version, run_id = excluded.run_id, "
                    "status = excluded.status",
                    (
                        carried,
                        column_id,
                        article_id,
                        url,
                        record["content_hash"],
                        validators.get("etag") if is_story else None,
                        validators.get("last_modified") if is_story else None,
                        title_key(record.get("title")),
                        (record.get("date_published") or "")[:10] or None,
                        time,
                        time,
                        time,
                        record["version"],
                        run_id,
                        "removed" if record["change"] == "removed" else "live",
                    ),
                )
                self.db.execute("DELETE FROM pending WHERE url = ?", (carried,))

    def note_alias(
        self, url: str, story_url: str, etag: str | None, last_modified: str | None
    ) -> None:
        """Remember another URL of a story with its validators; `capture` completes the row."""
        time = now()
        self.db.execute(
            "INSERT OR IGNORE INTO articles (url, story_url, etag, last_modified, first_seen, "
            "last_seen) VALUES (?, ?, ?, ?, ?, ?)",
            (url, story_url, etag, last_modified, time, time),
        )

    def touch(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """Seen again, unchanged."""
        self.db.execute(
            "UPDATE articles SET last_seen = ?, etag = coalesce(?, etag), "
            "last_modified = coalesce(?, last_modified) WHERE url = ?",
            (now(), etag, last_modified, url),
        )

    def add_pending(self, url: str, reason: str, run_id: str) -> None:
        self.db.execute(
            "INSERT INTO pending VALUES (?, ?, 1, ?) ON CONFLICT (url) DO UPDATE SET "
            "reason = excluded.reason, attempts = attempts + 1, last_run = excluded.last_run",
            (url, reason, run_id),
        )

    # ---- archive

    def last_capture(self, url: str) -> dict[str, str] | None:
        """The latest full WARC response record of `url`, which a revisit record refers to."""
        row = self.db.execute("SELECT * FROM captures WHERE url = ?", (url,)).fetchone()
        return dict(row) if row else None

    _SAVE_INDEX_LINE = "INSERT OR REPLACE INTO cdxj VALUES (?, ?)"

    def save_capture(self, url: str, capture: dict[str, str], index_line: str, full: bool) -> None:
        """Keep a written record's index line, and, for a `full` response record (not a
        revisit), that it is now the capture later revisits refer to; in one commit."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute(self._SAVE_INDEX_LINE, (index_line, capture["warc_file"]))
            if full:
                self.db.execute(
                    "INSERT OR REPLACE INTO captures VALUES (?, ?, ?, ?, ?)",
                    (url, capture["payload_digest"], capture["record_id"], capture["warc_date"],
                     capture["warc_file"]),
                )  # fmt: skip

    def replace_index_lines(self, warc_file: str, lines: Iterable[str]) -> None:
        """The index lines of one WARC file, anew: after a killed run's file was repaired."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("DELETE FROM cdxj WHERE warc_file = ?", (warc_file,))
            self.db.executemany(self._SAVE_INDEX_LINE, ((line, warc_file) for line in lines))

    def indexed_warc_files(self) -> set[str]:
        return {row["warc_file"] for row in self.db.execute("SELECT DISTINCT warc_file FROM cdxj")}

    def index_lines(self, warc_files: set[str]) -> Iterator[str]:
        """The CDXJ lines of the records in `warc_files` (the files still there), sorted as the
        index wants them: by the line itself, the URL key, then the time."""
        rows = self.db.execute("SELECT line, warc_file FROM cdxj ORDER BY line")
        return (row["line"] for row in rows if row["warc_file"] in warc_files)

    # ---- outputs

    def run_records(self, run_id: str) -> Iterator[str]:
        """The records of one run, as the JSON lines they are stored as, in URL order."""
        rows = self.db.execute(
            "SELECT record FROM versions WHERE run_id = ? ORDER BY url", (run_id,)
        )
        return (row["record"] for row in rows)

    def current_records(self) -> Iterator[str]:
        """The latest version of every live story, as stored JSON, in URL order: written out
        as it is, it is the JSON Lines output without decoding and encoding every record."""
        rows = self.db.execute(
            "SELECT v.record FROM articles a JOIN versions v ON v.url = a.url "
            "AND v.version = a.version WHERE a.story_url = a.url AND a.status = 'live' "
            "ORDER BY a.url"
        )
        return (row["record"] for row in rows)
