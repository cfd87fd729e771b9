"""Indicators in running text: quantities, comparators, parameters, conditions and methods.

Pipeline per passage: fold characters (full-width -> ASCII, offsets kept) and Chinese
numerals, mask spans that are never indicators (standard numbers, references, dates, list
marks), split into sentences and `；` segments, scan quantities (`quantities.scan`: single,
range, tolerance, IP codes, grades, each with its comparator cue), decide whether each is a
requirement or a condition, then attach parameter, key, conditions and method.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zmdocs.indicators.alt_bounds import alternative_bounds, share_owner_parameter
from zmdocs.indicators.common import make, parameter_name
from zmdocs.indicators.counts import count_of_tests
from zmdocs.indicators.deviations import excursion_times, unsigned_deviations
from zmdocs.indicators.en_wording import en_bound_wordings
from zmdocs.indicators.fields import angular_fields
from zmdocs.indicators.keys import fits, key_at_end, key_for, key_kind, keys_in
from zmdocs.indicators.legends import band_line
from zmdocs.indicators.masks import mask
from zmdocs.indicators.operating_bounds import changed_limit, leading_if, named_extreme
from zmdocs.indicators.pairs import merge_bounds
from zmdocs.indicators.quantities import (
    QRE,
    Quantity,
    canon_of,
    counted,
    dim_of,
    patterns_for,
    prepare,
    scan,
    sentences,
)
from zmdocs.indicators.restated import drop_restated
from zmdocs.indicators.settings import having_span, is_setting, setting_indicator
from zmdocs.indicators.statements import (
    follow_owners,
    invert_prohibitions,
    join_open_heading,
    respectively,
    scale_positions,
    share_listed_bounds,
    zh_alternatives,
)
from zmdocs.indicators.subject_bounds import in_active_subject
from zmdocs.indicators.units import UNIT_PATTERN
from zmdocs.indicators.variations import tolerated_variation
from zmdocs.indicators.zh_acts import zh_act_bounds
from zmdocs.indicators.zh_allot import zh_allotments, zh_conjuncts
from zmdocs.indicators.zh_protocol import zh_protocol_values
from zmdocs.model import Indicator
from zmdocs.text.lang import guess_lang
from zmdocs.text.numbers import number_words

__all__ = ["extract_text", "prepare", "scan", "sentences"]

_ANY_NUMBER = re.compile(r"(?i)\d|IP|class|grade|klasse|stufe|niveau|级|类")
_UPPER_WORD = re.compile(r"(?i)限值|最大|最高|极限|\bmax|maximum|limit|höchst|grenzwert|limite")
_LIMIT_WORD = re.compile(r"(?i)限值|极限值|允许值|\blimit(?:\s+value)?\b|grenzwert|prüfwert|nachweisgrenze|bestimmungsgrenze|valeur\s+limite|limite")
# "mit einer Nachweisgrenze von bis zu 0,08 Bq/l": a limit the "mit einer" phrase names, not the scope it sets
_LIMIT_SPAN = re.compile(r"(?i)\s*mit\s+einer?\s+[\wäöüß-]*(?:grenze|grenzwert|prüfwert|höchstwert|mindestwert)\s+von\b")
# "für C alpha-ges ≤ ": a symbol (a letter or two, an index after a space) and a sign, no noun phrase
_FOR_SYMBOL = re.compile(r"\s*(?:für|for|pour)\s+[A-Za-zα-ω]{1,2}(?:[ _][\w-]{1,12})?\s*[<>≤≥]=?\s*")
# a limit named in the genitive ("des Prüfwertes von", "eines Grenzwertes von"): a reference to it, not its statement
_LIMIT_REF = re.compile(r"(?i)\b(?:des|eines)\s+[\wäöüß-]*(?:wert|grenze)e?s?\s+von\s*$")
# a verdict before its if-span: "gilt als eingehalten, wenn …", "is deemed to comply if …": the span's bound is the criterion
_VERDICT_BEFORE = re.compile(r"(?i)\b(?:gilt|gelten)\b[^.;:]{0,80}?\bals\s+(?:eingehalten|erfüllt|bestanden)\s*,?\s*$"
                             r"|\b(?:is|are)\s+(?:deemed|considered)\s+to\s+(?:comply|be\s+met)\s*,?\s*$"
                             r"|\b(?:darf|dürfen)\s+(?:[\wäöüß-]+\s+){0,8}?nur\s+(?:[\wäöüß-]+\s+){0,3}?werden\s*,?\s*$")
_LOWER_WORD = re.compile(r"(?i)最小|最低|\bmin(?:imum|\.)|mindest")
_NOTE = re.compile(r"\s*[(]([^()]{1,30})[)]")
_FROM = re.compile(r"(?i)\b(?:from|von|de|depuis|从)\s*$|从\s*$")
_SEG = re.compile(r"[；;]")
_PIECE = re.compile(r"[，,:、(]|\s-\s|\band\b|\bund\b|\bet\b")
_CLASSY = re.compile(r"(?i)类|型|class|type|klasse|classe|appliance|gerät|geräte|appareil|器具|产品|部件|部位|part")
_AMBIENT = {"ambient_temperature", "relative_humidity"}
_LIMIT_TITLE = re.compile(r"(?i)\s*(?:\d+\.\s*)?(?:[\w-]+\s+){0,3}?(?:\w*grenzwerte|limit\s+values|valeurs\s+limites)\b[^.;:]*:?\s*$")
_LIMIT_COLON = re.compile(r"(?i)(?:grenzwerte|limit\s+values|valeurs\s+limites)\s*:")
_NEW_ITEM = re.compile(r"\s*(?:\d+(?:\.\d+)*\.?\s+[A-ZÄÖÜ]|\(\d+\)\s)")  # "3. Durchführung …", "(2) …": a new item
# a clause headed "Number" (of lamps, of devices) states a count, often in words
_COUNT_HEAD = re.compile(r"(?i)^\s*(?:number|anzahl|nombre)(?:\s+(?:of|der|des|de)\s+[\w\s-]{1,40})?\s*$")
_COUNTS = {w: str(v) for lang in ("en", "de", "fr") for w, v in number_words(lang, 1, 6).items()} | {
    "ein": "1", "eine": "1", "une": "1"}
_COUNT_WORD = re.compile(r"(?i)(?<![\w-])(?:" + "|".join(_COUNTS) + r")(?![\w-])")
# the same item with its heading run into the text ("Number One.", "Number: Two."): a count and nothing else
_COUNT_LINE = re.compile(r"(?i)^\s*(?:number|anzahl|nombre)\s*:?\s+(?:" + "|".join(_COUNTS) + r"|\d{1,2})\s*\.?\s*$")
# a count the text permits rather than requires: "two devices optional", the items after "Optional: … may be fitted as follows:"
_OPTIONAL_AFTER = re.compile(r"(?i)\s+(?:[\w-]+\s+){0,2}optional\b")
_SENTENCE_END = re.compile(r"[.;]\s+(?=[A-ZÄÖÜ])")
_PERMIT_SENTENCE = re.compile(r"(?i)\b(?:are|is)\s+(?:permitted|allowed|optional)\b|\bmay\s+(?:also\s+)?be\b|\bsind\s+zulässig\b|\bsont\s+autorisée?s\b")
_OPTIONAL_LEAD = re.compile(r"(?im)^\s*optional\b|\bmay\s+(?:also\s+)?be\s+(?:fitted|added|installed|mounted)\b[^.\n]*:\s*$")


def _count_words(t: str) -> str:
    """Counts in words as digits, except the counts a permission names (they state no required number)."""
    lead = _OPTIONAL_LEAD.search(t)
    cut = lead.start() if lead else len(t)
    return _COUNT_WORD.sub(lambda m: m.group() if m.start() >= cut or _OPTIONAL_AFTER.match(t, m.end()) or _permitted(t, m.start())
                           else _COUNTS[m.group().lower()], t)


def _permitted(t: str, i: int) -> bool:
    """A count inside a sentence that grants a permission ("additional devices (including two …) are permitted")."""
    s = max([0] + [m.end() for m in _SENTENCE_END.finditer(t, 0, i + 1)])
    nxt = _SENTENCE_END.search(t, i)
    e = nxt.start() if nxt else len(t)
    return bool(t[s:i].strip()) and bool(_PERMIT_SENTENCE.search(t, s, e))


_DIGIT = re.compile(r"\d")
_NUMBER_UNIT = re.compile(r"\d[\d.,]*\s*(?:" + UNIT_PATTERN + r")?")
_COND_PARAM = re.compile(r"^(?:当|在|若|如果|如|对于|对)?\s*(.*?)\s*(?:[<>≤≥]|不大于|不小于|大于|小于|超过|低于|高于)")


# an if-span whose main clause grants a permission or a verdict: its bound is the criterion, not a scope
_IF_VERDICT_HEAD = re.compile(r"(?i)\s*(?:若|如果|假如|如(?![下图表前所])|if\b|wenn\b|falls\b|si\b)")
_VERDICT = re.compile(r"(?i)[^，,;；。.]{0,3}[，,]?\s*(?:(?:则|那么)\s*(?:允许|可以|可|视为|判定|认为)|(?:then\s+)?(?:it|the\s+[\w-]+(?:\s+[\w-]+)?)\s+"
                      r"(?:is|are|shall\s+be|may\s+be)\s+(?:deemed|considered|regarded|permitted|allowed|accepted)\b"
                      r"|(?:so\s+)?(?:gilt|gelten)\s+\w+\s+als\b)")


def _cond_spans(t: str, s: int, e: int, P) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in P.CONDITION.finditer(t, s, e) if m.group().strip()]
    for extra in getattr(P, "EXTRA_SPANS", ()):  # zh applicability bands (`bands.band_spans`)
        spans += extra(t, s, e)
    return spans


def _inside(q: Quantity, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
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


def _param_before(t: str, masked: str, seg_start: int, q: Quantity, cond: list[tuple[int, int]], methods: list[tuple[int, int]],
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
        if _DIGIT.search(piece) and QRE.search(mask(piece)):
            # the piece holds an earlier quantity: the parameter sits between it and the cue
            tail = _NUMBER_UNIT.split(piece)[-1]
            c = _clean_param(tail, P, lang)
            if c:
                return c, extra
            break
        if piece.rstrip().endswith(")") and "(" not in piece and piece is not pieces[0]:
            extra.append(piece.strip().rstrip(")").strip())  # "产品重量（不含包装）": the parenthesis qualifies
            continue
        c = _clean_param(piece, P, lang)
        if c and _IF_VERDICT_HEAD.match(c) and P.COND_HEAD.match(c):  # an if-span that owns its criterion (_decide_role)
            c = _clean_param(_IF_VERDICT_HEAD.sub("", c, count=1), P, lang)
        if not c or P.COND_HEAD.match(c):
            continue
        if P.PRONOUN.match(c):
            return "", extra  # "It shall not exceed 0,75 mA": the parameter is the previous one or the heading's
        return c, extra
    return "", extra


@dataclass
class _Passage:
    """What every sentence of one passage shares: folded and masked text, the caller's defaults."""

    t: str
    masked: str
    lang: str
    P: object
    clause: str | None
    page: int | None
    context: str
    ctx_key: str
    method: str | None
    default_unit: str
    origin: dict | None
    bare_is_value: bool
    last_comp: dict[str, str] = field(default_factory=dict)  # the last limit's comparator per dimension
    seen: set = field(default_factory=set)  # (value, unit) of the quantities of earlier sentences (`restated`)
    limit_list: bool = False  # under a title naming limit values ("2. Grenzwerte für …"): "Staub: 0,1 g/m³" is a limit


