"""Render an EditionDiff: the foreword's list of main technical changes (md, docx), a table, or JSON.

Chinese follows GB/T 1.1-2020 wording: `与GB XXXX—YYYY相比，除结构调整和编辑性改动外，主要技术变化如下：`
then `a) 更改了……（见5.2，2018年版的4.3）；` … the last item ending in `。`. English: `Compared with …,
apart from structural and editorial changes, the main technical changes are as follows:`.
Pure renumberings are structural, so they are listed apart, after the technical changes.
"""

from __future__ import annotations

import re
from collections import OrderedDict

from zmdocs.diff.result import Change, EditionDiff
from zmdocs.report import dumps
from zmdocs.report.reasons import columns, label, say, sep
from zmdocs.text.width import display_width, fit_cell

FORMATS = ("md", "json", "docx", "table")



def _q(text: str, lang: str) -> str:
    return say("diff.quote", lang, text=text)


def clause_ref(number: str | None, lang: str) -> str:
    """5 → 第5章 / Clause 5; A → 附录A / Annex A; 5.2 stays."""
    if not number:
        return ""
    if re.fullmatch(r"\d+", number):
        return say("diff.chapter", lang, n=number)
    if re.fullmatch(r"[A-Z]", number):
        return say("diff.annex", lang, n=number)
    return number


def old_label(diff: EditionDiff, lang: str, label: str | None = None) -> str:
    """How the items name the old text: the caller's label, `2018年版` / `the 2018 edition`, or `原文件`."""
    if label:
        return label
    if diff.old_year:
        return say("diff.edition", lang, year=diff.old_year)
    return say("diff.old_text", lang)


def _where(c: Change, lang: str, label: str) -> str:
    parts = []
    if c.new_clause:
        parts.append(say("diff.see", lang, new=clause_ref(c.new_clause, lang)))
    if c.old_clause:
        parts.append(say("diff.of", lang, label=label, old=clause_ref(c.old_clause, lang)))
    if not parts:
        return ""
    return say("diff.where", lang, parts=("，" if lang == "zh" else "; ").join(parts))


_NOISY = re.compile(r"应|要求|满足|符合|shall|must|should")


def _subject(c: Change, lang: str) -> str:
    """The parameter, or the clause heading when the parameter reads as a piece of a sentence."""
    p = c.parameter
    if c.heading and (not p or _NOISY.search(p) or len(p) > 16):
        p = c.heading
    return _q(p, lang)


def _indicator_line(c: Change, lang: str) -> str:
    s = _subject(c, lang)
    if c.kind in ("indicator-added", "indicator-deleted", "indicator-moved"):
        return say(f"diff.{c.kind}", lang, s=s, old=c.old_value, new=c.new_value, to=clause_ref(c.new_clause, lang))
    if c.old_value != c.new_value:
        return say("diff.indicator-changed", lang, s=s, old=_q(c.old_value, lang), new=_q(c.new_value, lang))
    aspects = sep(lang).join(label("diff.aspect", a, lang) for a in c.aspects)
    return say("diff.indicator-aspects", lang, s=s, new=c.new_value, aspects=aspects)


def _clause_line(c: Change, lang: str, values: list[str] | None = None) -> str:
    s = _q(c.heading, lang)
    if values:
        s += say("diff.values", lang, values=sep(lang).join(values))
    kind = "clause-merged" if c.kind == "clause-changed" and "merged" in c.aspects else c.kind
    return say(f"diff.{kind}", lang, s=s, old=c.old_clause, new=c.new_clause)


def _row_line(group: list[Change], lang: str) -> str:
    c = group[0]
    names = sep(lang).join(_q(x.parameter, lang) for x in group)
    return say(f"diff.{c.kind}", lang, tab=say("diff.table", lang, table=c.table), names=names)


def _folded(diff: EditionDiff) -> tuple[set[int], dict[int, list[str]]]:
    """Limits of a clause added or deleted as a whole: listed with the clause, not on their own."""
    skip: set[int] = set()
    values: dict[int, list[str]] = {}
    whole = {("clause-added", n): c for c in diff.of_kind("clause-added") for n in [c.new_clause, *c.children]}
    whole.update({("clause-deleted", n): c for c in diff.of_kind("clause-deleted") for n in [c.old_clause, *c.children]})
    for c in diff.of_kind("indicator-added", "indicator-deleted"):
        kind = "clause-added" if c.kind == "indicator-added" else "clause-deleted"
        owner = whole.get((kind, c.new_clause if kind == "clause-added" else c.old_clause))
        if owner is not None:
            skip.add(id(c))
            subject = _subject(c, "zh").strip("“”")
            named = subject and subject != owner.heading and not _NOISY.search(c.parameter or "")
            values.setdefault(id(owner), []).append(f"{subject} {c.new_value or c.old_value}" if named
                                                    else c.new_value or c.old_value)
    return skip, values


def _groups(diff: EditionDiff) -> list[list[Change]]:
    """Changes in listing order; a table's row changes of one kind, and a clause's deletions, form one item."""
    groups: OrderedDict[tuple, list[Change]] = OrderedDict()
    skip, _ = _folded(diff)
    for c in diff.changes:
        if c.kind == "clause-renumbered" or id(c) in skip:
            continue
        if c.kind.startswith("row-"):
            k: tuple = (c.kind, c.table, c.old_clause, c.new_clause)
        elif c.kind == "indicator-deleted":
            k = (c.kind, c.old_clause)
        elif c.kind == "indicator-changed" and c.old_value != c.new_value:
            k = (c.kind, c.old_clause, c.new_clause, _subject(c, "zh"))
        else:
            k = (id(c),)
        groups.setdefault(k, []).append(c)
    return list(groups.values())


