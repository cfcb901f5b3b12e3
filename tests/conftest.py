"""Fixtures: the bundled mirror, built once, served over HTTP, and read as fixture pages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin

import pytest
from scrapy.http import HtmlResponse

from szpu_crawler.mirror.build import build_mirror
from szpu_crawler.mirror.server import MirrorServer

PROJECT_ROOT = Path(__file__).resolve().parent.parent
EXPECTED = Path(__file__).resolve().parent / "expected"
# Fixture pages are read as if fetched from the real site, so their URLs look like the real ones.
SITE_BASE_URL = "https://english.szpu.edu.cn/"


@pytest.fixture(scope="session")
def mirror_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_mirror(tmp_path_factory.mktemp("mirror"))


@pytest.fixture(scope="session")
def page(mirror_root: Path) -> Callable[[str], HtmlResponse]:
    """A mirror page as the response the spider would get for it from the real site."""

    def load(path: str) -> HtmlResponse:
        body = (mirror_root / path.lstrip("/")).read_bytes()
        return HtmlResponse(url=urljoin(SITE_BASE_URL, path), body=body)

    return load


@pytest.fixture
def mirror_server(mirror_root: Path) -> Iterator[MirrorServer]:
    """The mirror on 127.0.0.1 at an ephemeral port, with a request log of its own."""
    with MirrorServer(mirror_root) as server:
        yield server


@pytest.fixture(scope="session")
def crawl(mirror_root: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One crawl of the mirror over HTTP, shared by the end-to-end tests."""
    output_dir = tmp_path_factory.mktemp("output")
    started = datetime.now(UTC).replace(microsecond=0)
    with MirrorServer(mirror_root) as server:
        result = run_crawl(server.base_url, output_dir)
    records = read_jsonl(output_dir / "articles.jsonl")
    return {
        "result": result,
        "records": records,
        "requests": list(server.requests),
        "base_url": server.base_url,
        "started": started,
        "output_dir": output_dir,
    }


def crawl_command(base_url: str, output_dir: Path | None, *arguments: str) -> list[str]:
    """`scrapy crawl news` as an operator runs it, with politeness off for speed."""
    output = ["-s", f"SZPU_OUTPUT_DIR={output_dir}"] if output_dir is not None else []
    return [
        sys.executable, "-m", "scrapy", "crawl", "news",
        "-s", f"SZPU_BASE_URL={base_url}",
        *output,
        "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "DOWNLOAD_DELAY=0",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8",
        *arguments,
    ]  # fmt: skip


def crawl_environment(**overrides: str) -> dict[str, str]:
    """The test's environment without SZPU_* settings or proxies, plus `overrides`."""
    dropped = ("SZPU_", "http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY")
    environment = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    return {**environment, **overrides}


def run_crawl(
    base_url: str, output_dir: Path | None, *arguments: str, **environment: str
) -> subprocess.CompletedProcess:
    """Run `scrapy crawl news` in a subprocess from the project folder and wait for it."""
    return subprocess.run(
        crawl_command(base_url, output_dir, *arguments),
        cwd=PROJECT_ROOT,
        env=crawl_environment(**environment),
        capture_output=True,
        text=True,
        timeout=300,
    )


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]