@dataclass
class _Sentence:
    """One sentence's method, its parentheses after quantities, and the parameter carried between segments."""

    text: str
    method: str | None
    methods: list[tuple[int, int]]
    notes: dict[int, tuple[int, int, str]]
    prev_param: str = ""
    prev_key: str = ""
    prev_cond_param: str = ""
    limits_from: int = 1 << 30  # "… gelten folgende Grenzwerte: 100/ml …; 20/ml …": values after it are upper limits


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
    t = prepare(join_open_heading(context, text, lang), lang)
    if lang != "zh" and origin is None and (_COUNT_HEAD.match(context or "") or _COUNT_LINE.match(t)):
        t = _count_words(t)  # "Number: Two.": a count in words
        bare_is_value = True
    if not _ANY_NUMBER.search(t):
        return []
    px = _Passage(t, mask(t), lang, patterns_for(lang), clause, page, context, key_for(context) if context else "",
                  method, default_unit, origin, bare_is_value)
    out: list[Indicator] = []
    # a clause headed by a title naming limit values ("2. Grenzwerte für …" opened as its own clause) lists limits
    px.limit_list = lang != "zh" and bool(context) and bool(_LIMIT_TITLE.fullmatch(context.strip()))
    for s, e in sentences(t, lang):
        if lang != "zh" and _LIMIT_TITLE.match(t, s, e):
            px.limit_list = True
        elif _NEW_ITEM.match(t, s, e) or ":" not in t[s:e] and len(t[s:e].split()) >= 4:
            px.limit_list = False  # a new item, or running prose, ends the list
        out.extend(_sentence(px, s, e))
    return out


