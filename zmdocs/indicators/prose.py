"""Indicators in running text: quantities, comparators, parameters, conditions and methods.

Pipeline per passage: fold characters (full-width -> ASCII, offsets kept) and Chinese
numerals, mask spans that are never indicators (standard numbers, references, dates, list
marks), split into sentences and `；` segments, scan quantities (single, range, tolerance,
IP codes, grades), read the comparator left or right of each quantity, decide whether it is
a requirement or a condition, then attach parameter, key, conditions and method.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zmdocs.indicators import patterns_en, patterns_zh
from zmdocs.indicators.common import guess_lang, make
from zmdocs.indicators.keys import fits, key_at_end, key_for, key_kind, keys_in
from zmdocs.indicators.masks import mask
from zmdocs.indicators.numbers import NUM, convert_cn_numerals, fold, number_out, parse_number
from zmdocs.indicators.pairs import merge_bounds
from zmdocs.indicators.units import UNIT_PATTERN, UNKNOWN_UNIT_RE, unit_symbol
from zmdocs.model import Indicator
from zmdocs.textnorm import sentence_spans

_SN = r"(?<![A-Za-z0-9.,/\x00])-?" + NUM
_U = UNIT_PATTERN
QRE = re.compile(
    rf"(?P<tolp>\(\s*(?P<tpn>{_SN})\s*(?P<tpnu>{_U})?\s*±\s*(?P<tpt>{NUM})\s*(?P<tptu>{_U})?\s*\)\s*(?P<tpu>{_U})?)"
    rf"|(?P<rng>(?P<ra>{_SN})\s*(?P<rau>{_U})?\s*(?P<sep>~|-|—|至|到|\.\.\.|…|(?<![A-Za-z])(?:to|bis|à|and|und|et)(?![A-Za-z]))\s*(?P<rb>[-+]?{NUM})\s*(?P<rbu>{_U})?)"
    rf"|(?P<tol>(?P<tn>{_SN})\s*(?P<tnu>{_U})?\s*±\s*(?P<tt>{NUM})\s*(?P<ttu>{_U})?)"
    rf"|(?P<asym>\+\s*(?P<ap>{NUM})\s*(?P<apu>{_U})?\s*(?P<alt>(?:or|oder|ou|或)\s*{NUM}\s*(?:{_U})\s*\([^()]{{0,40}}\)\s*)?"
    rf"(?:or|and|/|,|，|、|oder|ou|或|和)?\s*-\s*(?P<am>{NUM})\s*(?P<amu>{_U}))"
    rf"|(?P<asymr>(?<![A-Za-z0-9.,/\x00])-\s*(?P<rm>{NUM})\s*(?P<rmu>{_U})?\s*(?:or|and|/|,|，|、|oder|ou|或|和)\s*\+\s*(?P<rp>{NUM})\s*(?P<rpu>{_U}))"
    rf"|(?P<pm>(?<![\d)\s])±\s*(?P<pmv>{NUM})\s*(?P<pmu>{_U})?|(?<=\s)±\s*(?P<pmv2>{NUM})\s*(?P<pmu2>{_U})?)"
    rf"|(?P<one>(?P<v>{_SN})\s*(?P<vu>{_U})?)"
)
_ANY_NUMBER = re.compile(r"(?i)\d|IP|class|grade|klasse|stufe|niveau|级|类")
_SINGLE_RE = re.compile(rf"(?P<v>{_SN})\s*(?P<vu>{_U})?")
IP_RE = re.compile(r"(?<![A-Za-z])IP\s?([0-6X])([0-9X])([A-D])?([HMSW])?(?![A-Za-z0-9])")
GRADE_ZH = re.compile(r"(?<![\d.\x00])((?:V-?)?\d{1,2}(?:\.\d)?)\s*级")
_MODAL_BEFORE = re.compile(r"(?i)\b(?:darf|dürfen|muss|müssen|soll)\b[^\d;:.]*$")
_UPPER_WORD = re.compile(r"(?i)限值|最大|最高|极限|\bmax|maximum|limit|höchst|grenzwert|limite")
_LIMIT_WORD = re.compile(r"(?i)限值|极限值|允许值|\blimit(?:\s+value)?\b|grenzwert|valeur\s+limite|limite")
_LOWER_WORD = re.compile(r"(?i)最小|最低|\bmin(?:imum|\.)|mindest")
_NOTE = re.compile(r"\s*[(]([^()]{1,30})[)]")
_FROM = re.compile(r"(?i)\b(?:from|von|de|depuis|从)\s*$|从\s*$")
_PER_WORD = re.compile(rf"\s*(?:per|pro|par)\s+(?:(?:1|one|an?|un|une|ein)\s+)?({_U})(?![A-Za-z])", re.I)
_PER_UNIT = re.compile(r"/(?:\([A-Za-zµΩ°²³·0-9]{1,8}\)|[A-Za-zµΩ°²³·]{1,6})(?![A-Za-z])")
_MULTIPLE = re.compile(r"\s*(?:倍|times\b|fois\b|[-‑]?fache[nr]?\b|x\b|×)", re.I)
_ARITH = re.compile(r"\s*(?:减去|加上|减|加|minus\b|plus\b|moins\b)\s*\d", re.I)
PREFIX_UNIT = re.compile(r"(?<![A-Za-z])(HRC|HRA|HRB|HV\d*|HBW|HB|Shore\s?[AD])\s*$")
GRADE_EN = re.compile(r"(?i)\b(?:grade|class|Klasse|Schutzklasse|classe|Stufe|niveau)\s+([A-G]\+{0,3}|[1-5]|(?-i:[IV]{1,3}|0I))(?![A-Za-z0-9+])")
CLASS_ZH = re.compile(r"([ⅠⅡⅢ]|0Ⅰ|0)\s*类")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "0I": 0.5, "0Ⅰ": 0.5, "0": 0}
_SEG = re.compile(r"[；;]")
_PIECE = re.compile(r"[，,:、(]|\s-\s|\band\b|\bund\b|\bet\b")
_BETWEEN = re.compile(r"(?i)(?:between|zwischen|entre)\s*$")
_RANGE_WORD = re.compile(r"(?i)(?:between|zwischen|entre|from|von|de|在|为|within|range)\s*$")
_CLASSY = re.compile(r"(?i)类|型|class|type|klasse|classe|appliance|gerät|geräte|appareil|器具|产品|部件|部位|part")
_AMBIENT = {"ambient_temperature", "relative_humidity"}
_COND_PARAM = re.compile(r"^(?:当|在|若|如果|如|对于|对)?\s*(.*?)\s*(?:[<>≤≥]|不大于|不小于|大于|小于|超过|低于|高于)")


@dataclass
class _Q:
    start: int
    end: int
    kind: str  # one, rng, tol, ip, grade
    value: object = None
    vmin: float | None = None
    vmax: float | None = None
    unit: str = ""
    comparator: str | None = None
    cue_start: int = 0
    ordinal: dict | None = None
    role: str = ""  # indicator | condition | drop
    bare: bool = False  # no cue of its own (a table cell): a header may imply the comparator
    conds: list[str] = field(default_factory=list)


def _patterns(lang: str):
    return patterns_zh if lang == "zh" else patterns_en


_SPACED_SIGN = re.compile(r"(?<![\w)\]%°.,])([-+]) (?=\d)")


def prepare(text: str, lang: str) -> str:
    """Folded text (and Chinese numerals as digits for zh)."""
    t = _SPACED_SIGN.sub(lambda m: " " + m.group(1), fold(text))  # "- 5 °C to + 30 °C": the sign belongs to the number
    if lang == "zh":
        t = convert_cn_numerals(t)
    return t


def sentences(t: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans in folded text: the one splitter, `zmdocs.textnorm.sentence_spans`."""
    return sentence_spans(t, lang)


