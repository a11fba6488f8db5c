"""Page kind on crawl notices whose sentences were scraped glued together ("preserved.Then the …"):
splitting them must not let the notice pass for an article."""

from __future__ import annotations

from newsprism.articles.pagekind import page_kind
from newsprism.records import Article


def test_a_glued_crawl_notice_is_still_a_notice() -> None:
    notice = Article(
        "n",
        "These crawls are part of an effort to archive pages as they are created. That way, as the pages "
        "that are referenced are changed or taken from the web, a link to the version that was live when the "
        "page was written will be preserved.Then the Internet Archive hopes that references to these archived "
        "pages will be put in place of a link that would be otherwise be broken, or a companion link to allow "
        "people to see what was originally intended by a page's authors in the first place.The goal is to fix "
        "broken links. Crawls of supported sites.",
    )
    assert page_kind(notice) == "web-archive notice"


def test_a_web_collection_notice_is_a_notice() -> None:
    notice = Article(
        "c",
        "This is a set of web collections curated using the Archive-It service. They include web captures of "
        "two websites.These web captures are available to the general public.For more information contact us.",
    )
    assert page_kind(notice) == "web-archive notice"