def _sentence(px: _Passage, s: int, e: int) -> list[Indicator]:
    """The indicators of one sentence, segment by segment (`；`)."""
    t = px.t
    mlist = [(m.start(), m.end(), m.group()) for m in px.P.METHOD.finditer(t, s, e)]
    qs = scan(t, px.masked, px.lang, px.default_unit, s, e)
    if not qs:
        return []
    st = _Sentence(t[s:e].strip(), mlist[0][2].strip() if mlist else px.method, [(a, b) for a, b, _ in mlist], {})
    lead = _LIMIT_COLON.search(t, s, e) if px.lang != "zh" else None
    st.limits_from = lead.end() if lead else st.limits_from
    owners = zh_alternatives(t, qs, e, lambda u, v: dim_of(u) == dim_of(v)) if px.lang == "zh" else set()
    # a parenthesis right after a quantity qualifies that quantity only: "≤0.5mA(Ⅰ类)", "≥100MΩ (DC 500V)"
    for q in qs:
        nm = _NOTE.match(t, q.end, e)
        if nm and q.kind not in ("tol",) and id(q) not in owners:
            st.notes[id(q)] = (nm.start(1), nm.end(1), nm.group(1).strip())
            st.methods.append((nm.start(), nm.end()))
    note_spans = [(x, y) for x, y, _ in st.notes.values()]
    qs = drop_restated(t, alternative_bounds(t, [q for q in qs if not any(x <= q.start < y for x, y in note_spans)], e), px.seen)
    out: list[Indicator] = []
    bounds = [s] + [m.end() for m in _SEG.finditer(t, s, e)] + [e]
    for a, b in zip(bounds, bounds[1:], strict=False):
        sq = [q for q in qs if a <= q.start < b]
        if sq:
            out.extend(_segment(px, st, a, b, sq))
    return out


