"""HTML typed by the worker stays text in the exports (issue 11, item 7).

The Markdown export is rendered by a common renderer (markdown-it-py in CommonMark
mode, raw HTML allowed as CommonMark allows it; it comes with Rich) and the result is
parsed: the worker's `<img onerror=…>`, `<script>`, links and images never become
tags, while the export's own headings, quotes and lists still do.
"""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from journal.export import collect, render
from journal.store import Journal

HOSTILE = (
    'Rendez-vous <img src=x onerror="alert(1)"> puis <script>alert(2)</script> '
    "[ici](javascript:alert(3)) ![suivi](http://pisteur.example/p.png) <!-- caché --> "
    "\\[là](javascript:alert(4)) C:\\dossiers\\"
)
TYPED = [
    '<img src=x onerror="alert(1)">',
    "<script>alert(2)</script>",
    "[ici](javascript:alert(3))",
    "![suivi](http://pisteur.example/p.png)",
    "\\[là](javascript:alert(4)) C:\\dossiers\\",
]


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.tags.append(("!--", {}))


def parsed(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture
def hostile(journal: Journal) -> str:
    person = journal.add_person("Mme <b>Roux</b> [x](javascript:y)", "Profil " + HOSTILE)
    entry = journal.add_entry(person.id, date(2026, 3, 1), "Première version " + HOSTILE)
    journal.edit_entry(entry.id, text="Note " + HOSTILE + "\n<iframe src=x></iframe>")
    return person.id


def test_markdown_export_escapes_html_links_and_images(journal: Journal, hostile: str) -> None:
    markdown = render(collect(journal, hostile), "md", "fr")
    assert "<img" not in markdown and "<script" not in markdown and "<iframe" not in markdown
    assert "&lt;img" in markdown
    page = parsed(MarkdownIt("commonmark").render(markdown))
    names = [tag for tag, _attrs in page.tags]
    for forbidden in ("img", "script", "iframe", "b", "a", "!--"):
        assert forbidden not in names, (forbidden, names)
    assert {"h1", "h2", "h3", "blockquote", "ul", "li"} <= set(names)  # its own structure
    text = "".join(page.text)
    for typed in TYPED:
        assert typed in text  # shown as the worker typed it
    assert "Mme <b>Roux</b>" in text


def test_html_export_escapes_what_the_worker_typed(journal: Journal, hostile: str) -> None:
    page = parsed(render(collect(journal, hostile), "html", "fr"))
    names = [tag for tag, _attrs in page.tags]
    for forbidden in ("img", "script", "iframe", "b", "a", "!--"):
        assert forbidden not in names, (forbidden, names)
    text = "".join(page.text)
    for typed in TYPED:
        assert typed in text
