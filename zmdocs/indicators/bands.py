"""Applicability bands in zh prose: a bound inside a noun modifier naming the products a requirement covers.

`车长大于9m的客车应…`, `总质量不大于750kg的挂车除外`, `宽高比小于等于0.9的乘用车`: the bound says which
products the statement is about (a condition), it is not a limit the product must meet. `drop_bands`
removes such indicators from one sentence's prose indicators and puts the band into the conditions of the
indicators of the same sentence that remain. `band_spans` finds the same bands (and `(…的挂车除外)`
exclusions) as condition spans while a zh sentence is read, for the cases `drop_bands` leaves.
"""

from __future__ import annotations

import re

from zmdocs.indicators.de_bands import item_bands
from zmdocs.model import Indicator
from zmdocs.text.numbers import parse_number

_CMP = r"(?:大于或等于|小于或等于|大于等于|小于等于|不大于|不小于|不超过|不低于|不高于|大于|小于|超过|低于|高于|[≤≥<>＜＞])"
# <name><comparator><number><unit>[以上|以下][倍]的<noun>: the 的 + a noun (not 要求/规定/…) closes the band
_BAND = re.compile(
    r"(?:^|[，,、(（)）；;：:和及或—的]|(?<=[\d℃°)）]下)|(?<=\d\.\d\s)|(?<=\d\.\d\d\s))\s*"  # "在…(23±3)℃下|…", "以及 7.2.12 总质量…的货车"
    r"(?P<band>(?P<name>[\u4e00-\u9fff]{1,14}?)(?P<cmp>" + _CMP + r")?\s*(?:[\u4e00-\u9fff]{1,6}的\s*)?"
    r"(?P<num>\d[\d\s]*(?:\.\d+)?)\s*(?P<unit>[A-Za-z/%°²³℃]{0,6})\s*(?P<side>以上|以下)?\s*倍?\s*"
    r"(?:且\s*" + _CMP + r"\s*(?P<num2>\d[\d\s]*(?:\.\d+)?)\s*[A-Za-z/%°²³℃]{0,6}\s*)?的)"  # "大于3500kg且小于等于7500kg的货车"
    r"(?P<noun>\s*(?:[A-Z][A-Za-z0-9]{0,3}\s*)?[\u4e00-\u9fff]{1,12}?)"  # "…2500kg的N1类车辆不适用": a vehicle category first
    r"(?=应|不应|还应|均应|必须|须|除外|不适用|[、，,)）(（]|的|和|及|时|在|装备|配备|安装|装用)"
)
# a modal, a verb or a preposition in the modifier: a requirement or a setting written as a modifier
# (应具有不小于5mm的间隙, 发出超过5m/s²的请求, 在附着系数大于等于0.7的路面上)
_STATES = re.compile(r"应|须|宜|具有|设有|采用|配备|装备|保证|达到|发出|产生|进行|进入|有|出现|施加|输出|提供|保持|持续|使用|在|以|经|通过|为$")
# the noun is a place or a statement, not the products a requirement covers (…的路面上, …的客车为…, …的矩形时也视为)
_NOT_PRODUCT = re.compile(r"上|中|内|为|进行|要求|规定|范围|数值|偏差|误差|精度|时间|距离|位置|间隔|速度")


_NUM = r"\d[\d\s,.]*"
# products a requirement covers (never the test apparatus: a lamp, a device "with a colour temperature between …")
_THINGS = (r"(?:vehicles?|trailers?|tractors?|appliances?|installations?|plants?|machines?|products?|tyres?|\w*anlagen?|\w*geräte?n?|\w*fahrzeuge?n?|\w*kessel[n]?)")
# en/de: <things> [which are|with a <name> [of]] <bound word> <number>: the products a requirement covers
_BAND_EUROPE = re.compile(
    r"(?i)\b" + _THINGS + r"\s+(?:(?:für|zur|zum)\s+[\wäöüß-]+(?:\s+[\wäöüß-]+){0,2}?\s+)?"  # "Feuerungsanlagen für feste Brennstoffe ab 4 kW"
    r"(?:(?:which|that)\s+(?:are|is)\s+|(?:with|having|of)\s+an?\s+[\w\s-]{1,40}?\s+"
    r"|mit\s+einer\s+[\w-]{3,40}\s+)?(?:of\s+|von\s+)?(?:not\s+exceeding|exceeding|not\s+more\s+than|more\s+than|less\s+than"
    r"|not\s+less\s+than|up\s+to|between|mehr\s+als|weniger\s+als|unter|über|bis\s+zu|bis\s+einschließlich|ab|höchstens|mindestens)\s*"
    r"(?P<num>" + _NUM + r")(?:\s*[^\W\d]{0,12}\s*(?:and|und|bis(?:\s+einschließlich)?)\s*(?P<num2>" + _NUM + r"))?"
    # "not exceeding 6 m in length and not exceeding 2 m in width": a second bound of the same products
    r"(?:\s*(?:[A-Za-zµ]{1,3}\s+)?(?:in\s+[a-z]+\s+)?and\s+(?:not\s+exceeding|exceeding|not\s+more\s+than|more\s+than|less\s+than"
    r"|not\s+less\s+than)\s*(?P<num3>" + _NUM + r"))?")
