"""Safe defaults for an unattended crawler: no open port, no stray file, bounded work, proxies."""

import ast
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from szpu_crawler.mirror.build import build_mirror
from szpu_crawler.mirror.server import MirrorServer
from tests.conftest import (
    PROJECT_ROOT,
    crawl_command,
    crawl_environment,
    read_jsonl,
    run_crawl,
)

SLOW_PAGES = {
    path: ["slow:0.4"] for path in ("/", "/News___Events/News.htm", "/info/1162/2433.htm")
}


def listening_socket_inodes() -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A":  # LISTEN
                inodes.add(fields[9])
    return inodes


def socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for descriptor in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(descriptor)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    return inodes


def crawl_watching_sockets(mirror_root, work: Path, *arguments: str) -> tuple[int, set[str]]:
    """Run a crawl from `work` with HOME in `work/home`; return its exit code and every socket
    it had listening at any moment."""
    home = work / "home"
    home.mkdir(parents=True)
    environment = crawl_environment(
        HOME=str(home), SCRAPY_SETTINGS_MODULE="szpu_crawler.settings", PYTHONDONTWRITEBYTECODE="1"
    )
    listening: set[str] = set()
    with MirrorServer(mirror_root, faults={k: list(v) for k, v in SLOW_PAGES.items()}) as server:
        process = subprocess.Popen(
            crawl_command(server.base_url, None, *arguments),
            cwd=work, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        while process.poll() is None:
            try:
                listening |= socket_inodes(process.pid) & listening_socket_inodes()
            except FileNotFoundError:
                break
            time.sleep(0.02)
    return process.wait(timeout=60), listening


def test_crawl_opens_no_listening_socket_and_writes_only_under_output(mirror_root, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    returncode, listening = crawl_watching_sockets(mirror_root, work)
    assert returncode == 0
    assert listening == set()
    written = sorted(str(p.relative_to(work)) for p in work.rglob("*") if p.is_file())
    assert "output/articles.jsonl" in written
    assert [path for path in written if not path.startswith("output/")] == []


def test_the_socket_watch_sees_the_telnet_console_when_an_operator_turns_it_on(
    mirror_root, tmp_path
):
    work = tmp_path / "work"
    work.mkdir()
    returncode, listening = crawl_watching_sockets(
        mirror_root, work, "-s", "TELNETCONSOLE_ENABLED=True"
    )
    assert returncode == 0
    assert len(listening) == 1


def test_page_cap_stops_the_run(mirror_server, tmp_path):
    result = run_crawl(mirror_server.base_url, tmp_path, "-s", "CLOSESPIDER_PAGECOUNT=5")
    assert "'finish_reason': 'closespider_pagecount'" in result.stderr
    assert (
        "Page cap reached (CLOSESPIDER_PAGECOUNT=5): the run stopped before the end of the site"
        in result.stderr
    )
    assert len(read_jsonl(tmp_path / "articles.jsonl")) < 28


def test_depth_limit_stops_the_walk(mirror_server, tmp_path):
    result = run_crawl(mirror_server.base_url, tmp_path, "-s", "DEPTH_LIMIT=2")
    assert "Depth limit reached (DEPTH_LIMIT=2): 18 links were not followed" in result.stderr
    assert "'finish_reason': 'finished'" in result.stderr
    assert len(read_jsonl(tmp_path / "articles.jsonl")) == 10


def test_size_limit_refuses_a_huge_page_and_the_crawl_goes_on(tmp_path):
    root = build_mirror(tmp_path / "mirror")
    huge = root / "info/1161/2590.htm"
    huge.write_text(huge.read_text() + "<!--" + "x" * 2_000_000 + "-->")
    with MirrorServer(root) as server:
        result = run_crawl(server.base_url, tmp_path / "out", "-s", "DOWNLOAD_MAXSIZE=1000000")
    assert "which is larger than download max size (1000000)" in result.stderr
    assert f"Could not fetch article {server.base_url}info/1161/2590.htm: " in result.stderr
    assert "'szpu/failed/article': 1" in result.stderr
    assert len(read_jsonl(tmp_path / "out" / "articles.jsonl")) == 26


def test_download_timeout_gives_up_a_slow_page_and_the_crawl_goes_on(mirror_root, tmp_path):
    faults = {"/info/1162/2503.htm": ["slow:3"]}
    with MirrorServer(mirror_root, faults=faults) as server:
        result = run_crawl(
            server.base_url, tmp_path, "-s", "DOWNLOAD_TIMEOUT=1", "-s", "RETRY_TIMES=0"
        )
    assert (
        f"Could not fetch article {server.base_url}info/1162/2503.htm: DownloadTimeoutError"
        in result.stderr
    )
    assert "'szpu/failed/reason/DownloadTimeoutError': 1" in result.stderr
    assert len(read_jsonl(tmp_path / "articles.jsonl")) == 26


def test_contact_url_given_on_the_command_line_goes_into_the_user_agent(mirror_server, tmp_path):
    result = run_crawl(
        mirror_server.base_url, tmp_path, "-s", "SZPU_CONTACT_URL=mailto:ops@example.org"
    )
    assert result.returncode == 0
    assert {agent for _, agent in mirror_server.requests} == {
        "szpu-crawler/0.1.0 (+mailto:ops@example.org)"
    }


def test_requests_go_through_the_proxy_of_the_standard_environment_variable(
    mirror_server, tmp_path
):
    result = run_crawl("http://english.szpu.edu.cn/", tmp_path, http_proxy=mirror_server.base_url)
    assert result.returncode == 0, result.stderr[-3000:]
    records = read_jsonl(tmp_path / "articles.jsonl")
    assert len(records) == 27
    assert {r["url"].rsplit("/info/", 1)[0] for r in records} == {"http://english.szpu.edu.cn"}
    paths = [path for path, _ in mirror_server.requests]
    assert paths[:2] == ["http://english.szpu.edu.cn/robots.txt", "http://english.szpu.edu.cn/"]


def test_scrapy_check_runs_the_spider_contracts_on_the_mirror(mirror_server):
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "check", "news",
         "-s", f"SZPU_BASE_URL={mirror_server.base_url}", "-s", "DOWNLOAD_DELAY=0",
         "-s", "AUTOTHROTTLE_ENABLED=False"],
        cwd=PROJECT_ROOT, env=crawl_environment(), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Ran 5 contracts" in result.stderr
    assert result.stderr.rstrip().endswith("OK")
    assert {path for path, _ in mirror_server.requests} >= {
        "/", "/News___Events/Events.htm", "/info/1162/2433.htm"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SZPU_BASE_URL", "https://english.szpu.edu.cn/"),
        ("SZPU_OUTPUT_DIR", "output"),
        ("TELNETCONSOLE_ENABLED", "False"),
        ("REMOTE_CONTROL_ENABLED", "False"),
        ("ROBOTSTXT_OBEY", "True"),
        ("DOWNLOAD_TIMEOUT", "30"),
        ("DOWNLOAD_MAXSIZE", "16777216"),
        ("RETRY_TIMES", "3"),
        ("DEPTH_LIMIT", "500"),
        ("CLOSESPIDER_PAGECOUNT", "20000"),
        ("CONCURRENT_REQUESTS_PER_DOMAIN", "2"),
        ("CONCURRENT_ITEMS", "4"),
        ("LOG_LEVEL", "INFO"),
    ],
)
def test_scrapy_settings_shows_the_documented_defaults(name, value):
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "settings", "--get", name],
        cwd=PROJECT_ROOT, env=crawl_environment(), capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert result.stdout.strip() == value