def _segment(px: _Passage, st: _Sentence, a: int, b: int, sq: list[Quantity]) -> list[Indicator]:
    """The indicators of one segment t[a:b]: roles, second chances, then parameter and conditions."""
    t, P = px.t, px.P
    cond = [_with_copula(t, x, y, sq) for x, y in _cond_spans(t, a, b, P)]
    lead_if = px.lang != "zh" and _IF_LEADIN.fullmatch(t, a, b)
    for q in sq:
        _decide_role(px, q, cond, a)
        if q.role == "indicator" and px.lang != "zh" and q.comparator != "=" and in_active_subject(t, a, q.start, q.end):
            q.role = "condition"  # "A search greater than 100 % must be planned …": the bound names the subject
        if q.role == "indicator" and band_line(t, q):
            q.role = "condition"  # a line "h ≤ 0.8" over the limits that hold for it
        if lead_if and q.role == "indicator":
            q.role = "condition"  # "When the luminous flux exceeds 2,000 lumens:": the case the sub-clauses below hold for
        if (px.limit_list and ":" in t[a:q.start] or q.start >= st.limits_from) and q.kind == "one" and q.unit and not px.bare_is_value and (
                q.role == "bare" or q.role == "indicator" and q.comparator == "="):
            q.role, q.comparator = "indicator", "<="  # a value listed under limit values
    _second_chances(px, a, b, sq)
    for k, q in enumerate(sq):  # "charging time from 20 % to 80 % ... shall be 30 min or less"
        if q.kind == "rng" and q.role == "indicator" and _FROM.search(t[max(a, q.start - 8):q.start]) and any(
                r.role == "indicator" and r.comparator in ("<=", ">=", "<", ">") for r in sq[k + 1:]):
            q.role = "condition"
            cond.append((max(a, q.start - 5), q.end))
    owned = [q.start for q in sq if q.role in ("indicator", "maybe")]
    cond = [(x, y) for x, y in cond if not any(x <= s < y for s in owned)]
    conds = [_cond_text(t[x:y], st.prev_cond_param) for x, y in cond]
    for x, y in cond:
        cp = _COND_PARAM.match(t[x:y].strip())
        if cp and cp.group(1).strip():
            st.prev_cond_param = cp.group(1).strip()
    seg_inds: list[tuple[Quantity, Indicator]] = []
    last_end = a
    for q in sq:
        if q.role not in ("indicator", "maybe"):
            continue
        ind = _indicator(px, st, q, a, b, cond, conds, last_end)
        if ind is None:
            continue
        last_end = q.end
        seg_inds.append((q, ind))
        if q.unit and q.comparator in ("<=", ">=", "<", ">"):
            px.last_comp[dim_of(q.unit)] = q.comparator
    share_owner_parameter(seg_inds)
    bare = [q for q in sq if q.role == "bare"]
    seg_inds = zh_conjuncts(t, seg_inds) if px.lang == "zh" else merge_bounds(t, seg_inds)  # zh: 不低于…且不高于… two limits
    out = []
    for _q, ind in seg_inds:
        ind.conditions = list(dict.fromkeys(ind.conditions + conds + [_piece_around(t, a, b, bq) for bq in bare]))
        out.append(ind)
    return out + _settings(px, st, sq, cond)