# "vehicles the length of which exceeds 6 m but does not exceed 7 m", "vehicles whose maximum mass exceeds 2 500 kg"
_OF_WHICH_BOUND = (r"(?:(?:does|do)\s+not\s+exceed|exceeds?|(?:is|are)\s+(?:not\s+)?(?:more|less|greater|lower|higher)\s+than"
                   r"|(?:is|are)\s+(?:at\s+least|at\s+most|up\s+to))")
_BAND_OF_WHICH = re.compile(
    r"(?i)\b" + _THINGS + r"\s+(?:the\s+(?:[\w-]+\s+){1,3}?of\s+which\s|whose\s+(?:[\w-]+\s+){1,3}?)\s*" + _OF_WHICH_BOUND
    + r"\s*(?P<num>" + _NUM + r")(?:\s*[^\W\d]{0,6}\s*,?\s*(?:but|and)\s+" + _OF_WHICH_BOUND + r"\s*(?P<num2>" + _NUM + r"))?")
# "lamps of categories 1 and 2 mounted below 750 mm": where a device sits names the devices a rule covers ("shall be
# mounted below …" is the rule itself)
_BAND_MOUNTED = re.compile(r"(?i)(?<!\bbe\s)\b(?:mounted|installed|fitted|situated|located)\s+(?:at\s+a\s+height\s+(?:of\s+)?)?"
                           r"(?:below|above|higher\s+than|lower\s+than|less\s+than|more\s+than)\s*(?P<num>" + _NUM + r")")
# "… mit Wasser als Wärmeträger und einer Feuerungswärmeleistung unter 1 Megawatt": a further attribute of the products
# (not a limit word: "mit einer Nachweisgrenze von bis zu …" states a limit)
_BAND_ATTRIBUTE = re.compile(
    r"(?i)\bund\s+einer\s+(?:[a-zäöüß]+e[nr]?\s+)?(?![\wäöüß-]*(?:grenze|wert)\b)[\wäöüß-]{3,40}\s+(?:von\s+)?(?:(?:nicht\s+)?mehr\s+als|weniger\s+als|unter|über"
    r"|bis\s+zu|bis\s+einschließlich|ab)\s*(?P<num>" + _NUM + r")")
# an exemption: every value after "gilt nicht für" up to the next rule names what is exempt
_EXEMPT = re.compile(r"(?i)\b(?:gilt|gelten)\s+nicht\s+für\b|\b(?:ausgenommen\s+sind|sind\s+ausgenommen|mit\s+Ausnahme\s+von)\b"
                     r"|\b(?:does|do|shall)\s+not\s+apply\s+to\b")
_EXEMPT_END = re.compile(r"(?i);|\b(?:gilt|gelten|muss|müssen|darf|dürfen|shall|must)\b(?!\s+nicht\s+für)")
# "Für Feuerungsanlagen, die … höchstens 300 Stunden … betrieben werden, gilt …": the relative clause scopes the rule;
# "Bei Versorgungsgebieten, in denen mehr als 1 000 Kubikmeter pro Tag geliefert werden, unterrichtet …": likewise
_FOR_WHICH = re.compile(r"(?i)(?:^|[.;:]\s+|\(\d+\)\s*)(?:Für|Bei)\s+[\wäöüß-]+\s*,\s*(?:(?:in|bei|an|auf)\s+)?"
                        r"(?:die|der|deren|das|denen|dem)\s+(?P<rel>[^;]{5,240}?)"
                        r"\s*,\s*(?:(?:gilt|gelten)\b|(?-i:(?:darf|muss|kann|soll|[a-zäöüß]{3,}(?:t|en))\b))")


