# SPDX-License-Identifier: AGPL-3.0-or-later
"""Plain data shapes shared by the hand-written text modules and the builder.

The texts are written by hand; these helpers only give them a uniform shape so the builder can
render every story into several feeds (exact copies, light edits, translations) systematically.
"""

from dataclasses import dataclass, field


@dataclass
class T:
    """One text in one language: a title and a body of paragraphs separated by blank lines.

    Inline links are written [text](https://...); the builder turns them into <a> elements.
    """

    title: str
    body: str
    summary: str | None = None

    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.strip().split("\n\n") if p.strip()]


@dataclass
class Story:
    """A story published by several sources.

    apps lists (feed_key, kind, options) in publication order; the first one is the reference
    item. kind is "ref", "exact", "edited" or "translated". Options for edits: title (new title),
    drop (paragraph indexes removed), add (paragraph appended), lead (text put before the first
    paragraph, e.g. a dateline), lang (for translations), hours (delay after the reference),
    author. extra holds feed-specific metadata by feed key (tender fields for "ao").
    """

    key: str
    when: str
    tags: list[str]
    texts: dict[str, T]
    apps: list[tuple]
    image: tuple[str, str] | None = None
    ref_lang: str = "fr"
    extra: dict = field(default_factory=dict)  # feed key -> feed-specific metadata


@dataclass
class Single:
    """An item published by one source only."""

    feed: str
    when: str
    tags: list[str]
    text: T
    lang: str = "fr"
    author: str | None = None
    image: tuple[str, str] | None = None
    quirk: str | None = None
    slug: str | None = None
    extra: dict = field(default_factory=dict)