def _second_chances(px: _Passage, a: int, b: int, sq: list[Quantity]) -> None:
    """The wording rules that revise the roles of one segment's quantities, per language."""
    t, P = px.t, px.P
    follow_owners(sq)
    if px.lang != "zh":
        scale_positions(t, sq, lambda u, v: dim_of(u) == dim_of(v))
    angular_fields(t, sq)
    if px.lang in ("en", "fr", "de"):
        if px.lang == "en":
            en_bound_wordings(t, a, sq)
        unsigned_deviations(t, sq)
        excursion_times(t, a, sq)
    if px.lang == "zh":
        invert_prohibitions(t, a, sq)
        zh_act_bounds(t, a, sq, dim_of)
        zh_allotments(t, a, sq)
        zh_protocol_values(t, a, sq, dim_of)
    share_listed_bounds(t, sq, lambda u, v: dim_of(u) == dim_of(v))
    _promote(t, a, b, sq, P, px.lang)
    respectively(t, sq)


def _settings(px: _Passage, st: _Sentence, sq: list[Quantity], cond: list[tuple[int, int]]) -> list[Indicator]:
    """Test settings inside the segment's condition spans ("bei 23 °C", "在23 °C下"): indicators of their own."""
    out = []
    applied: dict[int, Indicator] = {}
    for q in sq:
        span = _inside(q, cond) if q.role == "condition" else having_span(px.t, q) if q.role == "bare" and px.lang != "zh" else None
        if span and (is_setting(px.t, span, q, px.lang) or q.alt_of in applied):
            base = {"clause": px.clause, "page": px.page, "text": st.text, "method": st.method,
                    "origin": dict(px.origin) if px.origin else None}
            ind = applied[id(q)] = setting_indicator(px.t, span, q, px.lang, base)
            own = applied.get(q.alt_of)  # "在保持踏板力为700N（摩托车为350N）…时": the alternative is applied as well
            if own is not None:
                ind.parameter, ind.key = own.parameter, own.key
            ind.conditions.extend(c for c in q.conds if c not in ind.conditions)
            out.append(ind)
    return out


def _with_copula(t: str, x: int, y: int, sq: list[Quantity]) -> tuple[int, int]:
    """"if the overall width of the vehicle | is less than 1 300 mm": the comparison after the verb is the condition's too."""
    if _IF_HEAD.match(t, x):
        for q in sq:
            if q.cue_start >= y and _COPULA.fullmatch(t, y, q.cue_start):
                return x, q.end
    return x, y


