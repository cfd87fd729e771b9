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
from zmdocs.textnorm import display_width, fit_cell

FORMATS = ("md", "json", "docx", "table")

_T = {
    "title": {"zh": "主要技术变化", "en": "Main technical changes"},
    "intro": {"zh": "与{old}相比，除结构调整和编辑性改动外，主要技术变化如下：",
              "en": "Compared with {old}, apart from structural and editorial changes, the main technical changes are as follows:"},
    "none": {"zh": "与{old}相比，未发现技术变化。", "en": "Compared with {old}, no technical changes were found."},
    "renumbered": {"zh": "条款编号变化（结构调整）", "en": "Renumbered clauses (structural changes)"},
    "edition": {"zh": "{year}年版", "en": "the {year} edition"},
    "old_text": {"zh": "原文件", "en": "the old text"},
    "see": {"zh": "见{new}", "en": "see {new}"},
    "of": {"zh": "{label}的{old}", "en": "{old} of {label}"},
    "col": {"zh": ["序号", "变化", "原条款", "新条款", "内容", "原", "新"],
            "en": ["No.", "change", "old clause", "new clause", "subject", "old", "new"]},
}
_KIND = {
    "clause-added": {"zh": "增加条款", "en": "clause added"},
    "clause-deleted": {"zh": "删除条款", "en": "clause deleted"},
    "clause-renumbered": {"zh": "条款编号变化", "en": "clause renumbered"},
    "clause-changed": {"zh": "条款内容更改", "en": "clause changed"},
    "indicator-changed": {"zh": "指标更改", "en": "indicator changed"},
    "indicator-added": {"zh": "增加指标", "en": "indicator added"},
    "indicator-deleted": {"zh": "删除指标", "en": "indicator deleted"},
    "indicator-moved": {"zh": "指标移动", "en": "indicator moved"},
    "row-added": {"zh": "表中增加行", "en": "table row added"},
    "row-deleted": {"zh": "表中删除行", "en": "table row deleted"},
    "row-changed": {"zh": "表中行更改", "en": "table row changed"},
}
_ASPECT = {"value": {"zh": "数值", "en": "value"}, "comparator": {"zh": "比较关系", "en": "comparator"},
           "unit": {"zh": "单位", "en": "unit"}, "conditions": {"zh": "条件", "en": "conditions"},
           "clause": {"zh": "所在条款", "en": "clause"}}


def _q(text: str, lang: str) -> str:
    return f"“{text}”" if lang == "zh" else f'"{text}"'


def clause_ref(number: str | None, lang: str) -> str:
    """5 → 第5章 / Clause 5; A → 附录A / Annex A; 5.2 stays."""
    if not number:
        return ""
    if re.fullmatch(r"\d+", number):
        return f"第{number}章" if lang == "zh" else f"Clause {number}"
    if re.fullmatch(r"[A-Z]", number):
        return f"附录{number}" if lang == "zh" else f"Annex {number}"
    return number


def old_label(diff: EditionDiff, lang: str, label: str | None = None) -> str:
    if label:
        return label
    if diff.old_year:
        return _T["edition"][lang].format(year=diff.old_year)
    return _T["old_text"][lang]


def _where(c: Change, lang: str, label: str) -> str:
    parts = []
    if c.new_clause:
        parts.append(_T["see"][lang].format(new=clause_ref(c.new_clause, lang)))
    if c.old_clause:
        parts.append(_T["of"][lang].format(label=label, old=clause_ref(c.old_clause, lang)))
    if not parts:
        return ""
    return f"（{'，'.join(parts)}）" if lang == "zh" else f" ({'; '.join(parts)})"


_NOISY = re.compile(r"应|要求|满足|符合|shall|must|should")


def _subject(c: Change, lang: str) -> str:
    """The parameter, or the clause heading when the parameter reads as a piece of a sentence."""
    p = c.parameter
    if c.heading and (not p or _NOISY.search(p) or len(p) > 16):
        p = c.heading
    return _q(p, lang)


def _indicator_line(c: Change, lang: str) -> str:
    s = _subject(c, lang)
    if c.kind == "indicator-added":
        return f"增加了{s}的要求（{c.new_value}）" if lang == "zh" else f"added the requirement for {s} ({c.new_value})"
    if c.kind == "indicator-deleted":
        return f"删除了{s}的要求（{c.old_value}）" if lang == "zh" else f"deleted the requirement for {s} ({c.old_value})"
    if c.kind == "indicator-moved":
        return (f"将{s}的要求（{c.new_value}）移至{clause_ref(c.new_clause, lang)}" if lang == "zh"
                else f"moved the requirement for {s} ({c.new_value}) to {clause_ref(c.new_clause, lang)}")
    if c.old_value != c.new_value:
        return (f"更改了{s}的要求，由{_q(c.old_value, lang)}改为{_q(c.new_value, lang)}" if lang == "zh"
                else f"changed the requirement for {s} from {_q(c.old_value, lang)} to {_q(c.new_value, lang)}")
    asp = "、".join(_ASPECT[a]["zh"] for a in c.aspects) if lang == "zh" else ", ".join(_ASPECT[a]["en"] for a in c.aspects)
    return (f"更改了{s}（{c.new_value}）的{asp}" if lang == "zh" else f"changed the {asp} of {s} ({c.new_value})")


