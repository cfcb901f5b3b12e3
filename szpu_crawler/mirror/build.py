"""Render the mirror's pages the way the site's VSB CMS does, into a folder a server can serve."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from datetime import datetime
from html import escape
from pathlib import Path

from szpu_crawler.mirror.content import (
    ARTICLES,
    Byline,
    Heading,
    Image,
    MirrorArticle,
    P,
    Raw,
)
from szpu_crawler.site import NEWS_COLUMNS

LIST_PAGE_SIZE = 5
COUNTER_OWNER = "1826434304"

MOTTO = "We value morals and profession equally and make ceaseless self-improvement"
OLD_MOTTO = "Advance with good morality and excellent academics, constantly strive to be stronger."

COLUMN_PATHS = {"1161": "/News___Events/News.htm", "1162": "/News___Events/Events.htm"}
# The Events column's pager is written in Chinese, the News column's in English.
PAGER_LABELS = {
    "1161": ("First", "Prev", "Next", "Last", "{count} items"),
    "1162": ("首页", "上页", "下页", "尾页", "共{count}条"),
}

ROBOTS_TXT = "User-agent: *\nDisallow: /_web/\nDisallow: /search.jsp\n"

# A 1x1 GIF: small, and a real image for any tool that opens it.
PIXEL = bytes.fromhex(
    "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b"
)


def _rel(from_path: str, to_path: str) -> str:
    """A link as the CMS writes it: relative to the page that carries it."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path))


def _text(text: str) -> str:
    return escape(text, quote=False).replace("  ", "&nbsp; ")


def _nav(page: str) -> str:
    def link(path: str, name: str) -> str:
        return f'<a href="{_rel(page, path)}">{escape(name)}</a>'

    return f"""<ul class="menu">
  <li>{link("/index.htm", "Home")}</li>
  <li>{link("/About/About_SZPU.htm", "About SZPU")}
    <ul><li>{link("/About/About_SZPU.htm", "About SZPU")}</li><li>{link("/Overview/History.htm", "History")}</li></ul></li>
  <li>{link("/Faculties___Study_Programs/Xili_Campus.htm", "Faculties & Study Programs")}
    <ul><li>{link("/info/1217/1420.htm", "School of Communication")}</li></ul></li>
  <li>{link("/News___Events.htm", "News & Events")}
    <ul><li>{link("/News___Events/News.htm", "News")}</li><li>{link("/News___Events/Events.htm", "Events")}</li></ul></li>
  <li>{link("/Admissions.htm", "Admissions")}</li>
</ul>"""


def _header(page: str, motto: str = MOTTO) -> str:
    return f"""<div class="header">
  <div class="logo"><a href="{_rel(page, "/index.htm")}"><img src="{_rel(page, "/images/logo.png")}" alt="Shenzhen Polytechnic University"></a></div>
  <div class="motto"><span>School Motto:</span><p>{escape(motto)}</p></div>
  <div class="search"><form action="{_rel(page, "/search.jsp")}" method="post" name="dataForm"><input type="text" name="showkeycode" value="Your keywords" onfocus="this.value=''"><input type="submit" value="search"></form></div>
  <div class="nav">{_nav(page)}</div>
</div>"""


FOOTER = """<div class="footer">
  <p>Address:</p>
  <p>No. 7098 Liuxian Avenue, Nanshan District, Shenzhen, Guangdong Postcode:518055</p>
  <p>Copyright &copy; SHENZHEN POLYTECHNIC UNIVERSITY. All Rights Reserved</p>
</div>"""


