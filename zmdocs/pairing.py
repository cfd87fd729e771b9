"""Whether two indicators set the same parameter: the one pairing engine of align, compare and check.

"Same parameter" is decided in one order everywhere: the glossary keys when both sides have one
(equal keys pair, two different keys never do: `same_parameter`, `keys_conflict`), else the
similarity of the parameter texts (sentence embeddings, any language) above SIM_THRESHOLD —
SIM_WITH_WORDS when the texts share most of the parameter's words (`similarity_match`) — and
always within one unit dimension (`dimension`, `compatible`: mA never pairs with dB). Each
stage keeps only its own policy on top: align's soft scores, compare's tiers and annex preference,
check's product-name matching.

The clause context takes part too: the glossary's subjects (what a requirement is about — a lamp, a
part, a vehicle system or class, a kind of test, a pollutant, an EMC phenomenon or port), named in the
parameter, its conditions, the start of its sentence and the heading paths with table captions
(`heading_paths`, `subjects_in`, `subject_agreement`). Limits of one parameter for two different
subjects of one group never pair (the mounting height of a rear fog lamp is not the day-time running
lamp's, the handle's temperature rise not the windings'); a shared subject lowers the similarity a
counterpart needs, as a shared clause number does, and stands in for shared words across languages.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from zmdocs.model import Indicator
from zmdocs.text.numbers import parse_number
from zmdocs.text.runs import shares_run
from zmdocs.text.temperature import temperature_dimension

SIM_THRESHOLD = 0.5  # cosine of the multilingual default model; unrelated parameters score ~0.1-0.4
SIM_WITH_WORDS = 0.3  # a lower similarity suffices when the texts share most of the parameter's words
WORDS_SHARE = 0.6  # ... "most": this share of the draft parameter's words
SAME_CLAUSE_BONUS = 0.15  # an adoption keeps clause numbers (GB 13.2 = IEC 13.2)
SAME_SUBJECT_BONUS = 0.15  # both heading paths name the same subject (日间行车灯 = Day-time running lamp)
RESTATED_RUN = 8  # two sentences sharing a run of this many words word for word: one restates the other
RESTATED_BONUS = 0.15  # ... which speaks for the pair as a shared clause number does


# --- units and dimensions -------------------------------------------------------------------


@functools.lru_cache(maxsize=1024)
def unit_dimension(unit: str) -> str | None:
    """The canonical unit of a written unit: "" for none, None when the unit is unknown."""
    from zmdocs.indicators.units import conversion, unit_symbol

    u = (unit or "").strip()
    if not u:
        return ""
    return conversion(unit_symbol(u))[0]


def _written_dimension(unit: str) -> str:
    """A unit's dimension for pairing: canonical (temperatures folded), an unknown unit as written."""
    d = unit_dimension(unit or "")
    return temperature_dimension(d if d is not None else (unit or "").strip())


def units_compatible(ua: str, ub: str) -> bool:
    """Whether limits in these two written units can be judged against each other."""
    return _written_dimension(ua) == _written_dimension(ub)


def dimension(ind: Indicator) -> str:
    """The indicator's dimension for pairing: 'ordinal:<scale>', the canonical unit ('°C' also for K),
    an unknown unit as written, '' for none. Two indicators pair only within one dimension."""
    if ind.ordinal:
        return f"ordinal:{ind.ordinal.get('scale', '')}"
    norm = (ind.normalized or {}).get("unit")
    return temperature_dimension(str(norm).strip()) if norm else _written_dimension(ind.unit or "")


def same_dimension(a: Indicator, b: Indicator) -> bool:
    return dimension(a) == dimension(b)


def bound_side(ind: Indicator) -> str:
    """upper | lower | range | ordinal | … : which way the limit bounds (an '=' on a directed level counts)."""
    if ind.ordinal:
        return "ordinal"
    if ind.comparator == "=" and ind.direction in ("lower-is-stricter", "higher-is-stricter"):
        return "upper" if ind.direction == "lower-is-stricter" else "lower"
    return {"<=": "upper", "<": "upper", ">=": "lower", ">": "lower"}.get(ind.comparator, ind.comparator)


def compatible(a: Indicator, b: Indicator) -> bool:
    """Same unit dimension and the same kind of bound (a range pairs with either), so the two can be judged."""
    sa, sb = bound_side(a), bound_side(b)
    return same_dimension(a, b) and (sa == sb or "range" in (sa, sb))


# --- keys -------------------------------------------------------------------------------------


def same_key(a: Indicator, b: Indicator) -> bool:
    """Both carry a glossary key and it is the same one."""
    return bool(a.key) and a.key == b.key


