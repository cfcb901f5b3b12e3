"""Full-crawl throughput, memory and incremental cost, on generated mirrors served on 127.0.0.1.

    python -m bench.crawl_throughput --articles 1000 --large 20000

Our crawl runs with the real settings, politeness off. The baseline, measured in the same run,
is a bare Scrapy spider fetching exactly the URLs our crawl fetched and parsing nothing, with the
same engine settings; the two run one after the other, in five rounds, and the median round's
ratio counts. CPU time and peak RSS are the crawl process's own and its children's (wait4).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate_mirror import generate_mirror, synthetic_articles
from szpu_crawler.mirror.build import build_mirror
from szpu_crawler.mirror.server import MirrorServer
from szpu_crawler.settings import CONCURRENT_ITEMS

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Runs of each crawler in the throughput comparison, alternating.
ROUNDS = 5
# `scrapy crawl news`: the project's spider, with our crawl command.
OUR_SPIDER = ("crawl", "news")
# Politeness off, and no page cap: a 20,000-article mirror is more pages than the default cap.
FAST = [
    "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "CONCURRENT_REQUESTS=16",
    "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "LOG_LEVEL=INFO",
    "-s", "CLOSESPIDER_PAGECOUNT=0",
]  # fmt: skip


def measured(command: list[str], cwd: Path) -> dict:
    """Run `command`; its wall time, CPU seconds, peak RSS in MiB, and stderr."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as stderr:
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        log = stderr.read()
    return {
        "wall": time.perf_counter() - started,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mib": usage.ru_maxrss / 1024,
        "log": log,
        "returncode": process.returncode,
    }


def stat(log: str, name: str) -> int:
    match = re.search(rf"'{re.escape(name)}': (\d+)", log)
    return int(match.group(1)) if match else 0


def our_crawl(base_url: str, output: Path, *extra: str, spider: tuple = OUR_SPIDER) -> dict:
    command = [sys.executable, "-m", "scrapy", *spider, "-s", f"SZPU_BASE_URL={base_url}",
               "-s", f"SZPU_OUTPUT_DIR={output}", *FAST, *extra]  # fmt: skip
    return measured(command, PROJECT_ROOT)


def fetched_pages(server: MirrorServer) -> list[str]:
    """What the server was asked for, robots.txt aside (the bare spider asks for it itself)."""
    urls = [server.base_url.rstrip("/") + path for path, _ in server.requests]
    return [url for url in urls if not url.endswith("/robots.txt")]


def bare_crawl(urls: list[str], work: Path) -> dict:
    """The bare spider, with our engine settings: a faster Scrapy is not ours to take credit for."""
    urls_file = work / "urls.txt"
    urls_file.write_text("\n".join(urls))
    spider = str(PROJECT_ROOT / "bench" / "bare_spider.py")
    command = [sys.executable, "-m", "scrapy", "runspider", spider, "-a", f"urls_file={urls_file}",
               "-s", "TELNETCONSOLE_ENABLED=False", "-s", "REMOTE_CONTROL_ENABLED=False",
               "-s", "ROBOTSTXT_OBEY=True", "-s", f"CONCURRENT_ITEMS={CONCURRENT_ITEMS}",
               *FAST]  # fmt: skip
    return measured(command, work)