def _decide_role(px: _Passage, q: Quantity, cond: list[tuple[int, int]], a: int) -> None:
    """Whether a quantity is an indicator, a condition, a bare value for a second chance, or dropped."""
    t, P = px.t, px.P
    span = _inside(q, cond)
    if q.alt:
        q.role = "indicator"
        return
    if q.kind == "rng" and q.vmin is not None and q.vmin == q.vmax:
        q.role = "drop"  # "1 - 1N": a formula's terms, never a range
        return
    if span and q.kind == "rng" and t[q.start] == "+" and not QRE.search(px.masked, span[0], q.start):
        span = None  # "at the other measurement points +6 % -2 %": a permitted deviation band is never a test setting
    if span and q.comparator and q.comparator != "=" and q.cue_start < q.start and (
            span[0] > q.cue_start or P.STRONG_CUE.search(t[q.cue_start:q.start])):
        span = None  # "supérieur à 0,25 mA", "with a maximum of 10 mA": the cue owns the quantity
    if span and q.comparator in ("<=", ">=", "<", ">") and _IF_VERDICT_HEAD.match(t, span[0]) and not QRE.search(px.masked, q.end, span[1]) \
            and (q.cue_start < q.start and _VERDICT.match(t, span[1]) or _VERDICT_BEFORE.search(t, a, span[0])):
        span = None  # "若…不超过30 km/h，则允许…", "if … does not exceed 1.2 mm, it is deemed to comply": the criterion
    if span and q.comparator in ("<=", ">=", "<", ">") and _FOR_SYMBOL.fullmatch(t, span[0], q.start) \
            and _LIMIT_WORD.search(t, max(a, span[0] - 30), span[0]):
        span = None  # "Prüfwert für C ≤ 0,1 Bq/l": the limit word names the bound on the symbol after "für"
    if span and _LIMIT_SPAN.match(t, span[0]) and not QRE.search(px.masked, span[0], q.start):
        span = None  # "mit einer Nachweisgrenze von 0,08 Bq/l": the limit is the value
    if span and q.kind == "rng" and px.lang != "zh" and tolerated_variation(t, span, q.start, a):
        span = None  # "shall comply … if the supply varies from -15 % to +10 %": the variation to withstand
    counted = count_of_tests(t, q.start, q.end, px.lang) if q.kind == "one" and not q.unit and (not span or px.lang == "en") else None
    if counted and q.comparator in (None, "=", ">"):
        q.role, q.comparator = "indicator", counted  # "Es sind 3 Einzelmessungen vorzunehmen", "gemittelt über 4 Quartale"
    elif q.kind in ("ip", "grade"):
        q.role = "indicator" if q.comparator or q.kind == "ip" else "maybe"
        q.comparator = q.comparator or "="
    elif q.kind == "one" and q.unit in ("%", "per cent") and _CONFIDENCE.match(t, q.end):
        q.role, q.comparator = "indicator", "="  # "at 95 % confidence level" states the level, inside its "at" frame too
    elif span or px.lang == "en" and q.comparator in ("<", "<=", ">", ">=") and leading_if(t, a, q.start, q.end):
        q.role = "condition"  # (a sentence-opening if-span too long for the span pattern: "If the figure … exceeds by more than 0,5 m-1 …")
    elif q.comparator and q.comparator != "=":
        q.role = "indicator" if (q.unit or q.comparator in ("<=", ">=", "<", ">", "range", "tolerance")) else "drop"
    elif q.comparator == "=" and (q.unit or px.bare_is_value or px.lang != "zh" and (_NAMED_VALUE.search(t, max(a, q.start - 80), q.start)
                                                                                 or _VALUE_MEANS.match(t, q.end) and _A_VALUE_OF.search(t, max(a, q.start - 20), q.start))):
        q.role = "indicator"
    elif px.bare_is_value:
        q.role = "indicator"
        q.comparator = "="
        q.bare = True
    elif q.unit and (px.lang == "zh" and (_juxtaposed(t, a, q) or _zh_setting(t, a, q) or _ZH_SIZE_OF.match(t, q.end))):
        q.role = "indicator"
        q.comparator = "="
    elif q.unit:
        q.role = "bare"
    else:
        q.role = "drop"
    if q.role == "indicator" and q.comparator == "=" and _LIMIT_REF.search(t, max(a, q.start - 60), q.start):
        q.role = "condition"  # "die Verwendung des Prüfwertes von 0,1 Bq/l": a reference to a limit stated elsewhere
    if q.role == "indicator" and q.comparator == "=" and px.lang == "en" and (extreme := named_extreme(t, a, q.start, q.end)):
        q.comparator = extreme  # "a maximum mounting height of 2,500 mm"
    if q.kind == "one" and _REDUCED_FROM.match(t, q.end):
        q.role = "drop"  # "the downward angle of 15° may be reduced to 5°": 15° is the general value
    elif q.kind == "one" and q.unit and (changed := changed_limit(t, a, q.start, px.last_comp.get(dim_of(q.unit)))):
        q.role = "indicator"  # the reduced value keeps the bound of the same quantity stated before (or the limit named)
        q.comparator = changed


