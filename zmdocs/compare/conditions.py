"""Test conditions and methods of two indicators: same, harsher, milder, or different in a way we cannot judge.

Conditions are free text in any language, so they are reduced to a language-independent
signature: quantities (number + unit, or a multiple of a rated value) and concept tags from a
small multilingual lexicon (protection class, cold / operating temperature, after humidity…).
Only differences we can read count; unreadable wording differences are noted, not judged.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field

from zmdocs.compare.result import Reason
from zmdocs.compare.values import conversion, fmt_number
from zmdocs.text.gridpoints import point_tag
from zmdocs.text.numbers import parse_number

# concept group -> {tag: pattern}; two indicators whose tags in one group differ are not comparable.
_TAGS: dict[str, dict[str, str]] = {
    "class": {
        "class-0I": r"0\s*[IⅠ]\s*类",
        "class-0": r"(?<![0-9IⅠ.])0\s*类",
        "class-III": r"(?:III|Ⅲ)\s*类",
        "class-II": r"(?<![IⅠ0])(?:II|Ⅱ)\s*类",
        "class-I": r"(?<![IⅠⅡ0])(?:I|Ⅰ)\s*类",
    },
    "state": {
        "cold": r"冷态|\bcold\b|kalt|à froid",
        "operating": r"工作温度|运行温度|operating temperature|Betriebstemperatur|température de (?:régime|fonctionnement)",
        "after-humidity": r"潮湿(?:处理|试验)后|after (?:the )?humidity|nach (?:der )?Feuchte|après (?:le )?traitement humide",
    },
    "insulation": {
        "reinforced": r"加强绝缘|reinforced insulation|verstärkte[rn]? Isolierung|isolation renforcée",
        "supplementary": r"附加绝缘|supplementary insulation|zusätzliche[rn]? Isolierung|isolation supplémentaire",
        "basic": r"基本绝缘|basic insulation|Basisisolierung|isolation principale",
    },
    "material": {
        "metal": r"金属|\bmetal(?:lic)?\b|\bMetall|\bmétal",
        "ceramic-glass": r"陶瓷|玻璃|porcelain|ceramic|\bglass\b|Porzellan|Keramik|\bGlas\b|porcelaine|céramique|\bverre\b",
        "plastic": r"塑料|模制材料|塑胶|mou?lded material|plastics?\b|Kunststoff|Formstoff|matière moulée|plastique",
    },
    "mounting": {
        "portable": r"便携式|portable|ortsveränderlich",
        "stationary": r"驻立式|固定式|stationary|ortsfest|fixe",
    },
}
_TAG_RE = {g: [(t, re.compile(p, re.I)) for t, p in d.items()] for g, d in _TAGS.items()}
# "class 0, 0I and III appliances", "Schutzklasse I", "classe II": a Latin list of protection classes
_CLASS_LIST_RE = re.compile(r"\b(?:class(?:es)?|Schutzklassen?|classes?)\s+((?:0I|0|III|II|I)\b(?:\s*(?:,|and|or|und|oder|et|ou)\s*(?:0I|0|III|II|I)\b)*)",
                            re.I)

_MULT_RE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:倍|times|fache[ns]?|fois)", re.I)
_NUM_UNIT_RE = re.compile(r"(\d+(?:[ .,]\d{3})*(?:[.,]\d+)?)\s*")
# Dimensions where a bigger condition value is known to be harsher for the product (the report names the quantity).
_HARSHER_WHEN_HIGHER = {"V": "test-voltage", "s": "duration", "cycles": "cycles", "×rated": "rated-multiple"}


def without_own_multiple(conditions: list[str], value) -> list[str]:
    """The conditions without the limit's own value restated as a multiple ('… MPE 绝对值的0.5倍' where the limit is
    0.5, '0.7 times the MPE' where it is 0.7): that is what the limit is a share of, not a test at a multiple."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return list(conditions)

    def blank(m: re.Match) -> str:
        v = parse_number(m.group(1), "fr")
        return " " if v is not None and abs(float(v) - value) <= 1e-9 * max(1.0, abs(value)) else m.group(0)

    return [_MULT_RE.sub(blank, c) if c else c for c in conditions]