def _number(s: str, lang: str = "zh") -> float | None:
    return parse_number(re.sub(r"\s+", "", s).rstrip(".,"), lang)


def _bands_europe(text: str) -> list[tuple[float, str, str]]:
    """(value, "", band text) of each en/de band: "vehicles not exceeding 6 m", "Anlagen mit einer Leistung von mehr als 4 kW"."""
    out = []
    for m in [*_BAND_EUROPE.finditer(text), *_BAND_ATTRIBUTE.finditer(text), *_BAND_OF_WHICH.finditer(text), *_BAND_MOUNTED.finditer(text)]:
        for g in ("num", "num2", "num3"):
            v = _number(m.group(g) or "") if g in m.re.groupindex else None
            if v is not None:
                out.append((v, "", m.group().strip()))
    out.extend(item_bands(text))  # "2. von mehr als 50 bis 100 Kilowatt in einem Umkreis …" (German list items)
    for a, b in _scopes(text):
        out.extend((v, "", text[a:b].strip()) for v in (_number(n.group()) for n in re.finditer(_NUM, text[a:b])) if v is not None)
    return out


def _scopes(text: str) -> list[tuple[int, int]]:
    """Spans of an en/de sentence that name what a rule exempts ("gilt nicht für …") or covers ("Für Anlagen, die …, gilt")."""
    out = []
    for m in _EXEMPT.finditer(text):
        end = _EXEMPT_END.search(text, m.end())
        out.append((m.end(), end.start() if end else len(text)))
    out.extend((m.start("rel"), m.end("rel")) for m in _FOR_WHICH.finditer(text))
    return out


def _bands(text: str) -> list[tuple[float, str, str]]:
    """(value, unit, band text) of each band in a sentence; a band needs a comparator word or 以上/以下."""
    out = []
    for m in _BAND.finditer(text):
        if not (m.group("cmp") or m.group("side")) or _STATES.search(m.group("name")) \
                or _NOT_PRODUCT.search(m.group("noun")):
            continue
        for g in ("num", "num2"):
            v = _number(m.group(g) or "")
            if v is not None:
                out.append((v, m.group("unit") or "", m.group("band").strip()))
        alt = _ALT_BAND.match(text, m.end())  # "车长大于9m的客车（对专用校车为车长大于8m）": the band of a sub-kind
        if alt and _number(alt.group("num")) is not None:
            out.append((_number(alt.group("num")), alt.group("unit") or "", alt.group().strip(" （()）")))
    return out


_ALT_BAND = re.compile(r"\s*[（(](?:对于?)?(?:(?!应|须)[\u4e00-\u9fff]){1,20}?" + _CMP
                       + r"\s*(?P<num>\d[\d\s]*(?:\.\d+)?)\s*(?P<unit>[A-Za-z/%°²³℃]{0,6})\s*[)）]")


# a number that counts a paragraph, item or provision ("(1)", "Absatz 1", "§ 3", "Nummer 9"): no value
_REFERENCE = re.compile(r"(?i)(?:\(|\b(?:Absatz|Abs\.|Nummer|Nr\.|Satz|Anlage|Artikel|Teil|paragraph|Article|Annex)\s*|§\s*)$")


def _occurrences(text: str, value: float) -> int:
    return sum(1 for m in re.finditer(_NUM, text) if _number(m.group()) == value and not _REFERENCE.search(text, max(0, m.start() - 12), m.start()))


def _values(i: Indicator) -> list[float]:
    if isinstance(i.value, (int, float)):
        return [float(i.value)]
    if i.comparator == "range" and i.min is not None and i.max is not None:
        return [float(i.min), float(i.max)]
    return []


def _read_as_prose(i: Indicator) -> bool:
    """Prose, or a table's note or footnote read as prose."""
    o = i.origin or {}
    return o.get("type") == "prose" or o.get("type") == "table" and bool(o.get("note") or o.get("footnote"))