def _num(s: str | None, lang: str):
    return None if s is None else parse_number(s, lang)


def scan(t: str, masked: str, lang: str, default_unit: str = "", start: int = 0, end: int | None = None) -> list[_Q]:
    """Every quantity in masked[start:end], with its unit and comparator cue."""
    P = _patterns(lang)
    end = len(masked) if end is None else end
    out: list[_Q] = []
    chains = _chains(masked, lang, start, end)
    out.extend(q for q, _ in chains)
    for m in QRE.finditer(masked, start, end):
        if any(a <= m.start() < b for _, (a, b) in chains):
            continue
        g = m.groupdict()
        if g["tolp"]:
            nom, tol = _num(g["tpn"], lang), _num(g["tpt"], lang)
            unit = g["tpu"] or g["tpnu"] or (g["tptu"] if g["tptu"] != "%" else "") or ""
            q = _tol(m.start(), m.end(), nom, tol, unit, g["tptu"] == "%" and bool(g["tpu"] or g["tpnu"]) and "%" not in (g["tpu"], g["tpnu"]))
        elif g["rng"]:
            a, b = _num(g["ra"], lang), _num(g["rb"], lang)
            sep = g["sep"].strip().lower()
            unit = g["rbu"] or g["rau"] or ""
            left = t[max(0, m.start() - 25): m.start()]
            wordy = sep in ("and", "und", "et", "to", "bis", "à")
            if (sep in ("and", "und", "et") and not _RANGE_WORD.search(left)) or (sep in ("-", "—") and not unit and not default_unit) \
                    or a is None or b is None or (g["rau"] and g["rbu"] and _dim(g["rau"]) != _dim(g["rbu"])):
                # not a range: rescan the two ends as single quantities
                out.extend(_singles(t, masked, m.start(), m.end(), lang))
                continue
            if wordy and not g["rbu"] and not g["rau"] and not default_unit and not _BETWEEN.search(left):
                out.extend(_singles(t, masked, m.start(), m.end(), lang))
                continue
            q = _Q(m.start(), m.end(), "rng", None, min(a, b), max(a, b), unit)
            q.vmin, q.vmax = number_out(q.vmin), number_out(q.vmax)
        elif g["tol"]:
            nom, tol = _num(g["tn"], lang), _num(g["tt"], lang)
            unit = g["tnu"] or (g["ttu"] if g["ttu"] != "%" else "") or ""
            q = _tol(m.start(), m.end(), nom, tol, unit, g["ttu"] == "%" and bool(g["tnu"]) and g["tnu"] != "%")
        elif g["asym"]:  # "+5 % or -10 %": an asymmetric deviation band
            hi, lo = _num(g["ap"], lang), _num(g["am"], lang)
            if hi is None or lo is None:
                continue
            q = _Q(m.start(), m.end(), "rng", None, number_out(-lo), number_out(hi), g["amu"] or g["apu"] or "")
            if g["alt"]:  # "+5 % or 20 W (whichever is greater) / -10 %": the alternative bound qualifies the band
                q.conds.append(g["alt"].strip())
        elif g["asymr"]:  # "-10 % / +5 %"
            hi, lo = _num(g["rp"], lang), _num(g["rm"], lang)
            if hi is None or lo is None:
                continue
            q = _Q(m.start(), m.end(), "rng", None, number_out(-lo), number_out(hi), g["rpu"] or g["rmu"] or "")
        elif g["pm"]:
            v = _num(g["pmv"] or g["pmv2"], lang)
            if v is None:
                continue
            q = _Q(m.start(), m.end(), "rng", None, number_out(-v), number_out(v), (g["pmu"] or g["pmu2"] or ""))
        else:
            v = _num(g["v"], lang)
            if v is None:
                continue
            q = _Q(m.start(), m.end(), "one", number_out(v), unit=g["vu"] or "")
        if q is None:
            continue
        q.unit = q.unit.strip()
        _comparator(t, q, P)
        if q.unit:
            per = _PER_WORD.match(masked, q.end)
            if per:  # "1 mA per kW", "0,75 mA pro kW", "每千瓦": a limit per unit
                q.unit = f"{q.unit}/{per.group(1)}"
                q.end = per.end()
        if q.unit and masked[q.end:q.end + 1] == "/":
            ext = _PER_UNIT.match(masked, q.end)
            if ext:  # "g/(m²·d)": a compound unit the lexicon lacks, kept as written
                q.unit += ext.group()
                q.end = ext.end()
        if _ARITH.match(t, q.end):
            continue  # "标称值的90%减0.1mm": an expression, not a limit of its own
        if not q.unit and _MULTIPLE.match(t, q.end):
            continue  # "额定电流的6倍", "1.5 times": a multiple of another quantity, not a limit
        if not q.unit:
            pre = PREFIX_UNIT.search(t, max(0, q.start - 12), q.start)
            if pre:
                q.unit = pre.group(1)
        if not q.unit:
            unk = UNKNOWN_UNIT_RE.match(masked, q.end + (1 if masked[q.end:q.end + 1] == " " else 0))
            if unk and q.comparator and q.comparator not in ("=",):
                q.unit = unk.group()
                q.end = unk.end()
            elif default_unit:
                q.unit = default_unit
        out.append(q)
    ords = _ordinals(t, masked, lang, P, start, end)
    out = [q for q in out if not any(o.start <= q.start < o.end for o in ords)] + ords
    out.sort(key=lambda q: q.start)
    return out


