"""The one table of words of every report: `zmdocs/data/wording.yaml`, loaded once, and how to fill it in.

compare, check and diff produce codes with parameters (`compare.result.Reason`, `check.result.Check.reason`
with `args`, `diff.result.Change.kind` with `aspects`); every writer words them through `say`, `label`
and `text`, so a report in another language, or a reworded sentence, is an edit of that file only.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def table() -> dict[str, Any]:
    """The parsed wording table (text, results, tiers, tier_columns, templates, terms, labels, columns)."""
    from importlib import resources

    import yaml

    with resources.files("zmdocs").joinpath("data", "wording.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _pick(forms: dict[str, Any], lang: str) -> Any:
    """The form in `lang`, else English, else the only one (the annexes of an adopting standard are Chinese only)."""
    return forms.get(lang) or forms.get("en") or next(iter(forms.values()))


def say(code: str, lang: str, **params: Any) -> str:
    """The template of `code` in `lang` (English when the language has none) filled with `params`."""
    return _pick(table()["templates"][code], lang).format(**params)


def has(code: str) -> bool:
    """Whether `code` has a template (an unknown code is shown as itself)."""
    return code in table()["templates"]


def text(key: str, lang: str) -> str:
    """A fixed label of the comparison report (`title`, `draft`, `legend`…)."""
    return _pick(table()["text"][key], lang)


def label(kind: str, code: str, lang: str) -> str:
    """The short name of a code (`check.result`, `diff.kind`, `diff.aspect`) in `lang`; the code itself when unknown."""
    forms = table()["labels"][kind].get(code)
    return _pick(forms, lang) if forms else code


def result_name(result: str, lang: str) -> str:
    """A comparison result (stricter, equal, looser…) by name; the code itself when unknown."""
    forms = table()["results"].get(result)
    return forms.get(lang, result) if forms else result


def tier_name(tier: str, lang: str, column: bool = False) -> str:
    """A tier of references by name (`国内标准`), or as the table's column header (`GB/行业/团体标准`)."""
    forms = table()["tier_columns" if column else "tiers"].get(tier)
    return forms.get(lang, tier) if forms else tier


def columns(command: str, lang: str) -> list[str]:
    """The table header of `zmdocs check` or `zmdocs diff`."""
    return list(_pick(table()["columns"][command], lang))


def term(word: str, lang: str) -> str:
    """A word a reason's parameters name (`upper`, `exclusive`, `test-voltage`…) in `lang`; the word itself when unknown."""
    forms = table()["terms"].get(word)
    return _pick(forms, lang) if forms else word


def _word(result: str, lang: str) -> str:
    forms = table()["results"].get(result)
    return forms.get(lang, result) if forms else result


def _why_params(code: str, p: dict[str, Any], lang: str) -> dict[str, Any]:
    """A reason's parameters made printable in `lang`: results, terms and nested reasons worded, lists joined."""
    out = dict(p)
    for k in ("word", "limit"):
        if k in out:
            out[k] = _word(out[k], lang)
    for k in ("condition", "reason", "detail"):
        if k in out:
            out[k] = why(out[k], lang)
    if code == "bound-at-same-value":
        out.update(side=term(p["side"], lang), draft=term(p["draft"], lang), ref=term(p["ref"], lang))
    if code == "different-dimensions":
        out.update(draft=p.get("draft") or term("no-unit", lang), ref=p.get("ref") or term("no-unit", lang))
    if code.startswith("cond.") and "items" in p:
        out["items"] = "; ".join(say("why.cond.item", lang, quantity=term(x["quantity"], lang) if x.get("quantity") else x["unit"],
                                     draft=x["draft"], ref=x["ref"], unit="" if x["unit"] == "×rated" else " " + x["unit"])
                                 for x in p["items"])
    if code == "note.bands-overlap":
        out["pairs"] = "; ".join(say("why.note.pair", lang, draft=a, ref=b) for a, b in p["pairs"])
    if code == "note.one-side-quantities":
        said = p.get("said")  # older JSON has the units only
        out["units"] = "; ".join(f"{term('side-' + x['side'], lang)} {x['text']}" for x in said) \
            if said else ", ".join(p["units"])
    if code == "row.not-comparable":
        out["items"] = "; ".join(say("why.row.item", lang, doc=x["doc"], reason=why(x["reason"], lang)) for x in p["items"])
    return out


def why(reason: Any, lang: str) -> str:
    """The reason of a counterpart's or row's result (`compare.result.Reason`, or its JSON dict) in words.

    The code's template (`why.<code>`) first, then its qualifiers in the order the judgement applies
    them: one side of a range, a surface temperature judged as a rise, condition notes, the condition."""
    if reason is None or isinstance(reason, str):
        return reason or ""
    code, p = (reason["code"], {k: v for k, v in reason.items() if k != "code"}) if isinstance(reason, dict) else (reason.code, reason.params)
    if not code:
        return ""
    if not has(f"why.{code}"):  # a code this version has no words for: shown as itself
        return code
    q = {k: p[k] for k in ("one_side", "ambient", "notes") if k in p}
    if code != "conditions-vs-limit" and "condition" in p:
        q["condition"] = p["condition"]
    s = say(f"why.{code}", lang, **_why_params(code, {k: v for k, v in p.items() if k not in q}, lang))
    if "one_side" in q:
        other = "upper" if q["one_side"] == "lower" else "lower"
        s = say("why.one-side", lang, reason=s, side=term(q["one_side"], lang), other=term(other, lang))
    if q.get("ambient") is not None:
        s = say("why.ambient", lang, reason=s, ambient=q["ambient"], ambient_word=term("ambient", lang))
    if q.get("notes"):
        s = say("why.notes", lang, reason=s, notes="; ".join(why(n, lang) for n in q["notes"]))
    if "condition" in q:
        s = say("why.condition", lang, reason=s, condition=why(q["condition"], lang))
    return s.strip()


def sep(lang: str) -> str:
    """The list separator of a language: 、 in Chinese, a comma in English."""
    return "、" if lang == "zh" else ", "