@dataclass
class Signature:
    """What we could read from the conditions: tags per group and quantities per canonical unit."""

    tags: dict[str, frozenset] = field(default_factory=dict)  # group -> the tags found (a list of classes…)
    quantities: dict[str, float] = field(default_factory=dict)
    bands: dict[str, tuple] = field(default_factory=dict)  # applicability bands (≤60 V, >5 kW…) per unit
    text: str = ""
    written: dict[str, str] = field(default_factory=dict)  # canonical unit -> the quantity as written ('1 min', '1.7 L')


def signature(conditions: list[str] | None, context: str = "") -> Signature:
    """Reduce condition texts (plus context such as the parameter's own wording) to tags and quantities."""
    return _signature(tuple(conditions or ()), context)


@functools.lru_cache(maxsize=65536)
def _signature(conditions: tuple[str, ...], context: str) -> Signature:
    own = " ; ".join(c for c in conditions if c)
    sig = Signature(text=own)
    point, rest = point_tag(conditions)  # a grid point ("10U 10L"): a tag, never a quantity (10 L)
    if point:
        sig.tags["point"] = frozenset({point})
    text = " ; ".join(x for x in (" ; ".join(c for c in rest if c), context) if x)
    if not text:
        return sig
    for group, pats in _TAG_RE.items():
        found = {tag for tag, rx in pats if rx.search(text)}
        if group == "class":
            for m in _CLASS_LIST_RE.finditer(text):
                found |= {f"class-{c.upper()}" for c in re.findall(r"0I|0|III|II|I", m.group(1), re.I)}
        if found:
            sig.tags[group] = frozenset(found)
    for m in _MULT_RE.finditer(text):
        sig.quantities["×rated"] = float(parse_number(m.group(1), "fr") or 0.0)  # a multiplier has no thousands
    for unit, value, band in _quantities(_MULT_RE.sub(" ", text), sig.written):
        if band:
            sig.bands[unit] = tuple(sorted(set(sig.bands.get(unit, ())) | {(band, value)}))
        else:
            sig.quantities.setdefault(unit, value)
    return sig


_BAND_BEFORE = re.compile(r"(?:[≤≥<>＜＞~～\-–]|以上|以下|不超过|不大于|不小于|不高于|不低于|超过|大于|小于|高于|低于|至|up to|above|below|over|"
                          r"more than|less than|exceeding|not exceeding|bis|über|unter|jusqu'à|au-dessus de)\s*$", re.I)
_BAND_AFTER = re.compile(r"^\s*(?:[~～\-–]|以上|以下|及以上|及以下|时|or (?:more|less)|and (?:above|below)|oder mehr)", re.I)


def _quantities(text: str, written: dict[str, str] | None = None) -> list[tuple[str, float, str]]:
    """(canonical unit, value, band operator) of every quantity in `text`; `written` gets each unit's first one as written."""
    from zmdocs.indicators.units import UNIT_RE, unit_symbol  # pint is heavy: loaded when conditions are read
    out = []
    rng = re.compile(r"([＞>≥])?\s*(\d+(?:[.,]\d+)?)\s*(?:～|~|–|至|-)\s*(\d+(?:[.,]\d+)?)\s*(?=" + UNIT_RE.pattern + ")")
    for m in list(rng.finditer(text)):
        um = UNIT_RE.match(text, m.end())
        canon, f, off = conversion(unit_symbol(um.group(0)))
        if not canon:
            continue
        lo, hi = (float(parse_number(x) or 0.0) * f + off for x in (m.group(2), m.group(3)))
        out += [(canon, lo, ">" if m.group(1) in ("＞", ">") else "≥"), (canon, hi, "≤")]
        text = text[:m.start()] + " " * (um.end() - m.start()) + text[um.end():]
    for m in _NUM_UNIT_RE.finditer(text):
        um = UNIT_RE.match(text, m.end())
        if not um:
            continue
        v = parse_number(m.group(1))  # the one reading of numbers: 1,250 is 1250, 0,5 is 0.5
        if v is None:
            continue
        v = float(v)
        sym = unit_symbol(um.group(0))
        canon, f, off = conversion(sym)
        if canon:
            before = _BAND_BEFORE.search(text[max(0, m.start() - 12):m.start()])
            after = _BAND_AFTER.match(text[um.end():um.end() + 8])
            band = _band_op(before.group(0) if before else "", after.group(0) if after else "") if (before or after) else ""
            out.append((canon, v * f + off, band))
            if written is not None:
                written.setdefault(canon, f"{m.group(1).strip()} {um.group(0).strip()}")
    return out