_CHAIN = re.compile(rf"(?P<a>{_SN})\s*(?P<au>{_U})?\s*[<≤]\s*(?P<var>[A-Za-zα-ω][A-Za-z0-9_]{{0,5}})\s*[<≤]\s*(?P<b>-?{NUM})\s*(?P<bu>{_U})?")


def _chains(masked: str, lang: str, start: int, end: int) -> list[tuple[_Q, tuple[int, int]]]:
    """"0.3 ≤ pLC ≤ 0.8", "50 000 v < m ≤ 200 000 v": a chained inequality is one range on the named variable."""
    out: list[tuple[_Q, tuple[int, int]]] = []
    seg = masked[start:end]
    if seg.count("<") + seg.count("≤") < 2:
        return out
    for m in _CHAIN.finditer(masked, start, end):
        a, b = _num(m.group("a"), lang), _num(m.group("b"), lang)
        if a is None or b is None or a >= b:
            continue
        q = _Q(m.start(), m.end(), "rng", None, number_out(a), number_out(b), (m.group("bu") or m.group("au") or "").strip())
        q.comparator, q.cue_start = "range", m.start()
        out.append((q, (m.start(), m.end())))
    return out


def _canon(q: _Q) -> str | None:
    from zmdocs.indicators.units import conversion

    return conversion(unit_symbol(q.unit))[0] if q.unit else None


