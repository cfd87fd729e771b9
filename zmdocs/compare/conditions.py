"""Test conditions and methods of two indicators: same, harsher, milder, or different in a way we cannot judge.

Conditions are free text in any language, so they are reduced to a language-independent
signature: quantities (number + unit, or a multiple of a rated value) and concept tags from a
small multilingual lexicon (protection class, cold / operating temperature, after humidity…).
Only differences we can read count; unreadable wording differences are noted, not judged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zmdocs.compare.values import conversion, fmt_number

# concept group -> {tag: pattern}; two indicators whose tags in one group differ are not comparable.
_TAGS: dict[str, dict[str, str]] = {
    "class": {
        "class-0I": r"0I\s*类|class\s*0I\b|Schutzklasse\s*0I|classe\s*0I",
        "class-III": r"(?<![0I])III\s*类|class\s*III\b|Schutzklasse\s*III|classe\s*III",
        "class-II": r"(?<![0I])II\s*类|class\s*II\b|Schutzklasse\s*II\b|classe\s*II\b|Ⅱ\s*类",
        "class-I": r"(?<![0I])I\s*类|class\s*I\b|Schutzklasse\s*I\b|classe\s*I\b|Ⅰ\s*类",
    },
    "state": {
        "cold": r"冷态|\bcold\b|kalt|à froid",
        "operating": r"工作温度|运行温度|operating temperature|Betriebstemperatur|température de (?:régime|fonctionnement)",
    },
    "humidity": {
        "after-humidity": r"潮湿(?:处理|试验)后|after (?:the )?humidity|nach (?:der )?Feuchte|après (?:le )?traitement humide",
    },
    "insulation": {
        "reinforced": r"加强绝缘|reinforced insulation|verstärkte[rn]? Isolierung|isolation renforcée",
        "supplementary": r"附加绝缘|supplementary insulation|zusätzliche[rn]? Isolierung|isolation supplémentaire",
        "basic": r"基本绝缘|basic insulation|Basisisolierung|isolation principale",
    },
    "mounting": {
        "portable": r"便携式|portable|ortsveränderlich",
        "stationary": r"驻立式|固定式|stationary|ortsfest|fixe",
    },
}
_TAG_RE = {g: [(t, re.compile(p, re.I)) for t, p in d.items()] for g, d in _TAGS.items()}

_MULT_RE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:倍|times|fache[ns]?|fois)", re.I)
_NUM_UNIT_RE = re.compile(r"(\d+(?:[ .,]\d{3})*(?:[.,]\d+)?)\s*")
# Dimensions where a bigger condition value is known to be harsher for the product.
_HARSHER_WHEN_HIGHER = {"V": "test voltage", "s": "duration", "cycles": "number of cycles", "×rated": "multiple of the rated value"}


@dataclass
class Signature:
    """What we could read from the conditions: tags per group and quantities per canonical unit."""

    tags: dict[str, str] = field(default_factory=dict)
    quantities: dict[str, float] = field(default_factory=dict)
    text: str = ""


def signature(conditions: list[str] | None) -> Signature:
    """Reduce condition texts to tags and quantities."""
    text = " ; ".join(c for c in (conditions or []) if c)
    sig = Signature(text=text)
    if not text:
        return sig
    for group, pats in _TAG_RE.items():
        for tag, rx in pats:
            if rx.search(text):
                sig.tags[group] = tag
                break
    for m in _MULT_RE.finditer(text):
        sig.quantities["×rated"] = float(m.group(1).replace(",", "."))
    for unit, value in _quantities(_MULT_RE.sub(" ", text)):
        sig.quantities.setdefault(unit, value)
    return sig


def _quantities(text: str) -> list[tuple[str, float]]:
    try:
        from zmdocs.indicators.units import UNIT_RE, unit_symbol
    except ImportError:  # pragma: no cover
        return []
    out = []
    for m in _NUM_UNIT_RE.finditer(text):
        um = UNIT_RE.match(text, m.end())
        if not um:
            continue
        num = m.group(1).replace(" ", "")
        num = num.replace(",", ".") if num.count(",") == 1 and "." not in num else num.replace(",", "")
        try:
            v = float(num)
        except ValueError:
            continue
        sym = unit_symbol(um.group(0))
        canon, f, off = conversion(sym)
        if canon:
            out.append((canon, v * f + off))
    return out


@dataclass
class ConditionVerdict:
    """How the draft's conditions relate to the reference's: same, harsher, milder, different, unknown."""

    relation: str
    reason: str = ""
    note: str = ""


def compare_conditions(draft: list[str] | None, ref: list[str] | None) -> ConditionVerdict:
    """Compare two condition lists as far as they can be read."""
    a, b = signature(draft), signature(ref)
    if not a.text and not b.text:
        return ConditionVerdict("same")
    if not a.text or not b.text:
        side = "draft" if a.text else "reference"
        return ConditionVerdict("same", note=f"conditions stated only in the {side}: {a.text or b.text}")
    for group in set(a.tags) & set(b.tags):
        if a.tags[group] != b.tags[group]:
            return ConditionVerdict("different", f"different conditions: {a.tags[group]} vs {b.tags[group]}")
    harsher, milder, unknown = [], [], []
    for unit in set(a.quantities) & set(b.quantities):
        va, vb = a.quantities[unit], b.quantities[unit]
        if abs(va - vb) <= 1e-9 * max(abs(va), abs(vb), 1.0):
            continue
        what = _HARSHER_WHEN_HIGHER.get(unit)
        desc = f"{what or unit}: {fmt_number(va)} vs {fmt_number(vb)}{'' if unit == '×rated' else ' ' + unit}"
        if what is None:
            unknown.append(desc)
        elif va > vb:
            harsher.append(desc)
        else:
            milder.append(desc)
    if unknown or (harsher and milder):
        return ConditionVerdict("different", "different test conditions whose severity cannot be judged ("
                                + "; ".join(unknown + harsher + milder) + ")")
    if harsher:
        return ConditionVerdict("harsher", "harsher test condition in the draft (" + "; ".join(harsher) + ")")
    if milder:
        return ConditionVerdict("milder", "milder test condition in the draft (" + "; ".join(milder) + ")")
    only = set(a.quantities) ^ set(b.quantities)
    note = "conditions worded differently" if a.text != b.text else ""
    if only:
        note = "condition quantities given on one side only: " + ", ".join(sorted(only))
    return ConditionVerdict("same", note=note)


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
            return ConditionVerdict("different", f"different test methods: {draft} vs {ref}")
    return ConditionVerdict("same", note="" if shared or not (a and b) else f"methods cite different standards ({draft} / {ref})")
