"""Editor costs added by issue 11, as ratios to floors measured in the same run.

1. Spell-check highlighting of one long paragraph (~10,000 characters, with and without an
   emoji) with the UTF-16 position conversion, against the same highlighter with the
   conversion replaced by the identity (wrong after an emoji, but the floor).
   Target: <= 1.3x.
2. The plain-text twin (:func:`bowout.gui.widgets.plaintext.plain_text`, lists and links) of a
   typical draft, against the old block-by-block join (``block.text()`` per paragraph,
   which lost list markers and links). The twin walks every fragment in Python, so it is
   dearer (about 10-20x); it stays under a millisecond for a draft and the editor keeps it
   until the document changes.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_editor.py
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QTextEdit

import bowout.gui.widgets.spellcheck as spellcheck
from bowout.gui.widgets.editor import RichEditor
from bowout.gui.widgets.plaintext import plain_text

HIGHLIGHT_TARGET = 1.3
PARAGRAPH = "Thank you for the oportunity to meet the team [Name] and talk it through. " * 135


def paired(
    fn: Callable[[], object], floor: Callable[[], object], rounds: int = 7, inner: int = 5
) -> tuple[float, float]:
    """Median per-call times of ``fn`` and ``floor``, measured alternately."""
    fn()
    floor()
    took, base = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(inner):
            fn()
        took.append((time.perf_counter() - start) / inner)
        start = time.perf_counter()
        for _ in range(inner):
            floor()
        base.append((time.perf_counter() - start) / inner)
    return statistics.median(took), statistics.median(base)


def highlighting() -> None:
    """Ratio of highlighting with the conversion to highlighting without it."""
    spellcheck.SpellHighlighter.checker_for("en")
    editor = QTextEdit()
    highlighter = spellcheck.SpellHighlighter(editor.document())
    highlighter.set_extra_rules([(spellcheck.PLACEHOLDER_PATTERN, spellcheck.placeholder_format())])
    real = spellcheck.qt_positions

    def identity(text: str) -> Callable[[int], int]:
        return lambda index: index

    def without() -> None:
        spellcheck.qt_positions = identity  # type: ignore[assignment]
        try:
            highlighter.rehighlight()
        finally:
            spellcheck.qt_positions = real

    for label, text in (("plain", PARAGRAPH), ("emoji", "🙏 " + PARAGRAPH)):
        editor.setPlainText(text)
        took, base = paired(highlighter.rehighlight, without)
        verdict = "ok" if took / base <= HIGHLIGHT_TARGET else "SLOW"
        print(
            f"highlight {label:5} {len(text):6} chars: {took * 1000:6.1f} ms vs floor "
            f"{base * 1000:6.1f} ms = {took / base:4.2f}x (target <= {HIGHLIGHT_TARGET}) {verdict}"
        )


def twin() -> None:
    """Ratio of the plain-text twin to toPlainText for a draft with a list and links."""
    editor = RichEditor("editor", "Email")
    paragraphs = "".join(
        f"<p>Paragraph {i} says thanks, with <a href='https://example.org'>a link</a> 🙏</p>"
        for i in range(12)
    )
    editor.replace_html(paragraphs + "<ul><li>Return the laptop</li><li>Sign</li></ul>")
    document = editor.document()

    def blocks_joined() -> str:
        parts = []
        block = document.begin()
        while block.isValid():
            parts.append(block.text().replace("\u2028", "\n"))
            block = block.next()
        return "\n\n".join(parts)

    took, base = paired(lambda: plain_text(document), blocks_joined, inner=200)
    print(
        f"plain twin of a draft: {took * 1e6:6.0f} µs vs block join {base * 1e6:5.0f} µs "
        f"= {took / base:4.1f}x ({'ok' if took < 0.001 else 'SLOW'}: under 1 ms)"
    )


def main() -> None:
    """Print both measurements."""
    app = QApplication.instance() or QApplication([])
    highlighting()
    twin()
    del app


if __name__ == "__main__":
    main()
