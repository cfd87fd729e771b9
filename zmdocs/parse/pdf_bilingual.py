"""Side-by-side bilingual PDFs: one language per column, the translation set aside.

Publications of international bodies often print each page as two columns, the text in one
language on the left and its translation on the right (IHO-IOC, bilingual national editions). Read
column after column, the second column repeats every clause number in the other language, so the
clause tree would mix languages or open each clause twice. When most two-column pages have columns
in two different languages, the document's language is the one the left column holds most often;
on every two-column page the column in the other language leaves the reading order (a page whose
columns swap sides, such as an index of the translation, keeps the main-language column) and is kept
apart in the page's "aside" items (its language in "aside_lang") for the parallel text of the clauses
(zmdocs.parse.parallel); a warning says how many lines were set aside.
"""

from __future__ import annotations

from collections import Counter

from zmdocs.text.lang import detect_lang

MIN_LETTERS = 200  # letters a column needs before its language counts towards the document test
MIN_PAGES = 3  # two-column pages with one language per column before a document counts as bilingual


def _column_text(pg: dict, column: int) -> str:
    return " ".join(it["text"] for it in pg["items"] if "text" in it and it.get("column") == column)


def _lang(text: str, least: int = MIN_LETTERS) -> str:
    """The column's language, '' when it has too few letters to tell."""
    if sum(1 for ch in text if ch.isalpha()) < least:
        return ""
    return detect_lang(text, "")


def _page_langs(pages: list[dict]) -> list[tuple[str, str] | None]:
    """Per page, (left, right) languages when both columns are long enough and differ, else None."""
    out: list[tuple[str, str] | None] = []
    for pg in pages:
        a, b = _lang(_column_text(pg, 1)), _lang(_column_text(pg, 2))
        out.append((a, b) if a and b and a != b else None)
    return out


def main_language(pages: list[dict]) -> str | None:
    """The main language of a side-by-side bilingual PDF (its left column's), or None when it is not one."""
    langs = _page_langs(pages)
    pairs = [x for x in langs if x]
    two_col = sum(1 for pg in pages if _column_text(pg, 1) and _column_text(pg, 2))
    if len(pairs) < MIN_PAGES or len(pairs) < 0.5 * two_col:
        return None
    left = Counter(a for a, _ in pairs).most_common(1)[0][0]
    return left


def _drop_side(pg: dict, main: str, usual: int) -> int:
    """The column (1/2) of this page to set aside: the one not in `main`; `usual` when neither tells."""
    a, b = _lang(_column_text(pg, 1), 20), _lang(_column_text(pg, 2), 20)
    if a == main and b and b != main:
        return 2
    if b == main and a and a != main:
        return 1
    return usual


def keep_main_column(pages: list[dict]) -> str | None:
    """Set the translation column of a side-by-side bilingual PDF aside in place; a warning, or None if not one."""
    main = main_language(pages)
    if main is None:
        return None
    dropped, others = 0, Counter()
    for pg in pages:
        if not (_column_text(pg, 1) and _column_text(pg, 2)):
            continue
        side = _drop_side(pg, main, 2)
        others[_lang(_column_text(pg, side), 20) or "?"] += 1
        kept = [it for it in pg["items"] if "text" not in it or it.get("column") != side]
        pg["aside"] = [it for it in pg["items"] if "text" in it and it.get("column") == side]
        dropped += len(pg["aside"])
        pg["items"] = kept
    other = next((k for k, _ in others.most_common() if k not in ("?", main)), "?")
    for pg in pages:
        pg["aside_lang"] = other
    return (f"side-by-side bilingual PDF ({main} | {other}): the clause tree follows the {main} column; "
            f"{dropped} line(s) of the {other} column were set aside")