def item_text(group: list[Change], lang: str, label: str, values: dict[int, list[str]] | None = None) -> str:
    """One item of the list (without its letter and end mark); `values`: limits folded into whole clauses."""
    c = group[0]
    if c.kind.startswith("row-"):
        body = _row_line(group, lang)
    elif c.kind == "indicator-deleted" and len(group) > 1:
        names = sep(lang).join(say("diff.named-value", lang, s=_subject(x, lang), value=x.old_value) for x in group)
        body = say("diff.indicators-deleted", lang, names=names)
    elif c.kind == "indicator-changed" and len(group) > 1:
        pairs = list(dict.fromkeys((x.old_value, x.new_value) for x in group))
        body = say("diff.indicators-changed", lang, s=_subject(c, lang), pairs=("，" if lang == "zh" else ", ").join(
            say("diff.from-to", lang, old=_q(a, lang), new=_q(b, lang)) for a, b in pairs))
    elif c.kind.startswith("indicator-"):
        body = _indicator_line(c, lang)
    else:
        body = _clause_line(c, lang, (values or {}).get(id(c)))
    return body + _where(c, lang, label)


def _letter(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(97 + r) + s
    return s


def foreword_lines(diff: EditionDiff, lang: str = "zh", label: str | None = None) -> list[str]:
    """The intro sentence and the lettered items, ready to paste into a foreword."""
    lab = old_label(diff, lang, label)
    groups = _groups(diff)
    _, values = _folded(diff)
    if not groups:
        return [say("diff.none", lang, old=diff.old_id)]
    out = [say("diff.intro", lang, old=diff.old_id)]
    for i, g in enumerate(groups):
        end = ("。" if lang == "zh" else ".") if i == len(groups) - 1 else ("；" if lang == "zh" else ";")
        out.append(f"{_letter(i)}) {item_text(g, lang, lab, values)}{end}")
    return out


def renumbered_lines(diff: EditionDiff, lang: str = "zh") -> list[str]:
    return [f"{c.old_clause} → {c.new_clause}  {c.heading}" for c in diff.of_kind("clause-renumbered")]


def _markdown(diff: EditionDiff, lang: str, label: str | None) -> str:
    lines = [f"# {say('diff.title', lang)}: {diff.old_id} → {diff.new_id}", ""]
    fl = foreword_lines(diff, lang, label)
    lines += [fl[0], ""] + fl[1:]
    ren = renumbered_lines(diff, lang)
    if ren:
        lines += ["", f"## {say('diff.renumbered', lang)}", ""] + [f"- {r}" for r in ren]
    return "\n".join(lines) + "\n"


def _row(c: Change, lang: str) -> list[str]:
    subject = c.parameter or c.heading
    if c.kind.startswith("row-"):
        subject = say("diff.table", lang, table=c.table) + ": " + subject
    old = c.old_value or "；".join(c.deleted) if c.kind != "clause-renumbered" else ""
    new = c.new_value or "；".join(c.added) if c.kind != "clause-renumbered" else ""
    return [label("diff.kind", c.kind, lang), c.old_clause or "", c.new_clause or "", subject, old, new]


def _table(diff: EditionDiff, lang: str) -> str:
    head = columns("diff", lang)
    rows = [[str(i + 1)] + _row(c, lang) for i, c in enumerate(diff.changes)]
    widths = [min(28, max(display_width(r[k]) for r in [head] + rows)) for k in range(len(head))]
    out = ["  ".join(fit_cell(r[k], widths[k]) for k in range(len(head))).rstrip() for r in [head] + rows]
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out) + "\n"


def _docx(diff: EditionDiff, lang: str, label: str | None) -> bytes:
    import io

    from docx import Document as Docx

    from zmdocs.report.docxout import _borders, _cell, _fonts, _para, _repeat_header

    doc = Docx()
    _fonts(doc.styles["Normal"], 10.5)
    _para(doc, say("diff.title", lang), 14, True)
    for line in foreword_lines(diff, lang, label):
        _para(doc, line)
    ren = diff.of_kind("clause-renumbered")
    if ren:
        _para(doc, say("diff.renumbered", lang), 12, True)
        head = columns("diff", lang)[2:5]
        table = doc.add_table(rows=1, cols=3)
        _borders(table)
        for k, h in enumerate(head):
            _cell(table.rows[0].cells[k], h, bold=True)
        _repeat_header(table.rows[0])
        for c in ren:
            cells = table.add_row().cells
            for k, v in enumerate((c.old_clause or "", c.new_clause or "", c.heading)):
                _cell(cells[k], v)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def render_diff(diff: EditionDiff, fmt: str = "md", lang: str = "zh", label: str | None = None) -> str | bytes:
    """md | json | table | docx (bytes); `label` names the old text in references (default: 2018年版 / 原文件)."""
    if fmt == "json":
        return dumps(diff.to_dict(), indent=2)
    if fmt == "table":
        return _table(diff, lang)
    if fmt == "md":
        return _markdown(diff, lang, label)
    if fmt == "docx":
        return _docx(diff, lang, label)
    from zmdocs.errors import ZmdocsError

    raise ZmdocsError(f"unknown diff format {fmt!r} — use one of {', '.join(FORMATS)}")