def _dim(unit: str) -> str:
    from zmdocs.indicators.units import conversion

    sym = unit_symbol(unit)
    return conversion(sym)[0] or sym


def _singles(t: str, masked: str, s: int, e: int, lang: str) -> list[_Q]:
    P = _patterns(lang)
    res = []
    for m in _SINGLE_RE.finditer(masked, s, e):
        v = _num(m.group("v"), lang)
        if v is None:
            continue
        q = _Q(m.start(), m.end(), "one", number_out(v), unit=(m.group("vu") or "").strip())
        _comparator(t, q, P)
        res.append(q)
    return res


def _tol(s: int, e: int, nom, tol, unit: str, relative: bool) -> _Q | None:
    if nom is None or tol is None:
        return None
    d = abs(nom) * tol / 100.0 if relative else tol
    q = _Q(s, e, "tol", number_out(nom), number_out(round(nom - d, 10)), number_out(round(nom + d, 10)), unit)
    q.comparator = "tolerance"
    return q


def _comparator(t: str, q: _Q, P) -> None:
    """Read the comparator cue left (≤, 不大于, shall not exceed) or right (以下, or less) of a quantity."""
    if q.kind == "tol":
        q.cue_start = q.start
        return
    left = t[max(0, q.start - 48): q.start]
    for rx, comp in P.LEFT:
        m = rx.search(left)
        if m:
            if comp == "range?":
                if q.kind == "rng":
                    q.comparator = "range"
                    q.cue_start = q.start - (len(left) - m.start())
                    return
                continue
            if q.kind == "rng":  # "不超过±3%" keeps the range; the cue still ends the parameter
                q.comparator = "range"
                q.cue_start = q.start - (len(left) - m.start())
                return
            q.comparator = comp
            q.cue_start = q.start - (len(left) - m.start())
            return
    if q.kind == "rng":
        q.comparator = "range"
        q.cue_start = q.start
        return
    right = t[q.end: q.end + 40]
    for rx, comp in P.RIGHT:
        m = rx.match(right)
        if m and comp != "range?":
            q.comparator = comp
            q.cue_start = q.start
            return
    if q.kind == "ip":  # "mindestens der Schutzart IPX4", "不低于防护等级IPX4"
        words = left
        for _ in range(3):
            words = re.sub(r"(?:\s*[^\s\d]+\s*|[\u4e00-\u9fff]{1,4})$", "", words)
            for rx, comp in P.LEFT:
                if comp != "range?" and rx.search(words):
                    q.comparator, q.cue_start = comp, q.start
                    return
    for rx, comp in P.RIGHT_FAR:
        if rx.match(t[q.end: q.end + 120]) and _MODAL_BEFORE.search(left):
            q.comparator = comp
            q.cue_start = q.start
            return
    if q.kind == "one" and re.search(r"\+\s*$", left):
        q.comparator, q.cue_start = "<=", q.start  # "+20 %": a one-sided deviation limit
        return
    m = P.EQ_CUE.search(left)
    if m:
        q.comparator = "="
        q.cue_start = q.start - (len(left) - m.start())
    else:
        q.cue_start = q.start


