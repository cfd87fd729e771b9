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
    """The parsed wording table (text, results, tiers, tier_columns, templates, labels, columns, zh_phrases)."""
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


def zh_phrases() -> list[tuple[str, str]]:
    """The strictness stage's fixed English phrases with their Chinese, in the order they are replaced."""
    return [(en, zh) for en, zh in table()["zh_phrases"]]


def sep(lang: str) -> str:
    """The list separator of a language: 、 in Chinese, a comma in English."""
    return "、" if lang == "zh" else ", "
