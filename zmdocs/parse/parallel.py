"""Parallel text: a translation printed beside the text (side-by-side bilingual PDFs) kept with its clauses.

The translation column is parsed on its own into a clause tree (zmdocs.parse.pdf_bilingual sets it
aside); each of its clauses is matched, in reading order, to the main text's clause of the same number
(a preliminary element such as the foreword to the one of the same kind) that starts on the same page
or the next, and its heading and text are
kept in that clause's `parallel[lang]`. A translated clause without a twin (a number the main text
lacks, a number on another page) goes to the main clause open on its first page, so no translated
text is lost and no clause is opened twice.
"""

from __future__ import annotations

from zmdocs.model import Clause, Document

_PRELIM = ("foreword", "introduction")


def _key(c: Clause) -> str:
    """What pairs a clause with its twin: the number, or the kind of an unnumbered preliminary element."""
    if c.kind in _PRELIM:
        return c.kind
    return c.number.rstrip(".")


def _near(a: Clause, b: Clause) -> bool:
    """Twins start on the same page (or the next one): a number printed far away is another element."""
    return a.page is None or b.page is None or abs(a.page - b.page) <= 1


def _twin(main: list[Clause], c: Clause, start: int) -> int | None:
    """The index of the first clause at or after `start` with c's key on c's page (None: no twin ahead)."""
    key = _key(c)
    if not key:
        return None
    return next((i for i in range(start, len(main)) if _key(main[i]) == key and _near(main[i], c)), None)


def _open_at(main: list[Clause], c: Clause, start: int) -> int:
    """The main clause open where c starts: the last one from `start` on that begins on or before c's page."""
    if c.page is None:
        return start
    return max((i for i in range(start, len(main)) if (main[i].page or 0) <= c.page), default=start)


def _add(c: Clause, lang: str, heading: str, text: str) -> None:
    par = c.parallel.setdefault(lang, {"heading": "", "text": ""})
    if heading and not par["heading"]:
        par["heading"] = heading
    elif heading:
        text = f"{heading}\n{text}" if text else heading
    if text:
        par["text"] = f"{par['text']}\n{text}" if par["text"] else text


def attach_parallel(doc: Document, other: Document, lang: str) -> int:
    """Keep the clauses of `other` (the translation) as parallel text of `doc`'s clauses; the number paired."""
    main = doc.clauses
    if not main:
        return 0
    pos, paired, host = 0, 0, {}
    for c in other.clauses:
        i = _twin(main, c, pos)
        if i is not None and lang not in main[i].parallel:
            pos, paired = i, paired + 1
            host[c.id] = main[i]
            _add(main[i], lang, c.heading, c.text)
            continue
        pos = _open_at(main, c, pos)
        host[c.id] = main[pos]
        lead = c.number if c.kind not in _PRELIM else ""
        head = " ".join(x for x in (lead, c.heading) if x)
        _add(main[pos], lang, "", "\n".join(x for x in (head, c.text) if x))
    for t in other.tables:  # a table of the translation column: its cells as text of the clause it sits in
        rows = "\n".join(" | ".join(r) for r in t.rows)
        if rows:
            _add(host.get(t.clause or "", main[-1]), lang, "", rows)
    doc.warnings.append(f"{paired} of {len(other.clauses)} clause(s) of the {lang} column paired by number; "
                        f"the others kept as parallel text of the clause before them")
    return paired