def _ordinals(t: str, masked: str, lang: str, P, start: int = 0, end: int | None = None) -> list[_Q]:
    out = []
    end = len(masked) if end is None else end
    for m in IP_RE.finditer(masked, start, end):
        a, b = m.group(1), m.group(2)
        label = m.group().replace(" ", "")
        q = _Q(m.start(), m.end(), "ip", label, unit="",
               ordinal={"scale": "ip", "rank": [None if a == "X" else int(a), None if b == "X" else int(b)], "label": label})
        _comparator(t, q, P)
        out.append(q)
    if lang == "zh":
        for m in CLASS_ZH.finditer(masked, start, end):  # "应为Ⅱ类器具": a protection class, only with a cue
            q = _Q(m.start(), m.end(), "grade", m.group().strip(), unit="",
                   ordinal={"scale": "class", "rank": _ROMAN[m.group(1)], "label": m.group().strip()})
            _comparator(t, q, P)
            if q.comparator:
                out.append(q)
    rx = GRADE_ZH if lang == "zh" else GRADE_EN
    for m in rx.finditer(masked, start, end):
        lab = m.group(1)
        if lab in _ROMAN:  # "shall be of class II": a protection class, only with a cue
            q = _Q(m.start(), m.end(), "grade", m.group().strip(), unit="",
                   ordinal={"scale": "class", "rank": _ROMAN[lab], "label": m.group().strip()})
            _comparator(t, q, P)
            if q.comparator:
                out.append(q)
            continue
        scale = "grade-cn" if lang == "zh" else ("grade-letter" if lab[0].isalpha() else "grade")
        digits = re.sub(r"[^\d.]", "", lab)
        rank = (float(digits) if "." in digits else int(digits)) if digits else ord(lab[0].upper()) - ord("A") + 1
        q = _Q(m.start(), m.end(), "grade", m.group().strip(), unit="",
               ordinal={"scale": scale, "rank": rank, "label": m.group().strip(), "better": "lower"})
        _comparator(t, q, P)
        out.append(q)
    return out


def _cond_spans(t: str, s: int, e: int, P) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in P.CONDITION.finditer(t, s, e) if m.group().strip()]