def drop_bands(inds: list[Indicator], lang: str = "zh") -> list[Indicator]:
    """Prose indicators without their applicability bands (made conditions of the rest of the sentence)."""
    if lang not in ("zh", "en", "de"):
        return inds
    find = _bands if lang == "zh" else _bands_europe
    out: list[Indicator] = []
    by_text: dict[str, list[tuple[float, str, str]]] = {}
    dropped: dict[str, list[str]] = {}
    for i in inds:
        vals = _values(i)
        if not _read_as_prose(i) or not vals or not i.text:
            out.append(i)
            continue
        bands = by_text.setdefault(i.text, find(i.text))
        hit = [b for v, u, b in bands if v == vals[0] and (not i.unit or not u or u == i.unit or i.unit.startswith(u))]
        if hit and _occurrences(i.text, vals[0]) <= len([1 for v, _, _ in bands if v == vals[0]]):
            dropped.setdefault(i.text, []).extend(b.rstrip("的").strip() for b in hit[:1])
            continue
        out.append(i)
    for i in out:
        for b in dropped.get(i.text, []):
            if _read_as_prose(i) and b not in i.conditions:
                i.conditions.append(b)
    return out


# --- the same bands as condition spans, while a sentence is read (zmdocs.indicators.prose._cond_spans) ---
# It catches what `drop_bands` leaves (a band alone in its sentence, a band before a comma); the value
# becomes a condition of the sentence's limits at once.
# subject, comparator, value, unit, optional 以上/以下, then 的 and the products' noun
_SPAN = re.compile(
    r"(?:(?!应|须|不得)[\u4e00-\u9fffA-Za-z]){1,12}?\s*" + _CMP + r"\s*\d[\d.,]*(?:\s\d{3})*\s*[A-Za-z%°/²³μ·]{0,6}\s*(?:以[上下内])?\s*的"
    r"\s*[\u4e00-\u9fff]{1,12}?(?=[、，,；;。）)]|应|还应|均应|不应|须|必须|$)")
# "车长大于9m时车身两侧应…", "车长大于7m且小于等于9m时": a band written as a when-span with no 当 and no comma after 时
_WHEN_SPAN = re.compile(
    r"(?:(?!应|须|不得|当)[\u4e00-\u9fff]){1,8}?\s*" + _CMP + r"\s*\d[\d.]*\s*(?:[A-Za-z%°℃/²³]{0,6}|[个人面块条台辆])"
    r"(?:\s*且\s*" + _CMP + r"\s*\d[\d.]*\s*[A-Za-z%°℃/²³]{0,6})?\s*时(?=[\u4e00-\u9fff])(?![间刻长速钟段效期序])")
_CLAUSE = re.compile(r"[；;。:：，,]")
_EXCEPT = re.compile(r"[（(][^（()）]{0,80}?除外\s*[)）]")
_MODAL = re.compile(r"应(?![急用答变力])|须|不得|必须")  # not 应急 (emergency), 应力 (stress) …
_SENTENCE = re.compile(r"[；;。:：]")


# a verb before the bound of a 的-span: what the product must provide, not the products covered
_SPAN_STATES = re.compile(r"提供|具有|具备|[设记标印装带]有|保证|达到|发出|产生|输出|保持")


def _modal(t: str, a: int, b: int) -> bool:
    """A modal in t[a:b] (its lookahead sees past b: 应 of 应急窗 right before b is no modal)."""
    return any(m.start() < b for m in _MODAL.finditer(t, a, min(len(t), b + 1)))


def band_spans(t: str, s: int, e: int) -> list[tuple[int, int]]:
    """Spans of t[s:e] that name the products a requirement applies to or excludes (see the module doc)."""
    out = [(m.start(), m.end()) for m in _EXCEPT.finditer(t, s, e)]
    for m in _SPAN.finditer(t, s, e):
        head = max([s] + [x.end() for x in _SENTENCE.finditer(t, s, m.start())])
        if _modal(t, head, m.start()):
            continue  # after the modal: what the product must have
        cmp = re.search(_CMP, m.group())
        if cmp and _SPAN_STATES.search(m.group()[:cmp.start()]):
            continue  # "能提供大于等于550mm的自由通道": a verb in the modifier states what is required
        out.append((m.start(), m.end()))
    for m in _WHEN_SPAN.finditer(t, s, e):
        head = max([s] + [x.end() for x in _CLAUSE.finditer(t, s, m.start())])
        if not _modal(t, head, m.start()):
            out.append((m.start(), m.end()))
    return out