def _clause_line(c: Change, lang: str, values: list[str] | None = None) -> str:
    s = _q(c.heading, lang)
    if values:
        s += f"（{'、'.join(values)}）" if lang == "zh" else f" ({', '.join(values)})"
    if c.kind == "clause-added":
        return f"增加了{s}" if lang == "zh" else f"added {s}"
    if c.kind == "clause-deleted":
        return f"删除了{s}" if lang == "zh" else f"deleted {s}"
    if c.kind == "clause-renumbered":
        return (f"{s}的编号由{c.old_clause}改为{c.new_clause}" if lang == "zh"
                else f"renumbered {s} from {c.old_clause} to {c.new_clause}")
    if "merged" in c.aspects:
        return f"将原{c.old_clause}的内容并入{s}" if lang == "zh" else f"merged {c.old_clause} of the old text into {s}"
    return f"更改了{s}的内容" if lang == "zh" else f"changed the content of {s}"


def _row_line(group: list[Change], lang: str) -> str:
    c = group[0]
    names = ("、" if lang == "zh" else ", ").join(_q(x.parameter, lang) for x in group)
    tab = f"表{c.table}" if lang == "zh" else f"Table {c.table}"
    verb = {"row-added": ("增加了", "added"), "row-deleted": ("删除了", "deleted"), "row-changed": ("更改了", "changed")}[c.kind]
    return f"{verb[0]}{tab}中{names}的内容" if lang == "zh" else f"{verb[1]} the {names} row(s) of {tab}"


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
        sep = "、" if lang == "zh" else ", "
        names = sep.join(f"{_subject(x, lang)}（{x.old_value}）" if lang == "zh" else f"{_subject(x, lang)} ({x.old_value})"
                         for x in group)
        body = f"删除了{names}的要求" if lang == "zh" else f"deleted the requirements for {names}"
    elif c.kind == "indicator-changed" and len(group) > 1:
        pairs = list(dict.fromkeys((x.old_value, x.new_value) for x in group))
        if lang == "zh":
            body = f"更改了{_subject(c, lang)}的要求，" + "，".join(f"由{_q(a, lang)}改为{_q(b, lang)}" for a, b in pairs)
        else:
            body = f"changed the requirement for {_subject(c, lang)} " + ", ".join(
                f"from {_q(a, lang)} to {_q(b, lang)}" for a, b in pairs)
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
        return [_T["none"][lang].format(old=diff.old_id)]
    out = [_T["intro"][lang].format(old=diff.old_id)]
    for i, g in enumerate(groups):
        end = ("。" if lang == "zh" else ".") if i == len(groups) - 1 else ("；" if lang == "zh" else ";")
        out.append(f"{_letter(i)}) {item_text(g, lang, lab, values)}{end}")
    return out


def renumbered_lines(diff: EditionDiff, lang: str = "zh") -> list[str]:
    return [f"{c.old_clause} → {c.new_clause}  {c.heading}" for c in diff.of_kind("clause-renumbered")]


def _markdown(diff: EditionDiff, lang: str, label: str | None) -> str:
    lines = [f"# {_T['title'][lang]}: {diff.old_id} → {diff.new_id}", ""]
    fl = foreword_lines(diff, lang, label)
    lines += [fl[0], ""] + fl[1:]
    ren = renumbered_lines(diff, lang)
    if ren:
        lines += ["", f"## {_T['renumbered'][lang]}", ""] + [f"- {r}" for r in ren]
    return "\n".join(lines) + "\n"


def _row(c: Change, lang: str) -> list[str]:
    subject = c.parameter or c.heading
    if c.kind.startswith("row-"):
        subject = (f"表{c.table}: " if lang == "zh" else f"Table {c.table}: ") + subject
    old = c.old_value or "；".join(c.deleted) if c.kind != "clause-renumbered" else ""
    new = c.new_value or "；".join(c.added) if c.kind != "clause-renumbered" else ""
    return [_KIND[c.kind][lang], c.old_clause or "", c.new_clause or "", subject, old, new]


def _table(diff: EditionDiff, lang: str) -> str:
    head = _T["col"][lang]
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
    _para(doc, _T["title"][lang], 14, True)
    for line in foreword_lines(diff, lang, label):
        _para(doc, line)
    ren = diff.of_kind("clause-renumbered")
    if ren:
        _para(doc, _T["renumbered"][lang], 12, True)
        head = _T["col"][lang][2:5]
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
