"""Provisions: split clause text into sentences and tag each with its verbal form.

Forms follow GB/T 1.1-2020 (应/宜/可/能), ISO/IEC Directives Part 2 (shall/should/may/can) and
their German (muss/sollte/darf/kann) and French (doit/il convient/peut) counterparts. Notes and
examples are informative: always "statement". Sentences come from `zmdocs.text.sentences`, the
language from `zmdocs.text.lang`.
"""

from __future__ import annotations

import re

from zmdocs.model import Provision
from zmdocs.text.lang import KANA, detect_lang
from zmdocs.text.sentences import line_sentence_spans

_NOTE_RE = re.compile(r"^\s*(?:注\s*\d*\s*[：:]|注\s|NOTE\b|Note\s*\d*\s*[:–-]|ANMERKUNG\b|Anmerkung\b|示例|EXAMPLE\b|BEISPIEL\b|EXEMPLE\b)")


def is_note(line: str) -> bool:
    """True for a note or example line (注：, NOTE, ANMERKUNG, 示例, EXAMPLE…)."""
    return bool(_NOTE_RE.match(line))


# --------------------------------------------------------------------------- forms (zh)

_YING_NOT = ("应用", "响应", "供应", "相应", "对应", "反应", "适应", "效应", "应力", "感应", "应急", "答应", "应变", "应对", "照应", "应答", "回应", "呼应", "理应")
_KE_NOT = (
    "可靠", "可燃", "可触及", "可拆卸", "可见", "可视", "可调", "可移", "可更换", "可接触", "可接受", "可行", "可逆", "可控", "可读",
    "可比", "可分离", "可折叠", "可编程", "可重复", "可追溯", "可回收", "可熔", "可导", "可识别", "可听", "可变", "可选", "可充电",
    "可信", "可用性", "可维修", "可拆", "可卸", "可闻", "可复位", "可旋转", "可伸缩", "可拉伸", "可弯曲", "可溶", "可吸入", "可清洗",
    "可洗", "可触", "可达", "可开启", "可拔插", "可插拔", "可锁", "可及", "可能", "认可", "许可", "不可",
)
_NENG_NOT = ("能效", "能耗", "能量", "性能", "功能", "节能", "电能", "热能", "能源", "能力", "智能", "动能", "势能", "储能", "效能", "本能", "技能", "能级", "光能", "化学能", "机械能", "太阳能", "核能", "风能", "耗能", "能源")
_YI_NOT = ("适宜", "便宜", "事宜", "宜人")


def _has(s: str, word: str, not_in: tuple[str, ...]) -> bool:
    """True if `word` occurs in s outside every compound of `not_in`."""
    for m in re.finditer(re.escape(word), s):
        a = m.start()
        bad = False
        for comp in not_in:
            k = comp.find(word)
            while k >= 0:
                if s[a - k:a - k + len(comp)] == comp:
                    bad = True
                    break
                k = comp.find(word, k + 1)
            if bad:
                break
        if not bad:
            return True
    return False


def _form_zh(s: str) -> tuple[str, bool]:
    if re.search(r"不应|不得|严禁|禁止|不允许|不准|不能超过|不应超过", s):
        return "requirement", True
    if re.search(r"必须|应当|应该", s) or _has(s, "应", _YING_NOT) or _has(s, "须", ("无须", "毋须", "须知")):
        return "requirement", False
    if "不宜" in s:
        return "recommendation", True
    if _has(s, "宜", _YI_NOT):
        return "recommendation", False
    if re.search(r"不必|无须|无需|不需要", s):
        return "permission", True
    if re.search(r"可以|允许", s) or _has(s, "可", _KE_NOT):
        return "permission", False
    if re.search(r"不能|不可能|无法", s) and _has(s.replace("不可能", "可能"), "能", _NENG_NOT):
        return "possibility", True
    if "可能" in s or _has(s, "能", _NENG_NOT):
        return "possibility", False
    return "statement", False


# --------------------------------------------------------------------------- forms (en/de/fr/ja)