@dataclass
class ConditionVerdict:
    """How the draft's conditions relate to the reference's: same, harsher, milder, different, unknown."""

    relation: str
    reason: Reason | None = None  # why different / harsher / milder (codes `cond.*`, `method.different`)
    notes: list[Reason] = field(default_factory=list)  # what differs without deciding (codes `note.*`)


def compare_conditions(draft: list[str] | None, ref: list[str] | None, draft_context: str = "",
                       ref_context: str = "") -> ConditionVerdict:
    """Compare two condition lists (with the parameters' wording as context) as far as they can be read."""
    a, b = signature(draft, draft_context), signature(ref, ref_context)
    if not (a.text or a.tags or a.quantities or a.bands) and not (b.text or b.tags or b.quantities or b.bands):
        return ConditionVerdict("same")
    for group in set(a.tags) & set(b.tags):
        if not a.tags[group] & b.tags[group]:
            return ConditionVerdict("different", Reason("cond.tags-differ", {"draft": _tags(a.tags[group]), "ref": _tags(b.tags[group])}))
    for unit in set(a.bands) & set(b.bands):
        if not bands_agree(a.bands[unit], b.bands[unit]):
            return ConditionVerdict("different", Reason("cond.bands-differ", {"draft": _band(a.bands[unit], unit),
                                                                               "ref": _band(b.bands[unit], unit)}))
    harsher, milder, unknown = [], [], []
    for unit in set(a.quantities) & set(b.quantities):
        va, vb = a.quantities[unit], b.quantities[unit]
        if abs(va - vb) <= 1e-9 * max(abs(va), abs(vb), 1.0):
            continue
        what = _HARSHER_WHEN_HIGHER.get(unit)
        desc = {"quantity": what or "", "unit": unit, "draft": fmt_number(va), "ref": fmt_number(vb)}
        if what is None:
            unknown.append(desc)
        elif va > vb:
            harsher.append(desc)
        else:
            milder.append(desc)
    if unknown or (harsher and milder):
        return ConditionVerdict("different", Reason("cond.severity-unknown", {"items": unknown + harsher + milder}))
    if harsher:
        return ConditionVerdict("harsher", Reason("cond.harsher", {"items": harsher}))
    if milder:
        return ConditionVerdict("milder", Reason("cond.milder", {"items": milder}))
    if any(a.bands[u] != b.bands[u] for u in set(a.bands) & set(b.bands)):
        return ConditionVerdict("same", notes=[Reason("note.bands-overlap", {"pairs": [
            [_band(a.bands[u], u), _band(b.bands[u], u)] for u in set(a.bands) & set(b.bands) if a.bands[u] != b.bands[u]]})])
    only = set(a.quantities) ^ set(b.quantities)
    note = Reason("note.worded-differently") if a.text and b.text and a.text != b.text else None
    if bool(a.text) != bool(b.text):
        note = Reason("note.only-draft" if a.text else "note.only-ref", {"text": a.text or b.text})
    if only:  # each as its side writes it ('1 min' of the draft), not the bare canonical unit
        said = [{"side": "draft" if u in a.quantities else "ref", "text": (a.written if u in a.quantities else b.written).get(u, u)}
                for u in sorted(only)]
        note = Reason("note.one-side-quantities", {"units": sorted(only), "said": said})
    return ConditionVerdict("same", notes=[note] if note else [])