def _inside(q: _Q, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    for a, b in spans:
        if a <= q.start < b:
            return a, b
    return None


def _clean_param(p: str, P, lang: str) -> str:
    p = p.replace("\x00", "").strip(" \t,，:：、;；.()（）+-")
    if lang != "zh":
        parts = [x for x in P.MODAL_SPLIT.split(p) if P.PARAM_TRIM_TAIL.sub("", P.PARAM_TRIM_HEAD.sub("", x.strip())).strip()]
        if parts:
            p = parts[-1]
    for _ in range(3):
        p2 = P.PARAM_TRIM_HEAD.sub("", p).strip()
        p2 = P.PARAM_TRIM_TAIL.sub("", p2).strip(" \t,，:：、")
        if p2 == p:
            break
        p = p2
    if lang != "zh":
        p = re.sub(r"\s+", " ", p)
    p = re.sub(r"(?:^|\s)(?:AC|DC|a\.c\.|d\.c\.|交流|直流)$", "", p).strip()
    if re.fullmatch(r"[A-Za-zα-ωΑ-Ω]{1,2}[\d_]?", p):
        return ""  # a symbol (η, U, Ra) is not a name: look further left
    return p


def _param_before(t: str, masked: str, seg_start: int, q: _Q, cond: list[tuple[int, int]], methods: list[tuple[int, int]],
                  P, lang: str) -> tuple[str, list[str]]:
    """The parameter named before a quantity in its segment; pieces that are conditions are returned apart."""
    end = q.cue_start if q.cue_start >= seg_start else q.start
    chars = list(t[seg_start:end])
    for a, b in cond + methods:
        for i in range(max(a, seg_start), min(b, end)):
            chars[i - seg_start] = ","
    text = "".join(chars)
    pieces = [p for p in _PIECE.split(text)]
    extra: list[str] = []
    for piece in reversed(pieces):
        if QRE.search(mask(piece)) and re.search(r"\d", piece):
            # the piece holds an earlier quantity: the parameter sits between it and the cue
            tail = re.split(r"\d[\d.,]*\s*(?:" + UNIT_PATTERN + r")?", piece)[-1]
            c = _clean_param(tail, P, lang)
            if c:
                return c, extra
            break
        if piece.rstrip().endswith(")") and "(" not in piece and piece is not pieces[0]:
            extra.append(piece.strip().rstrip(")").strip())  # "产品重量（不含包装）": the parenthesis qualifies
            continue
        c = _clean_param(piece, P, lang)
        if not c or P.COND_HEAD.match(c):
            continue
        if P.PRONOUN.match(c):
            return "", extra  # "It shall not exceed 0,75 mA": the parameter is the previous one or the heading's
        return c, extra
    return "", extra


def extract_text(text: str, lang: str | None = None, clause: str | None = None, page: int | None = None,
                 context: str = "", method: str | None = None, default_unit: str = "", origin: dict | None = None,
                 bare_is_value: bool = False) -> list[Indicator]:
    """Indicators stated in a passage of running text (any of zh/en/de/fr).

    `context` (a clause heading or table row label) names the parameter when the sentence does
    not; `default_unit` applies to bare numbers (table headers); `bare_is_value` makes bare
    numbers "=" indicators (table cells).
    """
    if not text or not text.strip():
        return []
    lang = lang or guess_lang(text)
    P = _patterns(lang)
    t = prepare(text, lang)
    if not _ANY_NUMBER.search(t):
        return []
    masked = mask(t)
    out: list[Indicator] = []
    last_comp: dict[str, str] = {}  # the comparator of the last limit per dimension ("may be reduced to" inherits it)
    ctx_key = key_for(context) if context else ""
    for s, e in sentences(t, lang):
        sent_text = t[s:e].strip()
        mlist = [(m.start(), m.end(), m.group()) for m in P.METHOD.finditer(t, s, e)]
        sent_method = mlist[0][2].strip() if mlist else method
        methods = [(a, b) for a, b, _ in mlist]
        qs = scan(t, masked, lang, default_unit, s, e)
        if not qs:
            continue
        # a parenthesis right after a quantity qualifies that quantity only: "≤0.5mA(Ⅰ类)", "≥100MΩ (DC 500V)"
        notes: dict[int, tuple[int, int, str]] = {}
        for q in qs:
            nm = _NOTE.match(t, q.end, e)
            if nm and q.kind not in ("tol",):
                notes[id(q)] = (nm.start(1), nm.end(1), nm.group(1).strip())
                methods.append((nm.start(), nm.end()))
        note_spans = [(x, y) for x, y, _ in notes.values()]
        qs = [q for q in qs if not any(x <= q.start < y for x, y in note_spans)]
        prev_param, prev_key, prev_cond_param = "", "", ""
        seg_bounds = [s] + [m.end() for m in _SEG.finditer(t, s, e)] + [e]
        for si in range(len(seg_bounds) - 1):
            a, b = seg_bounds[si], seg_bounds[si + 1]
            sq = [q for q in qs if a <= q.start < b]
            if not sq:
                continue
            cond = _cond_spans(t, a, b, P)
            # decide the role of each quantity
            for q in sq:
                span = _inside(q, cond)
                if span and q.comparator and q.comparator != "=" and q.cue_start < q.start and (
                        span[0] > q.cue_start or P.STRONG_CUE.search(t[q.cue_start:q.start])):
                    span = None  # "supérieur à 0,25 mA", "with a maximum of 10 mA": the cue owns the quantity
                if q.kind in ("ip", "grade"):
                    q.role = "indicator" if q.comparator or q.kind == "ip" else "maybe"
                    q.comparator = q.comparator or "="
                elif span:
                    q.role = "condition"
                elif q.comparator and q.comparator != "=":
                    q.role = "indicator" if (q.unit or q.comparator in ("<=", ">=", "<", ">", "range", "tolerance")) else "drop"
                elif q.comparator == "=" and (q.unit or bare_is_value):
                    q.role = "indicator"
                elif bare_is_value:
                    q.role = "indicator"
                    q.comparator = "="
                    q.bare = True
                elif q.unit and lang == "zh" and _juxtaposed(t, a, q):
                    q.role = "indicator"
                    q.comparator = "="
                elif q.unit:
                    q.role = "bare"
                else:
                    q.role = "drop"
                if q.kind == "one" and _REDUCED_FROM.match(t, q.end):
                    q.role = "drop"  # "the downward angle of 15° may be reduced to 5°": 15° is the general value
                elif q.kind == "one" and q.unit and _REDUCED_TO.search(t[max(a, q.start - 30):q.start]):
                    q.role = "indicator"  # the reduced value keeps the bound of the same quantity stated before
                    q.comparator = last_comp.get(_dim(q.unit), "=")
            _promote(t, a, b, sq, P, lang)
            for k, q in enumerate(sq):  # "charging time from 20 % to 80 % ... shall be 30 min or less"
                if q.kind == "rng" and q.role == "indicator" and _FROM.search(t[max(a, q.start - 8):q.start]) and any(
                        r.role == "indicator" and r.comparator in ("<=", ">=", "<", ">") for r in sq[k + 1:]):
                    q.role = "condition"
                    cond.append((max(a, q.start - 5), q.end))
            seg_inds: list[tuple[_Q, Indicator]] = []
            last_end = a
            owned = [q.start for q in sq if q.role in ("indicator", "maybe")]
            cond = [(x, y) for x, y in cond if not any(x <= st < y for st in owned)]
            conds = [_cond_text(t[x:y], prev_cond_param) for x, y in cond]
            for x, y in cond:
                cp = _COND_PARAM.match(t[x:y].strip())
                if cp and cp.group(1).strip():
                    prev_cond_param = cp.group(1).strip()
            for q in sq:
                if q.role != "indicator" and q.role != "maybe":
                    continue
                param, extra = _param_before(t, masked, a, q, cond, methods, P, lang)
                key = key_for(param)
                if param and not key and _CLASSY.search(param) and (prev_key or ctx_key):
                    extra.append(param)
                    param, key = (prev_param, prev_key) if prev_key else (context, ctx_key)
                if not param:
                    param, key = (prev_param, prev_key) if prev_param else (context, ctx_key)
                canon = _canon(q)
                if not key or not fits(key, canon):
                    # the first candidate whose dimension fits: the text before, the heading, the whole segment
                    cands = [key_for(_without(t, max(a, last_end), q.start, cond)), ctx_key, key_for(_without(t, max(a, last_end), b, cond))]
                    key = next((k for k in cands if k and (q.ordinal or fits(k, canon))), key)
                if q.role == "maybe" and not bare_is_value and not (key and ("grade" in key or key == "ip_code")):
                    continue
                if q.comparator == "=" and not q.bare and (_LIMIT_WORD.search(param) or _LIMIT_WORD.search(t[max(a, q.cue_start - 12):q.cue_start])):
                    q.comparator = "<="  # "ein Grenzwert von 55 °C", "限值为80K": a stated limit is an upper bound
                if q.comparator == "=" and key in _AMBIENT:
                    q.role = "condition"
                    conds.append(t[q.cue_start:q.end].strip())
                    continue
                prev_param, prev_key = param, key
                ind = make(
                    parameter=param, comparator=q.comparator or "=", unit=q.unit,
                    value=q.value if q.kind != "rng" else None, vmin=q.vmin, vmax=q.vmax, key=key,
                    conditions=extra, method=sent_method, clause=clause, page=page, text=sent_text,
                    origin=dict(origin) if origin else None, ordinal=q.ordinal,
                )
                last_end = q.end
                ind._bare = q.bare  # read by tables._apply_hint; not serialised
                if id(q) in notes:
                    ind.conditions.append(notes[id(q)][2])
                ind.conditions.extend(c for c in q.conds if c not in ind.conditions)
                seg_inds.append((q, ind))
                if q.unit and q.comparator in ("<=", ">=", "<", ">"):
                    last_comp[_dim(q.unit)] = q.comparator
            bare = [q for q in sq if q.role == "bare"]
            if lang != "zh":  # zh drafting states 不低于…且不高于… as two limits
                seg_inds = merge_bounds(t, seg_inds)
            for _q, ind in seg_inds:
                ind.conditions = list(dict.fromkeys(ind.conditions + conds + [_piece_around(t, a, b, bq) for bq in bare]))
                out.append(ind)
    return out


_REDUCED_FROM = re.compile(r"(?i)\s*(?:may|can|shall|could)\s+be\s+(?:reduced|increased|extended|decreased)\s+to\b")
_REDUCED_TO = re.compile(r"(?i)\b(?:reduced|increased|extended|decreased)\s+to\s*$")
_DURATION_CUE = re.compile(r"(?i)持续|历时|保持|时间|\bfor\b|pendant|\bfür\b|während|during|durée|dauer")


def _promote(t: str, a: int, b: int, sq: list[_Q], P, lang: str) -> None:
    """Second chances for quantities without a cue of their own."""
    prev = None
    for q in sq:
        if q.role == "condition" and prev is not None and re.fullmatch(
                r"(?i)[^,;]{0,30}\b(?:and|et|und|or|ou|oder)\s+(?:à|at|to|bei|auf)\s*", t[prev.end:q.start]):
            q.role = "bare"  # "limité à 0,1 mA en condition normale et à 0,5 mA ..."
        if q.role == "bare" and prev is not None and prev.comparator in ("<=", ">=", "<", ">") and q.unit \
                and _dim(q.unit) == _dim(prev.unit) and re.search(r"(?i)\b(?:and|or|und|oder|et|ou)\b|和|或|及", t[prev.end:q.start]) \
                and len(t[prev.end:q.start]) < 40:
            q.role, q.comparator = "indicator", prev.comparator  # "limited to 0.1 mA ... and 0.5 mA ..."
        if q.role == "bare":
            piece = re.split(r"[，,:：;；]", t[a:q.start])[-1].strip()
            for rx, comp in P.ADJ_LIMIT:
                if rx.search(piece):
                    q.role, q.comparator = "indicator", comp  # "Maximum noise level 58 dB(A)"
        if q.role == "indicator":
            prev = q
    if any(q.role == "indicator" for q in sq):
        return
    head = re.match(r"\s*(?:\(\d+\)|\d+\)|[a-z]\))?\s*([^，,:;]{1,40})[:]", t[a:b])
    if head and key_for(head.group(1)) and key_for(head.group(1)) not in _AMBIENT:
        head_comp = "<=" if _UPPER_WORD.search(head.group(1)) else ">=" if _LOWER_WORD.search(head.group(1)) else "="
        for q in sq:
            if q.role == "bare":  # "电气强度：基本绝缘1250V，加强绝缘3750V", "Torque values: M4 1.2 N·m", "温升限值：绕组80K"
                q.role, q.comparator = "indicator", head_comp
        return
    for q in sq:  # "the electric strength test is performed at 3 000 V a.c.", "placed on a plane inclined at 15°"
        if q.role in ("bare", "condition") and q.kind == "one" and q.unit and (
                any(key_kind(k) == "test-level" for k in keys_in(t[a:q.start]))
                or q.unit == "°" and any(key_kind(k) == "test-level" for k in keys_in(t[q.end:b]))) \
                and not _DURATION_CUE.search(t[max(a, q.start - 12):q.start]):
            q.role, q.comparator = "indicator", "="
            break


def _juxtaposed(t: str, a: int, q: _Q) -> bool:
    """A Chinese parameter written right before its value (试验电压1250V): a stated value."""
    left = t[a:q.start]
    piece = re.split(r"[，,:：、]", left)[-1].rstrip()
    if not piece or not re.search(r"[\u4e00-\u9fff]$", piece) or re.search(r"\d", piece):
        return False
    k = key_at_end(piece)
    return bool(k) and k not in _AMBIENT


def _without(t: str, a: int, b: int, spans: list[tuple[int, int]]) -> str:
    """t[a:b] with condition spans blanked (a key must not come from 在额定电压下)."""
    chars = list(t[a:b])
    for x, y in spans:
        for i in range(max(x, a), min(y, b)):
            chars[i - a] = " "
    return "".join(chars)


def _cond_text(c: str, prev_param: str) -> str:
    c = c.strip().strip("，,")
    c = re.sub(r"^当\s*", "", c)
    if prev_param and re.match(r"^[<>≤≥]", c):
        c = prev_param + c
    return c


def _piece_around(t: str, a: int, b: int, q: _Q) -> str:
    """The comma-delimited piece of a segment that holds a bare quantity (a condition)."""
    left = max(t.rfind(ch, a, q.start) for ch in "，,:：") + 1
    rights = [i for i in (t.find(ch, q.end, b) for ch in "，,") if i != -1]
    right = min(rights) if rights else b
    return t[max(left, a):right].strip(" 。.;；")