@pytest.mark.parametrize(
    ("name", "value", "shown"),
    [("SZPU_OUTPUT_DIR", "/srv/szpu", "/srv/szpu"), ("DEPTH_LIMIT", "7", "7"),
     ("AUTOTHROTTLE_ENABLED", "false", "False"), ("LOG_FILE", "/tmp/szpu.log", "/tmp/szpu.log")],
)  # fmt: skip
def test_environment_variable_overrides_a_default(name, value, shown):
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "settings", "--get", name],
        cwd=PROJECT_ROOT, env=crawl_environment(**{name: value}), capture_output=True,
        text=True, check=True,
    )  # fmt: skip
    assert result.stdout.strip() == shown


def documented_settings() -> dict[str, bool]:
    """Setting name -> whether the environment can set it, for each documented setting."""
    source = (PROJECT_ROOT / "szpu_crawler" / "settings.py").read_text(encoding="utf-8")
    lines = source.splitlines()
    settings = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and node.targets[0].id.isupper():
            name = node.targets[0].id
            if name in ("BOT_NAME", "SPIDER_MODULES", "NEWSPIDER_MODULE", "FEED_EXPORT_ENCODING"):
                continue
            assert lines[node.lineno - 2].startswith("# "), f"{name} has no one-line doc"
            settings[name] = "_env(" in lines[node.lineno - 1]
    return settings


def test_every_documented_setting_has_a_readme_row_that_says_whether_env_sets_it():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    rows = {
        line.split("|")[1].strip().strip("`"): line
        for line in readme.splitlines()
        if line.startswith("| `")
    }
    for name, from_environment in documented_settings().items():
        assert name in rows, f"{name} is missing from the README's settings table"
        assert ("| env |" in rows[name]) == from_environment, name