_EN = [
    (r"\bshall\s+not\b|\bmust\s+not\b|\bshall\s+in\s+no\s+case\b|\bis\s+not\s+(?:allowed|permitted)\b", "requirement", True),
    (r"\bshall\b|\bmust\b|\b(?:is|are)\s+required\s+to\b|\bit\s+is\s+(?:required|necessary)\s+that\b|\b(?:is|are)\s+to\s+be\b|\b(?:has|have)\s+to\b", "requirement", False),
    (r"\bshould\s+not\b", "recommendation", True),
    (r"\bshould\b|\bit\s+is\s+recommended\b|\bought\s+to\b", "recommendation", False),
    (r"\bneed\s+not\b|\bneeds\s+not\b|\bis\s+not\s+required\b|\bmay\s+not\b", "permission", True),
    (r"(?<![0-9]\s)\bmay\b|\b(?:is|are)\s+(?:permitted|allowed|permissible)\b", "permission", False),
    (r"\bcannot\b|\bcan\s+not\b|\bcould\s+not\b|\bis\s+unable\s+to\b", "possibility", True),
    (r"\bcan\b|\bcould\b|\bis\s+able\s+to\b|\bare\s+able\s+to\b|\bpossible\b", "possibility", False),
]
_DE = [
    (r"\b(?:darf|dürfen)\s+(?:[\w.,]+\s+){0,7}?nicht\b|\bnicht\s+(?:\w+\s+){0,4}?(?:darf|dürfen)\b|\bkeine?\w*\s+(?:\w+\s+){0,3}?(?:darf|dürfen)\b", "requirement", True),
    (r"\b(?:muss|müssen)\s+nicht\b", "permission", True),  # "muss nicht" = need not
    (r"\bmuss\b|\bmüssen\b|\b(?:darf|dürfen)\s+(?:[\w.,]+\s+){0,4}?(?:höchstens|maximal|mindestens|nur|lediglich)\b|\b(?:ist|sind)\s+(?:\S+\s+){0,8}?(?:zu\s+\w+(?:en|ern|eln)|(?:an|auf|aus|durch|ein|ab|vor|nach|zurück|fest|zusammen|um|bei|dar|her|hin|frei|wieder|fort|weg)zu\w+(?:en|ern|eln))\b", "requirement", False),
    (r"\bsollten?\s+(?:\w+\s+){0,4}?nicht\b|\bnicht\s+(?:\w+\s+){0,3}?sollten?\b", "recommendation", True),
    (r"\bsollten?\b|\bwird\s+empfohlen\b|\bempfiehlt\s+sich\b", "recommendation", False),
    (r"\bbrauch(?:t|en)\s+(?:\w+\s+){0,4}?nicht\b|\bnicht\s+(?:\w+\s+){0,4}?zu\s+\w+\s+brauch", "permission", True),
    (r"\bdarf\b|\bdürfen\b|\bist\s+zulässig\b|\bsind\s+zulässig\b|\bist\s+erlaubt\b", "permission", False),
    (r"\bk(?:ann|önnen)\s+(?:\w+\s+){0,4}?nicht\b|\bnicht\s+(?:\w+\s+){0,3}?k(?:ann|önnen)\b", "possibility", True),
    (r"\bkann\b|\bkönnen\b|\bmöglich\b", "possibility", False),
]
_FR = [
    (r"\bne\s+(?:doit|doivent)\s+pas\b|\bn['’](?:est|sont)\s+pas\s+(?:admis|autorisée?s?)\b|\bne\s+(?:doit|doivent)\s+\w+\s+pas\b", "requirement", True),
    (r"\bdoit\b|\bdoivent\b|\best\s+tenue?\s+de\b|\bil\s+est\s+exigé\b", "requirement", False),
    (r"\bil\s+convient\s+(?:de\s+ne\s+pas|que\s+\S+(?:\s+\S+){0,4}\s+ne)\b", "recommendation", True),
    (r"\bil\s+convient\b|\bil\s+est\s+recommandé\b", "recommendation", False),
    (r"\bn['’](?:est|sont)\s+pas\s+tenue?s?\s+de\b|\bil\s+n['’]est\s+pas\s+nécessaire\b", "permission", True),
    (r"\bne\s+(?:peut|peuvent)\s+pas\b|\bne\s+(?:peut|peuvent)\s+\w+\s+pas\b", "possibility", True),
    (r"\bpeut\b|\bpeuvent\b|\best\s+admise?\b|\bsont\s+admise?s\b|\best\s+autorisée?\b", "permission", False),
    (r"\best\s+(?:capable|en\s+mesure)\s+de\b|\bil\s+est\s+possible\b|\bpourrait\b", "possibility", False),
]
_JA = [
    (r"してはならない|てはならない|してはいけない", "requirement", True),
    (r"なければならない|ものとする|こと。?$", "requirement", False),
    (r"しないほうがよい|ことは望ましくない", "recommendation", True),
    (r"望ましい|するのがよい", "recommendation", False),
    (r"しなくてもよい|必要はない", "permission", True),
    (r"てもよい|差し支えない", "permission", False),
    (r"できない", "possibility", True),
    (r"ことができる|できる|可能", "possibility", False),
]
_TABLES = {"en": _EN, "de": _DE, "fr": _FR, "ja": _JA}
_COMPILED = {k: [(re.compile(p, re.I), f, n) for p, f, n in v] for k, v in _TABLES.items()}


def classify(sentence: str, lang: str | None = None) -> tuple[str, bool]:
    """(form, negated) of one sentence; notes/examples are statements."""
    s = sentence.strip()
    if not s or is_note(s):
        return "statement", False
    lang = lang or detect_lang(s)
    if lang == "zh" or (lang == "ja" and not KANA.search(s)):
        return _form_zh(s)
    table = _COMPILED.get(lang, _COMPILED["en"])
    if lang == "en" and "May" in s:
        s = re.sub(r"\b\d{1,2}\s+May\b|\bMay\s+\d{1,2}\b", "", s)  # dates
    for rx, form, neg in table:
        if rx.search(s):
            return form, neg
    return "statement", False


_ITEM = re.compile(r"^\s*(?:[a-z]\)|[a-z]\s*）|\d{1,2}\)|\d{1,2}）|[（(]\d{1,2}[）)]|[①-⑳]|——|—|–|-\s|•|·)")


def provisions(text: str, lang: str | None = None) -> list[Provision]:
    """Split clause text into sentences and tag each; sentences of a note line stay statements."""
    if not text.strip():
        return []
    lang = lang or detect_lang(text)
    out: list[Provision] = []
    note_lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if is_note(line):
            note_lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    lead: tuple[str, bool] | None = None  # the form of a lead-in sentence ending with a colon
    for a, b in line_sentence_spans(text, lang):
        sent = text[a:b]
        if any(x <= a < y for x, y in note_lines):
            form, neg = "statement", False
        else:
            form, neg = classify(sent, lang)
            item = bool(_ITEM.match(sent))
            if item and form == "statement" and lead:
                form, neg = lead  # "…应符合下列要求：" + "a) 不大于0.3 W；": the item carries the lead-in's form
            elif not item:
                lead = (form, neg) if sent.rstrip().endswith(("：", ":")) and form != "statement" else None
        out.append(Provision(text=sent, form=form, negated=neg, start=a, end=b))
    return out
