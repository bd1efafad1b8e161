"""Text rules for questions: Vietnamese-aware folding, light formatting, HTML refusal."""

from __future__ import annotations

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# A tag starts as in HTML: "<" right before a letter, "!" or "/"; "a < b" is not a tag.
_TAG_RE = re.compile(r"<(?:[a-zA-Z!]|/\s*[a-zA-Z])[^>]*>?")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACE_RE = re.compile(r"\s+")
_PUNCT_RE = re.compile(r"[^\w\s]", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case, strip Vietnamese diacritics (đ → d) and collapse white space.

    "Cải cách  HÀNH CHÍNH" → "cai cach hanh chinh"; used for search and duplicates.
    """
    text = unicodedata.normalize("NFD", text or "")
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    text = text.replace("đ", "d").replace("Đ", "D")
    return _SPACE_RE.sub(" ", text.lower()).strip()


def fingerprint(text: str) -> str:
    """Folded text without punctuation: two questions with the same fingerprint are duplicates."""
    return _SPACE_RE.sub(" ", _PUNCT_RE.sub(" ", fold(text))).strip()


def clean_text(text: str) -> str:
    """Normalise to NFC, drop control characters and trailing spaces; keep line breaks."""
    text = unicodedata.normalize("NFC", text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_RE.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def contains_html(text: str) -> bool:
    return bool(_TAG_RE.search(text or ""))


_BOLD_RE = re.compile(r"\*\*(.+?)\*\*", re.S)
_ITALIC_RE = re.compile(r"(?<![\*\w])\*(?!\s)(.+?)(?<!\s)\*(?![\*\w])", re.S)


def render_light(text: str) -> SafeString:
    """Escape everything, then allow **bold**, *italic* and line breaks."""
    html = escape(text or "")
    html = _BOLD_RE.sub(r"<strong>\1</strong>", html)
    html = _ITALIC_RE.sub(r"<em>\1</em>", html)
    html = html.replace("\n", "<br>")
    return mark_safe(html)  # noqa: S308 - built from escaped text only