def _indicator(px: _Passage, st: _Sentence, q: Quantity, a: int, b: int, cond: list[tuple[int, int]], conds: list[str],
               last_end: int) -> Indicator | None:
    """The Indicator of a quantity kept as one, with parameter and key; None for an ambient value or a keyless grade."""
    t = px.t
    param, extra = _param_before(t, px.masked, a, q, cond, st.methods, px.P, px.lang)
    key = key_for(param)
    if param and not key and _CLASSY.search(param) and (st.prev_key or px.ctx_key):
        extra.append(param)
        param, key = (st.prev_param, st.prev_key) if st.prev_key else (px.context, px.ctx_key)
    if not param:
        param, key = (st.prev_param, st.prev_key) if st.prev_param else (px.context, px.ctx_key)
    canon = canon_of(q)
    if not key or not fits(key, canon):
        # the first candidate whose dimension fits: the text before, the heading, the whole segment
        cands = [key_for(_without(t, max(a, last_end), q.start, cond)), px.ctx_key, key_for(_without(t, max(a, last_end), b, cond))]
        key = next((k for k in cands if k and (q.ordinal or fits(k, canon))), key)
    if q.role == "maybe" and not px.bare_is_value and not (key and ("grade" in key or key == "ip_code")):
        return None
    if q.comparator == "=" and not q.bare and (_LIMIT_WORD.search(param) or _LIMIT_WORD.search(t[max(a, q.cue_start - 12):q.cue_start])):
        q.comparator = "<="  # "ein Grenzwert von 55 °C", "限值为80K": a stated limit is an upper bound
    if q.comparator == "=" and key in _AMBIENT:
        q.role = "condition"
        conds.append(t[q.cue_start:q.end].strip())
        return None
    param = parameter_name(param, key, px.context, px.lang)  # a fragment ("将供电电压", "of diameter") -> the noun phrase
    st.prev_param, st.prev_key = param, key
    ind = make(
        parameter=param, comparator=q.comparator or "=", unit=q.unit,
        value=q.value if q.kind != "rng" else None, vmin=q.vmin, vmax=q.vmax, key=key,
        conditions=extra, method=st.method, clause=px.clause, page=px.page, text=st.text,
        origin=dict(px.origin) if px.origin else None, ordinal=q.ordinal,
    )
    ind._bare = q.bare  # read by tables._apply_hint; not serialised
    if id(q) in st.notes:
        ind.conditions.append(st.notes[id(q)][2])
    ind.conditions.extend(c for c in q.conds if c not in ind.conditions)
    return ind


# a Chinese test setting stated by its value: "以10 km/h的速度", "照射在距离10 m的屏幕上", "以2 000 r/min的转速"
_ZH_SET_LEFT = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[，,、；:：]))以\s*$|(?:距离|相距|间距)\s*$")
_ZH_SET_RIGHT = re.compile(r"\s*的\s*(?:[\u4e00-\u9fff]{0,4}?(?:速度|车速|转速|频率|压力|电压|电流|力|加速度|角速度|流量|屏幕|距离|位置|高度|处))")
# a size that names a thing by it: "将0.8m高的试验台", "放置0.5 mm厚的绝缘垫", "采用2mm厚的钢板"
_ZH_SIZE_OF = re.compile(r"\s*(?:高|厚|长|宽|深)的|\s*(?:高)?的\s*(?:桌面|台面|工作台|试验台|平台)")  # "固定于80cm的桌面之上"
# the confidence level a statement of uncertainty holds at ("all uncertainties at 95 % confidence level"): a stated value
_CONFIDENCE = re.compile(r"(?i)\s*(?:confidence|coverage)\s+(?:level|probability|interval)\b"
                         r"|\s*(?:Vertrauensniveau|Konfidenzniveau|niveau\s+de\s+confiance)|\s*置信(?:水平|度|概率)")