def same_parameter(a: Indicator, b: Indicator) -> bool:
    """Paired without any similarity: `a`'s key is `b`'s, or (when `a` has none) the same parameter name."""
    if a.key:
        return same_key(a, b)
    p = re.sub(r"\s+", "", (a.parameter or "").lower())
    return bool(p) and re.sub(r"\s+", "", (b.parameter or "").lower()) == p


def keys_conflict(a: Indicator, b: Indicator) -> bool:
    """Both carry a glossary key and they differ: never the same parameter."""
    return bool(a.key) and bool(b.key) and a.key != b.key


def key_matrices(inds_a: list[Indicator], inds_b: list[Indicator]):
    """(same_key, keys_conflict) as boolean [A × B] arrays, for scoring many pairs at once."""
    import numpy as np

    ka = np.array([i.key or "" for i in inds_a], dtype=object)
    kb = np.array([i.key or "" for i in inds_b], dtype=object)
    both = (ka != "")[:, None] & (kb != "")[None, :]
    eq = ka[:, None] == kb[None, :]
    return eq & both, ~eq & both


# --- clauses and texts ------------------------------------------------------------------------


def clause_number(ind: Indicator) -> str:
    """The clause number of the indicator ('13.2' of 'GB 4706.19—2024#13.2')."""
    c = ind.clause or ""
    return c.split("#", 1)[1] if "#" in c else c


def same_clause(a: Indicator, b: Indicator) -> bool:
    n = clause_number(a)
    return bool(n) and n == clause_number(b)


@functools.lru_cache(maxsize=8192)
def _words(text: str) -> frozenset[str]:
    low = text.lower()
    cjk = re.findall(r"[\u4e00-\u9fff]+", low)
    return frozenset(set(re.findall(r"[a-zà-ÿäöüß]{3,}", low)) | {w[k:k + 2] for w in cjk for k in range(len(w) - 1)}
                     | {w for w in cjk if len(w) == 1})


def words(text: str) -> set[str]:
    """Latin words and CJK bigrams (a lone CJK character as itself), for a rough overlap of two descriptions."""
    return set(_words(text or ""))


def pairing_text(ind: Indicator) -> str:
    """What is embedded to find a counterpart in any language: parameter and conditions, with the source
    sentence when the parameter alone is too short to say what is limited (起动时间, In height)."""
    param = (ind.parameter or "").strip()
    own = " ".join([param, *ind.conditions[:3]]).strip()
    short = len(param) < 6 if re.search(r"[\u4e00-\u9fff]", param) else len(param.split()) < 3
    if short and ind.text and ind.text.strip() != param:
        return f"{own} {ind.text[:120]}".strip()
    return own


# --- heading paths ---------------------------------------------------------------------------


def table_caption(tables, ind: Indicator) -> str:
    """The caption of the table a table-cell indicator comes from ('' for prose); `tables`: the document's."""
    o = ind.origin or {}
    if o.get("type") != "table":
        return ""
    ref = str(o.get("table", ""))
    return next((t.caption for t in tables or [] if ref and ref in (t.number, t.id)), "")


# an untitled clause that opens with a short label and a colon ("In height: at any position …", "高度：…")
_LEAD_LABEL_RE = re.compile(r"^\s*((?:[A-Za-zÀ-ÿ]+[ -]?){1,4}|[\u4e00-\u9fff]{1,8})\s*[:：]\s*\S")


_MODAL_RE = re.compile(r"\b(?:shall|must|should|may|is|are|be|muss|müssen|soll|doit|doivent)\b", re.I)


def lead_label(text: str) -> str:
    """The label an untitled clause opens with ('In height' of 'In height: at any position …'), else ''."""
    m = _LEAD_LABEL_RE.match(text)
    if not m or _MODAL_RE.search(m.group(1)):  # "The lamp shall: …" opens a sentence, not a label
        return ""
    return m.group(1).strip()


def heading_path(find: Callable[[str | None], object], tables, ind: Indicator) -> str:
    """The headings of the indicator's clause and its parents (they often carry the subject or the condition),
    after the caption of its table ('表3 温升限值' names what a row limits); `find` looks a clause up by id."""
    out, c, seen = [table_caption(tables, ind)], find(ind.clause), 0
    while c is not None and seen < 4:
        out.append(getattr(c, "heading", "") or lead_label(getattr(c, "text", "") or ""))
        c, seen = find(getattr(c, "parent", None)), seen + 1
    return " ".join(h for h in out if h)


def heading_paths(doc, inds: list[Indicator]) -> list[str]:
    """`heading_path` of every indicator of a document (one clause index for all), "" without clauses."""
    clauses = getattr(doc, "clauses", None) or []
    idx: dict = {}
    for c in clauses:
        idx.setdefault(c.id, c)
        idx.setdefault(c.number, c)

    def find(ref: str | None):
        if not ref:
            return None
        return idx.get(ref) or (idx.get(ref.split("#", 1)[1]) if "#" in ref else None)

    tables = getattr(doc, "tables", None) or []
    return [heading_path(find, tables, i) if i.clause else "" for i in inds]