_OPS = [("≤", r"≤|不超过|不大于|不高于|以下|及以下|up to|not exceeding|or less|and below|bis|jusqu'à"),
        ("≥", r"≥|不小于|不低于|以上|及以上|or more|and above|oder mehr"),
        ("<", r"<|＜|小于|低于|below|less than|unter"),
        (">", r">|＞|超过|大于|高于|above|over|more than|exceeding|über|au-dessus de"),
        ("~", r"[~～\-–]|至")]


def _tags(tags: frozenset) -> str:
    return "/".join(sorted(tags))


def _band_op(before: str, after: str) -> str:
    """The normalised operator of an applicability band around a number ("~" for a range end)."""
    for op, pat in _OPS:
        if re.search(pat, before.strip(), re.I):
            return op
    for op, pat in _OPS:
        if re.search(pat, after.strip(), re.I):
            return op
    return "when"


def _band_interval(band: tuple) -> tuple[float, float, bool, bool]:
    """(lo, hi, lo_open, hi_open) of an applicability band such as ≤1 kW, >60～125 V, ≥1 800 W."""
    lo, hi, lo_open, hi_open = -math.inf, math.inf, True, True
    tilde = sorted(v for op, v in band if op == "~")
    for op, v in band:
        if op in ("≥", ">") and v >= lo:
            lo, lo_open = v, op == ">"
        elif op in ("≤", "<") and v <= hi:
            hi, hi_open = v, op == "<"
    if len(tilde) >= 2:
        lo, hi, lo_open, hi_open = max(lo, tilde[0]), min(hi, tilde[-1]), lo_open and lo > tilde[0], False
    elif len(tilde) == 1 and hi == math.inf:
        hi, hi_open = tilde[0], False
    if lo == -math.inf and hi == math.inf:  # "when 1 kW": a point
        vals = [v for _, v in band]
        return (vals[0], vals[0], False, False) if vals else (lo, hi, True, True)
    return lo, hi, lo_open, hi_open


def bands_agree(a: tuple, b: tuple) -> bool:
    """Whether two applicability bands overlap (then the limits apply to some of the same products)."""
    alo, ahi, alo_o, ahi_o = _band_interval(a)
    blo, bhi, blo_o, bhi_o = _band_interval(b)
    if ahi < blo or bhi < alo:
        return False
    if ahi == blo and (ahi_o or blo_o):
        return False
    if bhi == alo and (bhi_o or alo_o):
        return False
    return True


def _band(band: tuple, unit: str) -> str:
    return ", ".join(f"{'' if op == 'when' else op}{fmt_number(v)} {unit}" for op, v in band)


_STD_RE = re.compile(r"\b(ISO/IEC|ISO|IEC|EN|DIN|ASTM|UL|JIS|GB/T|GB|[A-Z]{2}/T)\s*([A-Z]?\s?\d[\d.\-]*)", re.I)


def compare_methods(draft: str | None, ref: str | None) -> ConditionVerdict:
    """Different test methods are not comparable when both cite standards of one family with other numbers."""
    if not draft or not ref:
        return ConditionVerdict("same")
    a = {(m.group(1).upper(), m.group(2).replace(" ", "").rstrip(".-")) for m in _STD_RE.finditer(draft)}
    b = {(m.group(1).upper(), m.group(2).replace(" ", "").rstrip(".-")) for m in _STD_RE.finditer(ref)}
    fam_a, fam_b = {f for f, _ in a}, {f for f, _ in b}
    shared = fam_a & fam_b
    for fam in shared:
        na = {n.split("-")[0] if fam in ("GB", "GB/T") else n for f, n in a if f == fam}
        nb = {n.split("-")[0] if fam in ("GB", "GB/T") else n for f, n in b if f == fam}
        if not na & nb:
            return ConditionVerdict("different", Reason("method.different", {"draft": draft, "ref": ref}))
    if shared or not (a and b):
        return ConditionVerdict("same")
    return ConditionVerdict("same", notes=[Reason("note.methods-differ", {"draft": draft, "ref": ref})])