def throughput(count: int, work: Path) -> dict:
    """Rounds of our crawl then the bare spider, ROUNDS of them: the machine's speed drifts
    between minutes, so each ratio is taken within a round."""
    root = generate_mirror(work / f"mirror-{count}", count)
    runs: dict[str, list[dict]] = {"szpu news": [], "bare Scrapy": []}
    with MirrorServer(root) as server:
        urls: list[str] = []
        for round_number in range(ROUNDS):
            server.requests.clear()
            runs["szpu news"].append(
                our_crawl(server.base_url, work / f"out-{count}-{round_number}")
            )
            urls = urls or fetched_pages(server)
            runs["bare Scrapy"].append(bare_crawl(urls, work))
    for name_runs in runs.values():
        for run in name_runs:
            run["pages"] = stat(run["log"], "response_received_count")
            run["rate"] = run["pages"] / run["wall"]
    # Each round's ratio compares two runs made one after the other, under the same load; the
    # median round is quoted.
    per_round = [o["rate"] / b["rate"] for o, b in zip(*runs.values(), strict=True)]
    median = sorted(range(ROUNDS), key=per_round.__getitem__)[ROUNDS // 2]
    ours, bare = runs["szpu news"][median], runs["bare Scrapy"][median]
    articles = stat(ours["log"], "szpu/articles")
    print(f"\nFull crawl of {count} articles ({ours['pages']} pages fetched, exit "
          f"{ours['returncode']}), the median of {ROUNDS} rounds:")  # fmt: skip
    print(f"{'crawler':<14} {'pages':>6} {'wall s':>8} {'pages/s':>8} {'CPU s':>7} "
          f"{'CPU ms/article':>14} {'peak RSS MiB':>12}")  # fmt: skip
    for name, run in (("szpu news", ours), ("bare Scrapy", bare)):
        print(f"{name:<14} {run['pages']:>6} {run['wall']:>8.1f} {run['rate']:>8.1f} "
              f"{run['cpu']:>7.1f} {run['cpu'] * 1000 / max(articles, 1):>14.2f} "
              f"{run['rss_mib']:>12.1f}")  # fmt: skip
    print(
        f"our rate / bare rate: {per_round[median]:.2f} (target 0.8 or more; rounds: "
        f"{', '.join(f'{ratio:.2f}' for ratio in per_round)}); "
        f"CPU per article, ours / bare: {ours['cpu'] / max(bare['cpu'], 1e-9):.2f}"
    )
    return runs["szpu news"][0]


# What each concern adds: the crawl with one more of them turned off each time.
NO_ARCHIVE = ("-s", "SZPU_ARCHIVE_ENABLED=False")
NOTHING_KEPT = (*NO_ARCHIVE, "-s", "SZPU_STATE_ENABLED=False")
LAYERS = (
    ("everything", (), OUR_SPIDER),
    ("no archive (WARC, files, CDXJ/WACZ)", NO_ARCHIVE, OUR_SPIDER),
    ("no archive, no state and outputs", NOTHING_KEPT, OUR_SPIDER),
    ("parsing only (no item pipelines)", (*NOTHING_KEPT, "-s", "ITEM_PIPELINES={}"), OUR_SPIDER),
    ("routing only (article pages not parsed)", (*NOTHING_KEPT, "-s", "ITEM_PIPELINES={}"),
     ("runspider", str(PROJECT_ROOT / "bench" / "routing_spider.py"))),
)  # fmt: skip


def breakdown(count: int, work: Path) -> None:
    """Where our time goes: the same crawl with the archive, the state, the pipelines and the
    reading of article pages peeled off one by one, then the bare spider on the same URLs."""
    root = generate_mirror(work / f"mirror-{count}", count)
    print(f"\nCost by concern, {count} articles (one run each):")
    with MirrorServer(root) as server:
        for index, (name, settings, spider) in enumerate(LAYERS):
            run = our_crawl(server.base_url, work / f"out-layer-{index}", *settings, spider=spider)
            print(f"  {name:<42} wall {run['wall']:5.1f} s  CPU {run['cpu']:5.1f} s")
            if index == 0:
                urls = fetched_pages(server)
        run = bare_crawl(urls, work)
        print(
            f"  {'bare Scrapy, same URLs':<42} wall {run['wall']:5.1f} s  CPU {run['cpu']:5.1f} s"
        )


def memory(small: int, large: int, work: Path, small_run: dict | None) -> None:
    runs = {}
    for count in (small, large):
        if count == small and small_run is not None:
            runs[count] = small_run
            continue
        root = generate_mirror(work / f"mirror-{count}", count)
        with MirrorServer(root) as server:
            runs[count] = our_crawl(server.base_url, work / f"out-{count}")
    print(
        f"\nPeak RSS of a full crawl: {small} articles {runs[small]['rss_mib']:.1f} MiB, "
        f"{large} articles {runs[large]['rss_mib']:.1f} MiB; ratio "
        f"{runs[large]['rss_mib'] / runs[small]['rss_mib']:.2f} (target under 1.5); "
        f"{large}-article crawl took {runs[large]['wall']:.0f} s, exit {runs[large]['returncode']}"
    )


def incremental(count: int, work: Path) -> None:
    root = generate_mirror(work / f"mirror-incremental-{count}", count)
    output = work / "out-incremental"
    results = []
    with MirrorServer(root) as server:
        our_crawl(server.base_url, output)
        for new in (0, 10):
            if new:
                articles = synthetic_articles(count) + synthetic_articles(new, first_id=10_000_000)
                build_mirror(root, articles, page_size=20)
            server.requests.clear()
            run = our_crawl(server.base_url, output)
            results.append((new, len(server.requests), stat(run["log"], "szpu/versions/new")))
    print("\nIncremental re-runs (minimum: new articles + one list page per column + robots.txt):")
    for new, requests, captured in results:
        minimum = new + 2 + 1
        print(f"  {new:>2} new: {requests} requests, minimum {minimum}, {captured} new records")
    print("  over the minimum: the images and attachments of the new articles")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--large", type=int, default=20000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="szpu-bench-") as folder:
        work = Path(folder)
        small_run = throughput(arguments.articles, work)
        breakdown(arguments.articles, work)
        memory(arguments.articles, arguments.large, work, small_run)
        incremental(arguments.articles, work)


if __name__ == "__main__":
    main()