_REDUCED_FROM = re.compile(r"(?i)\s*(?:may|can|shall|could)\s+be\s+(?:reduced|increased|extended|decreased)\s+to\b")
# a lead-in that only names a case, no modal, ending with a colon: the sub-clauses or items after it state the limits
_IF_LEADIN = re.compile(r"(?i)\s*(?:if|when|where|wenn|falls|sofern|lorsque|si)\b(?![^:;]*\b(?:shall|must|should|may|muss|müssen|doit|doivent)\b)[^:;]*:\s*")
_IF_HEAD = re.compile(r"(?i)\s*(?:if|when|where|unless|provided\s+that|wenn|falls|sofern|si|lorsque)\b")
_COPULA = re.compile(r"(?i)\s*(?:is|are|ist|sind|est|sont)\s*")
_AND_NEXT = re.compile(r"(?i)\s*[A-Za-zÀ-ÿ-]{0,15}\s*,?\s*(?:and|or|und|oder|et|ou|to|bis|à)\s*")
# a unitless value stated for a named attribute: "(dataCodingFormat = 2)", "the value of the grid dimension … is 2"
_NAMED_VALUE = re.compile(r"(?:\b[a-z]+[A-Z][A-Za-z]*|\b[A-Za-z]{3,}_[A-Za-z_]+)\s*=\s*$"
                          r"|(?i:\bthe\s+value\s+of\s+(?:the\s+)?[^.;,=]{1,60}?\s+(?:is|shall\s+be)\s*)$")
# a value a scale defines: "A value of 1 represents zero transparency"
_A_VALUE_OF = re.compile(r"(?i)\ba\s+value\s+of\s*$")
_VALUE_MEANS = re.compile(r"(?i)\s*(?:represents|means|indicates|denotes|stands\s+for|corresponds\s+to)\b")
# the next line of a list of stated values: "β = 45° to right and to left if …,\n45° outwards and 30° inwards if …"
_NEXT_LINE = re.compile(r"[^\n;:]{0,80},[ \t]*\n[ \t]*")
_DURATION_CUE = re.compile(r"(?i)持续|历时|保持|时间|\bfor\b|pendant|\bfür\b|während|during|durée|dauer")


def _promote(t: str, a: int, b: int, sq: list[Quantity], P, lang: str) -> None:
    """Second chances for quantities without a cue of their own."""
    prev = None
    for q in sq:
        if q.role == "condition" and prev is not None and re.fullmatch(
                r"(?i)[^,;]{0,30}\b(?:and|et|und|or|ou|oder)\s+(?:à|at|to|bei|auf)\s*", t[prev.end:q.start]):
            q.role = "bare"  # "limité à 0,1 mA en condition normale et à 0,5 mA ..."
        if q.role == "bare" and prev is not None and prev.comparator in ("<=", ">=", "<", ">") and q.unit \
                and (dim_of(q.unit) == dim_of(prev.unit) or counted(q.unit) and counted(prev.unit)) and (re.search(r"(?i)\b(?:and|or|und|oder|et|ou)\b|和|或|及", t[prev.end:q.start])
                                                         or re.fullmatch(r"\s*、\s*", t[prev.end:q.start])) \
                and len(t[prev.end:q.start]) < 40:
            q.role, q.comparator = "indicator", prev.comparator  # "limited to 0.1 mA ... and 0.5 mA ..."
        elif q.role == "bare" and prev is not None and prev.comparator == "=" and lang != "zh" and q.unit \
                and dim_of(q.unit) == dim_of(prev.unit) and (_AND_NEXT.fullmatch(t[prev.end:q.start]) or _NEXT_LINE.fullmatch(t[prev.end:q.start])):
            q.role, q.comparator = "indicator", "="  # "Horizontal angle: 45° inwards and 80° outwards"
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
        if q.role in ("bare", "condition") and q.kind == "one" and q.unit and not q.alt and (
                any(key_kind(k) == "test-level" for k in keys_in(t[a:q.start]))
                or q.unit == "°" and any(key_kind(k) == "test-level" for k in keys_in(t[q.end:b]))) \
                and not _DURATION_CUE.search(t[max(a, q.start - 12):q.start]):
            q.role, q.comparator = "indicator", "="
            break


def _zh_setting(t: str, a: int, q: Quantity) -> bool:
    """A value a Chinese test sets (以…的速度, 距离…的屏幕): `以`/`距离` right before it, `的` + what it sets after."""
    return bool(_ZH_SET_LEFT.search(t[max(a, q.start - 6):q.start]) and _ZH_SET_RIGHT.match(t, q.end))


def _juxtaposed(t: str, a: int, q: Quantity) -> bool:
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


def _piece_around(t: str, a: int, b: int, q: Quantity) -> str:
    """The comma-delimited piece of a segment that holds a bare quantity (a condition)."""
    left = max(t.rfind(ch, a, q.start) for ch in "，,:：") + 1
    rights = [i for i in (t.find(ch, q.end, b) for ch in "，,") if i != -1]
    right = min(rights) if rights else b
    return t[max(left, a):right].strip(" 。.;；")