def _page(title: str, head: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{escape(title)}-Shenzhen Polytechnic University</title>
<meta name="keywords" content="Shenzhen Polytechnic University,SZPU">
{head}<link rel="stylesheet" type="text/css" href="/style/style.css">
<script type="text/javascript" src="/system/resource/js/counter.js"></script>
</head>
<body>
{body}
</body>
</html>
"""


def _breadcrumb(page: str, column_id: str, section_label: str, separator: str) -> str:
    column = NEWS_COLUMNS[column_id]
    return (
        f'Position : <a href="{_rel(page, "/index.htm")}">Home</a>{separator}'
        f'<a href="{_rel(page, "/News___Events.htm")}">{escape(section_label)}</a>{separator}'
        f'<a href="{_rel(page, COLUMN_PATHS[column_id])}">{column}</a>'
    )


def _body_html(blocks: Iterable, legacy: bool = False) -> str:
    """The CMS's body markup: inline styles, spans, centred photos with a caption under them."""
    lines = []
    for block in blocks:
        if isinstance(block, P):
            if legacy:
                lines.append(f"<P>&nbsp;&nbsp;&nbsp;&nbsp;{_text(block.text)}</P>")
            else:
                lines.append(
                    '<p style="text-indent:2em;line-height:1.75em;margin-bottom:10px;">'
                    f'<span style="font-family:Arial, Helvetica, sans-serif;font-size:16px;">'
                    f"{_text(block.text)}</span></p>"
                )
        elif isinstance(block, Heading):
            lines.append(
                '<p style="line-height:1.75em;"><strong><span style="font-size:16px;">'
                f"{_text(block.text)}</span></strong></p>"
            )
        elif isinstance(block, Image):
            alt = f' alt="{escape(block.alt)}"' if block.alt else ""
            lines.append(
                '<p style="text-align:center;"><img class="img_vsb_content" '
                f'src="/__local/{block.file}" width="600" vsbhref="vurl" vurl="/_vsl/{block.file}"'
                f"{alt} /></p>"
            )
            if block.caption:
                lines.append(
                    '<p style="text-align:center;line-height:1.5em;"><span style="font-size:14px;">'
                    f"{_text(block.caption)}</span></p>"
                )
        elif isinstance(block, Byline):
            lines.append(f'<p style="text-align:right;line-height:1.75em;">{_text(block.text)}</p>')
        elif isinstance(block, Raw):
            lines.append(block.html)
    return "\n".join(lines)


def _attachments_html(article: MirrorArticle) -> str:
    if not article.attachments:
        return ""
    items = "".join(
        f'<li>附件【<a href="/system/_content/download.jsp?urltype=news.DownloadAttachUrl&amp;'
        f'owner={COUNTER_OWNER}&amp;wbfileid={attachment.file_id}" target="_blank">'
        f'{escape(attachment.name)}</a>】已下载<span id="nattach{attachment.file_id}">'
        f'<script>getClickTimes({attachment.file_id},{COUNTER_OWNER},"wbnewsfile","attach")'
        "</script></span>次</li>"
        for attachment in article.attachments
    )
    return f'<ul style="list-style-type:none;">{items}</ul>'


def _meta_tags(article: MirrorArticle) -> str:
    if not article.meta_tags:
        return ""
    return (
        f'<META Name="ArticleTitle" Content="{escape(article.title)}">\n'
        f'<META Name="PubDate" Content="{article.published}">\n'
        f'<META Name="ContentSource" Content="{escape(article.content_source)}">\n'
    )


def _published(article: MirrorArticle) -> datetime:
    return datetime.strptime(article.published, "%Y-%m-%d %H:%M")


def _neighbours_html(
    article: MirrorArticle,
    previous: MirrorArticle | None,
    following: MirrorArticle | None,
    labels: tuple[str, str],
) -> str:
    lines = []
    for label, other in zip(labels, (previous, following), strict=True):
        if other is None:
            lines.append(f"<li>{label}None</li>")
        else:
            lines.append(
                f'<li>{label}<a href="{_rel(article.path, other.path)}">{escape(other.title)}</a></li>'
            )
    return f'<ul class="prev_next">{"".join(lines)}</ul>'


def render_article(
    article: MirrorArticle, previous: MirrorArticle | None, following: MirrorArticle | None
) -> str:
    page = article.path
    published = _published(article)
    counter = f'<script>_showDynClicks("wbnews", {COUNTER_OWNER}, {article.article_id})</script>'
    if article.template == "legacy":
        date_line = (
            f"Author :&nbsp; Date : {published.year}-{published.month}-{published.day} "
            f"{published:%H:%M:%S}"
        )
        head_rows = "".join(
            f'<tr><td align="center" class="subtitle1000">{_text(line)}</td></tr>'
            for line in (*article.subtitles, *filter(None, [article.title_byline]))
        )
        body = f"""{_header(page, OLD_MOTTO)}
<table width="960" align="center" class="main1000"><tr><td class="fontstyle1001">{_breadcrumb(page, article.column_id, "News & Events", " &gt; ")} &gt; Content</td></tr></table>
<table width="960" align="center" class="winstyle1000" cellpadding="0">
<tr><td align="center" class="titlestyle1000">{_text(article.title)}</td></tr>
{head_rows}<tr><td align="center" class="authorstyle1000">{date_line} &nbsp; Clicks : {counter}</td></tr>
<tr><td class="contentstyle1000"><div class="c1000_content">{_body_html(article.body, legacy=True)}</div></td></tr>
<tr><td>{_attachments_html(article)}</td></tr>
</table>
{FOOTER}"""
    elif article.template == "time":
        subtitle_rows = "".join(
            f'<tr><td align="center" class="subtitle1135">{_text(line)}</td></tr>'
            for line in (*article.subtitles, *filter(None, [article.title_byline]))
        )
        body = f"""{_header(page, OLD_MOTTO)}
<div class="lm_name">News &amp; Events</div>
<div class="dqwz">{_breadcrumb(page, article.column_id, "News&Events", "&gt;")}&gt;Content</div>
<form name="_newscontent_fromname">
<table width="100%" cellpadding="0">
<tr><td class="titlestyle1135" align="center">{_text(article.title)}</td></tr>
{subtitle_rows}<tr><td align="center" class="timestyle1135">Time:{published:%b} {published.day}, {published.year}</td></tr>
<tr><td><div id="vsb_content_2"><div class="v_news_content">
{_body_html(article.body)}
</div></div>{_attachments_html(article)}</td></tr>
</table>
{_neighbours_html(article, previous, following, ("上一条：", "下一条："))}
</form>
{FOOTER}"""
    else:
        subtitles = "".join(
            f'<h3 class="arti_subtitle">{_text(line)}</h3>' for line in article.subtitles
        )
        title_byline = (
            f'<div class="arti_author">{_text(article.title_byline)}</div>'
            if article.title_byline
            else ""
        )
        stamp = (
            f'<div class="arti_source">{_text(article.source_stamp)}</div>'
            if article.source_stamp
            else ""
        )
        body = f"""{_header(page)}
<div class="banner"><div class="banner_name">News &amp; Events</div></div>
<div class="main">
<div class="position">{_breadcrumb(page, article.column_id, "News & Events", " &gt; ")} &gt; <span>Content</span></div>
<form name="_newscontent_fromname">
<div class="arti_title"><h1>{_text(article.title)}</h1>{subtitles}</div>
{title_byline}{stamp}<div class="arti_metas"><span>Date: {published:%b} {published.day}, {published.year}</span><span class="arti_views">{counter}</span></div>
<div id="vsb_content"><div class="v_news_content">
{_body_html(article.body)}
</div></div>
{_attachments_html(article)}
{_neighbours_html(article, previous, following, ("Previous: ", "Next: "))}
</form>
</div>
{FOOTER}"""
    return _page(article.title, _meta_tags(article), body)


def list_page_path(column_id: str, number: int, total: int) -> str:
    """Reverse pagination: page 1 is `Events.htm`, page n of N is `Events/<N-n+1>.htm`."""
    first = COLUMN_PATHS[column_id]
    if number == 1:
        return first
    return f"{first.removesuffix('.htm')}/{total - number + 1}.htm"


def _pager(column_id: str, number: int, total: int, count: int) -> str:
    first_label, prev_label, next_label, last_label, count_label = PAGER_LABELS[column_id]
    page = list_page_path(column_id, number, total)

    def link(target: int, label: str, css: str) -> str:
        if target == number or not 1 <= target <= total:
            return f'<span class="{css}_d p_fun_d">{label}</span>'
        href = _rel(page, list_page_path(column_id, target, total))
        return f'<span class="{css} p_fun"><a href="{href}">{label}</a></span>'

    # Like the CMS: the first and last page, and a window of two pages either side of this one.
    shown = sorted({1, total, *range(max(1, number - 2), min(total, number + 2) + 1)})
    numbers = "".join(
        f'<span class="p_no_d">{n}</span>'
        if n == number
        else f'<span class="p_no"><a href="{_rel(page, list_page_path(column_id, n, total))}">{n}</a></span>'
        for n in shown
    )
    return (
        f'<div class="pb_sys_common pb_sys_normal pb_sys_style1">'
        f'<span class="p_t">{count_label.format(count=count)}</span> <span class="p_pages">'
        f"{link(1, first_label, 'p_first')}{link(number - 1, prev_label, 'p_prev')}{numbers}"
        f"{link(number + 1, next_label, 'p_next')}{link(total, last_label, 'p_last')}</span> "
        f'<span class="p_t">{number}/{total}</span></div>'
    )


def render_list_page(
    column_id: str, number: int, total: int, count: int, articles: Sequence[MirrorArticle]
) -> str:
    page = list_page_path(column_id, number, total)
    items = []
    for article in articles:
        href = article.list_href or _rel(page, article.path)
        shown = article.title if len(article.title) <= 60 else article.title[:57] + "..."
        date = article.list_date or article.published[:10]
        items.append(
            f'<li id="line_u8_{len(items)}"><a href="{href}" target="_blank" '
            f'title="{escape(article.title)}">{escape(shown)}</a><span>{date}</span></li>'
        )
    column = NEWS_COLUMNS[column_id]
    body = f"""{_header(page)}
<div class="banner"><div class="banner_name">News &amp; Events</div></div>
<div class="main">
<div class="position">{_breadcrumb(page, column_id, "News & Events", " &gt; ")}</div>
<div class="list_title">{column}</div>
<div class="list"><ul>
{chr(10).join(items)}
</ul></div>
{_pager(column_id, number, total, count)}
</div>
{FOOTER}"""
    return _page(column, "", body)


def _static_page(page: str, title: str, trail: Sequence[tuple[str, str | None]], text: str) -> str:
    crumbs = " &gt; ".join(
        f'<a href="{_rel(page, path)}">{escape(name)}</a>' if path else escape(name)
        for name, path in trail
    )
    body = f"""{_header(page)}
<div class="main">
<div class="position">Position : {crumbs} &gt; <span>Content</span></div>
<form name="_newscontent_fromname">
<div class="arti_title"><h1>{escape(title)}</h1></div>
<div id="vsb_content"><div class="v_news_content"><p>{escape(text)}</p></div></div>
</form>
</div>
{FOOTER}"""
    return _page(title, "", body)


def _home_page(latest: Sequence[MirrorArticle]) -> str:
    page = "/index.htm"
    links = "".join(
        f'<li><a href="{_rel(page, article.path)}">{escape(article.title)}</a>'
        f"<span>{article.published[:10]}</span></li>"
        for article in latest
    )
    body = f"""{_header(page)}
<div class="banner"><img src="images/banner1.jpg" alt=""></div>
<div class="main">
<div class="home_news"><h2><a href="News___Events/News.htm">Latest News</a></h2><ul>{links}</ul></div>
<div class="home_about"><h2>About SZPU</h2><p>Shenzhen Polytechnic University is a public vocational university in Shenzhen.</p>
<a href="https://www.szpu.edu.cn/">中文</a> <a href="mailto:iec@szpu.edu.cn">Contact us</a></div>
</div>
{FOOTER}"""
    return _page("Home", "", body)


def _write(root: Path, path: str, content: str | bytes) -> None:
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")


def attachment_path(file_id: str) -> str:
    """Where the server keeps the file that `download.jsp?…&wbfileid=<id>` answers with."""
    return f"/system/_content/download/{file_id}"


def build_mirror(
    root: Path, articles: Sequence[MirrorArticle] = ARTICLES, page_size: int = LIST_PAGE_SIZE
) -> Path:
    """Write every page of the mirror under `root`, and return it."""
    root.mkdir(parents=True, exist_ok=True)
    by_date = sorted(articles, key=lambda a: (a.published, int(a.article_id)), reverse=True)
    for column_id in NEWS_COLUMNS:
        column = [a for a in by_date if a.column_id == column_id]
        total = max(1, -(-len(column) // page_size))
        for number in range(1, total + 1):
            chunk = column[(number - 1) * page_size : number * page_size]
            html = render_list_page(column_id, number, total, len(column), chunk)
            _write(root, list_page_path(column_id, number, total), html)
        for index, article in enumerate(column):
            newer = column[index - 1] if index > 0 else None
            older = column[index + 1] if index + 1 < len(column) else None
            _write(root, article.path, render_article(article, newer, older))
            for block in article.body:
                if isinstance(block, Image):
                    _write(root, f"/__local/{block.file}", PIXEL)
            for attachment in article.attachments:
                _write(root, attachment_path(attachment.file_id), f"{attachment.name}\n".encode())
    _write(root, "/index.htm", _home_page(by_date[:4]))
    _write(root, "/robots.txt", ROBOTS_TXT)
    _write(
        root,
        "/News___Events.htm",
        _static_page(
            "/News___Events.htm",
            "News & Events",
            [("Home", "/index.htm")],
            "News and events of Shenzhen Polytechnic University.",
        ),
    )
    _write(
        root,
        "/About/About_SZPU.htm",
        _static_page(
            "/About/About_SZPU.htm",
            "About SZPU",
            [("Home", "/index.htm"), ("About SZPU", None)],
            "Shenzhen Polytechnic University was founded in 1993 and offers over 80 programs.",
        ),
    )
    _write(
        root,
        "/Overview/History.htm",
        _static_page(
            "/Overview/History.htm",
            "History",
            [("Home", "/index.htm"), ("About SZPU", "/About/About_SZPU.htm")],
            "In 2023 Shenzhen Polytechnic became Shenzhen Polytechnic University.",
        ),
    )
    _write(
        root,
        "/info/1217/1420.htm",
        _static_page(
            "/info/1217/1420.htm",
            "School of Communication",
            [
                ("Home", "/index.htm"),
                ("Faculties", "/Faculties___Study_Programs/Xili_Campus.htm"),
                ("Xili Campus", "/Faculties___Study_Programs/Xili_Campus.htm"),
                ("School of Communication", None),
            ],
            "The School of Communication teaches journalism, media design and broadcasting.",
        ),
    )
    return root