# --- subjects of the clause context ------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _subjects():
    """The glossary's subjects (its `subjects:` section): a phrase matcher and each subject's group, built on first use."""
    from importlib import resources

    import yaml

    from zmdocs.errors import SchemaError
    from zmdocs.schema import GlossaryFile, validate
    from zmdocs.text.nlp import TermMatcher

    name = "zmdocs/data/glossary.yaml"
    data = yaml.safe_load((resources.files("zmdocs") / "data" / "glossary.yaml").read_text(encoding="utf-8"))
    g = validate(GlossaryFile, data, name, SchemaError, "fix the glossary (see the comments at its top)")
    matcher = TermMatcher([(str(syn), key, lang) for key, entry in g.subjects.items()
                           for lang in ("zh", "en", "de", "fr") for syn in getattr(entry, lang) or []],
                          exact_abbreviations=True)
    groups = {key: entry.group or key for key, entry in g.subjects.items()}
    return matcher, groups, {key: entry.broader for key, entry in g.subjects.items() if entry.broader}


def _subject_matcher():
    return _subjects()[0]


def title_subject(title: str, contexts: list[str]) -> str:
    """The subject phrases a document's title names ('… – Centre High Mounted Stop Lamp'), when none of the heading
    paths `contexts` names a subject: then the whole document is about it. '' otherwise."""
    if not title or any(subjects_in(c) for c in contexts):
        return ""
    out, end = [], -1
    for a, b, _, _ in sorted(_subject_matcher().find(title), key=lambda m: (m[0], -m[1])):
        if a >= end:  # leftmost-longest, as subjects_in reads them
            out.append(title[a:b])
            end = b
    return " ".join(dict.fromkeys(out))


def subject_group(key: str) -> str:
    """The group of a subject (lamp, part, system, test, pollutant, emc, port, vehicle; the key itself when ungrouped)."""
    return _subjects()[1].get(key, key)


# a bracketed exception names what a limit does NOT apply to: "摩托车(正三轮摩托车除外)", "(except mopeds)"
_EXCEPTION_RE = re.compile(r"[(（][^()（）]*(?:除外|不包括|except|excluding|other than|ausgenommen|außer|sauf|à l'exception)"
                           r"[^()（）]*[)）]", re.I)


@functools.lru_cache(maxsize=8192)
def subjects_in(text: str) -> frozenset[str]:
    """The glossary subjects a text names (a heading path): leftmost-longest occurrences, so 'rear position
    lamp' is not also a 'position lamp'; what a bracketed exception names ('除外', 'except') is left out."""
    if not text or not text.strip():
        return frozenset()
    text = _EXCEPTION_RE.sub(" ", text)
    found: set[str] = set()
    for cjk in (True, False):
        end = -1
        for a, b, key, is_cjk in sorted(_subject_matcher().find(text), key=lambda m: (m[0], -m[1])):
            if is_cjk == cjk and a >= end:
                found.add(key)
                end = b
    return frozenset(found)


# a condition that sets a limit of its own ("拖拉机运输机组应小于等于 350N") is an exception, not what the limit is for
_OWN_LIMIT_RE = re.compile(r"(?:应|不应|须|shall|must|muss|doit)[^，,;；]{0,12}?\d", re.I)


def _sentence_subject(ind: Indicator) -> str:
    """The words of the indicator's own prose sentence before its parameter (乘用车在产生最大制动效能时的 …):
    there a sentence names what the limit is for. Empty for table cells and when the parameter is not found."""
    param, text = (ind.parameter or "").strip(), ind.text or ""
    if not param or (ind.origin or {}).get("type") == "table":
        return ""
    k = text.find(param)
    stem = (param[:-1] if param.endswith("s") else param).lower()  # 'devices' also as 'device'
    if k <= 0 or text.lower().count(stem) > 1:  # named twice ('two X devices and one Y device'): whose is unsaid
        return ""
    head = re.split(r"[。；;]", text[:k])[-1]
    return head[-60:]


def subject_text(ind: Indicator, ctx: str = "") -> str:
    """What names an indicator's subjects: its parameter, conditions (not those setting a limit of their own),
    the start of its sentence and the heading path `ctx` (with a table's caption)."""
    conds = [c for c in ind.conditions[:3] if not _OWN_LIMIT_RE.search(c)]
    return " ".join([ind.parameter or "", *conds, _sentence_subject(ind), ctx]).strip()


