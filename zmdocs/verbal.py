"""Provisions: split clause text into sentences and tag each with its verbal form.

Forms follow GB/T 1.1-2020 (应/宜/可/能), ISO/IEC Directives Part 2 (shall/should/may/can) and
their German (muss/sollte/darf/kann) and French (doit/il convient/peut) counterparts. Notes and
examples are informative: always "statement". Also detects the language of a text.
"""

from __future__ import annotations

import re

from zmdocs.model import Provision
from zmdocs.textnorm import CJK_CHAR

# --------------------------------------------------------------------------- language

_KANA = re.compile(r"[\u3040-\u30ff]")
_STOP = {
    "en": {"the", "and", "of", "to", "shall", "is", "be", "with", "for", "in", "a", "an", "are", "or", "not", "by", "which", "that", "this"},
    "de": {"der", "die", "das", "und", "ist", "mit", "für", "nicht", "ein", "eine", "muss", "von", "zu", "den", "dem", "sind", "auf", "des", "im", "wird"},
    "fr": {"le", "la", "les", "et", "est", "des", "du", "de", "doit", "pour", "un", "une", "dans", "ne", "pas", "au", "aux", "sont", "par", "qui"},
}


def detect_lang(text: str, default: str = "en") -> str:
    """zh/ja by the share of CJK characters (ja when kana present), else en/de/fr by stop words."""
    sample = text[:20000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return default
    cjk = sum(1 for c in letters if CJK_CHAR.match(c))
    if cjk / len(letters) > 0.2:
        kana = len(_KANA.findall(sample))
        return "ja" if kana > 0.05 * cjk else "zh"
    words = re.findall(r"[a-zäöüßàâçéèêëîïôûùœ']+", sample.lower())
    scores = {lang: sum(1 for w in words if w in sw) for lang, sw in _STOP.items()}
    if any(ch in sample for ch in "äöüß"):
        scores["de"] += 3
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] else default


# --------------------------------------------------------------------------- sentences

_ABBREV = {
    "e.g", "i.e", "etc", "fig", "figs", "tab", "no", "nos", "cf", "approx", "max", "min", "vol", "ed", "al",
    "nr", "z.b", "b", "z", "u.a", "bzw", "ca", "vgl", "abs", "bild", "tabelle", "s", "d.h", "ggf", "inkl", "evtl", "usw",
    "p", "pp", "art", "mr", "dr", "st", "resp", "incl", "excl", "env", "cl", "annexe", "ann", "voir", "chap",
}
_ZH_END = "。；！？"
_NOTE_RE = re.compile(r"^\s*(?:注\s*\d*\s*[：:]|注\s|NOTE\b|Note\s*\d*\s*[:–-]|ANMERKUNG\b|Anmerkung\b|示例|EXAMPLE\b|BEISPIEL\b|EXEMPLE\b)")


def is_note(line: str) -> bool:
    """True for a note or example line (注：, NOTE, ANMERKUNG, 示例, EXAMPLE…)."""
    return bool(_NOTE_RE.match(line))


def sentence_spans(text: str, lang: str | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (line breaks always end a sentence)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        _split_line(line, start, spans)
    return spans


_WORD_REVERSED = re.compile(r"[A-Za-zÄÖÜäöüß.]+")
# candidate sentence ends: a Chinese stop, or . ! ? at the end or before a space, quote or bracket
_STOPS = re.compile("[" + _ZH_END + r"]|[.!?](?=$|[ \t\"'’”)])")


def _split_line(line: str, offset: int, spans: list[tuple[int, int]]) -> None:
    """Cut one line at its sentence ends; linear in the line's length (only stops are examined)."""
    n, s = len(line), 0
    for m in _STOPS.finditer(line):
        i = m.start()
        if i < s:
            continue
        end = i + 1 if line[i] in _ZH_END else _latin_stop(line, i, s, n)
        if end is None:
            continue
        if line[s:end].strip():
            spans.append(_trim(line, s, end, offset))
        s = end
    if line[s:].strip():
        spans.append(_trim(line, s, n, offset))


def _latin_stop(line: str, i: int, s: int, n: int) -> int | None:
    """Where the sentence ending with the . ! or ? at `i` ends (after closing quotes), or None if it does not."""
    ch = line[i]
    j = i + 1
    while j < n and line[j] in "\"'’”)":
        j += 1
    k = j
    while k < n and line[k].isspace():  # only the first character after the stop matters
        k += 1
    nxt = line[k:k + 1]
    # look back a bounded window only: copying the whole sentence at every stop is quadratic
    word = _WORD_REVERSED.match(line[max(s, i - 64):i][::-1])
    prev = (word.group(0)[::-1] if word else "").lower().strip(".")
    if ch == "." and (prev in _ABBREV or re.fullmatch(r"[a-z]", prev)
                      or re.search(r"\b(?:z|d|u)\.\s?[a-z]$", line[max(s, i - 5):i].lower())):
        return None
    if ch == "." and i > s and line[i - 1].isdecimal() and nxt.isdigit():
        return None
    if not nxt or nxt.isupper() or nxt.isdigit() or nxt in "(—–-«\"“":
        return j
    return None


def _trim(line: str, a: int, b: int, offset: int) -> tuple[int, int]:
    while a < b and line[a].isspace():
        a += 1
    while b > a and line[b - 1].isspace():
        b -= 1
    return (offset + a, offset + b)


def split_sentences(text: str, lang: str | None = None) -> list[str]:
    """The sentences of `text`."""
    return [text[a:b] for a, b in sentence_spans(text, lang)]


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
    if lang == "zh" or (lang == "ja" and not _KANA.search(s)):
        return _form_zh(s)
    table = _COMPILED.get(lang, _COMPILED["en"])
    if lang == "en":
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
    for a, b in sentence_spans(text, lang):
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