def _by_group(keys: frozenset[str]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for k in keys:
        out.setdefault(subject_group(k), set()).add(k)
    return {g: frozenset(v) for g, v in out.items()}


def subject_groups(ind: Indicator, ctx: str = "") -> dict[str, frozenset[str]]:
    """The subjects an indicator (with its heading path `ctx`) names, by group."""
    return _by_group(subjects_in(subject_text(ind, ctx)))


def text_subject_groups(text: str) -> dict[str, frozenset[str]]:
    """The subjects a plain text names (a product parameter and its conditions), by group."""
    return _by_group(subjects_in(text))


def groups_agreement(ga: dict[str, frozenset[str]], gb: dict[str, frozenset[str]]) -> int:
    """`subject_agreement` on subjects already found: 1 shared, -1 a group named on both sides without a shared
    subject, 0 no group named on both sides."""
    common = set(ga) & set(gb)
    if not common:
        return 0
    if any(not _kinds_agree(ga[g], gb[g]) for g in common):
        return -1
    return 1


def _kinds_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sets of subjects of one group share one, counting a subject as the broader one it is a kind
    of (a stop lamp limit applies to the high-mounted stop lamp); two different kinds of it never agree."""
    broader = _subjects()[2]
    sa = {k for k in a if k not in {broader.get(x) for x in a}}  # the most specific subjects named
    sb = {k for k in b if k not in {broader.get(x) for x in b}}
    return bool(sa & sb or sa & {broader.get(k) for k in sb} or sb & {broader.get(k) for k in sa})


def subject_agreement(a: Indicator, b: Indicator, actx: str = "", bctx: str = "") -> int:
    """1 when the two limits' parameter, conditions (a table row's label), sentence and heading paths name a
    common subject, -1 when in some group (lamp, part, test, pollutant, vehicle class, …) both name subjects and
    none is shared (limits for different things), 0 when no group is named on both sides."""
    return groups_agreement(subject_groups(a, actx), subject_groups(b, bctx))


# --- the decision -----------------------------------------------------------------------------


def similarity_match(a: Indicator, b: Indicator, sim: float, actx: str = "", bctx: str = "") -> float | None:
    """The pairing score of two indicators no key pairs, from their text similarity `sim` (and the heading
    paths `actx`, `bctx` of their clauses, when known); None when they are not the same parameter (keys or
    subjects differ, other dimension or bound, too dissimilar)."""
    if keys_conflict(a, b) or of_a_limit(a) != of_a_limit(b):
        return None
    subject = subject_agreement(a, b, actx, bctx) if actx or bctx else 0
    if subject < 0:
        return None
    score = sim + (SAME_CLAUSE_BONUS if same_clause(a, b) else 0.0) + (SAME_SUBJECT_BONUS if subject > 0 else 0.0)
    score += restated_bonus(a, b)
    if score < SIM_WITH_WORDS or not compatible(a, b):
        return None
    if score < SIM_THRESHOLD and subject <= 0:  # a shared subject (颗粒物 = Staub) speaks for itself across languages
        mine = _words(a.parameter or "")
        if len(mine & _words(f"{b.parameter} {b.text}")) < WORDS_SHARE * max(1, len(mine)):
            return None
    return score


# a value stated as a share or multiple of another limit: "0.70 of its allowable limit", "1.1 times the limit value"
_OF_A_LIMIT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:times\s+|of\s+)(?:the\s+|its\s+|their\s+)?(?:[a-z-]+\s+){0,2}?"
                         r"(?:limits?|limit\s+values?)\b", re.I)


def of_a_limit(ind: Indicator) -> bool:
    """Whether the indicator's value is a share or multiple of another limit, not a quantity of its own."""
    if not isinstance(ind.value, (int, float)):
        return False
    for m in _OF_A_LIMIT.finditer(" ".join([ind.text or "", *ind.conditions])):
        v = parse_number(m.group(1))
        if v is not None and abs(v - ind.value) <= 1e-9 * max(1.0, abs(v)):
            return True
    return False


def restated_bonus(a: Indicator, b: Indicator) -> float:
    """RESTATED_BONUS when the two limits' sentences share a long run of words word for word, else 0."""
    return RESTATED_BONUS if shares_run(a.text or "", b.text or "", RESTATED_RUN) else 0.0


def parameter_score(a: Indicator, b: Indicator, text_sim: Callable[[Indicator, Indicator], float]) -> float | None:
    """How surely `a` and `b` set the same parameter, for a caller that scores pairs by its own text likeness
    (`text_sim`, e.g. diff's character ratio between two editions): 1.0 for one glossary key, `text_sim(a, b)`
    when no key decides, None when the engine rules the pair out (two different keys, other dimensions)."""
    if not same_dimension(a, b) or keys_conflict(a, b):
        return None
    return 1.0 if same_key(a, b) else text_sim(a, b)
