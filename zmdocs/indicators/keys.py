"""Parameter keys: the bilingual glossary (`data/glossary.yaml`) and an optional embedding fallback.

`key_for(parameter)` finds the longest glossary synonym inside the parameter text (any of
zh/en/de/fr) and returns its language-independent key (`泄漏电流` and `Ableitstrom` both give
`leakage_current`), so compare/align can pair indicators across languages. When nothing
matches, `EmbeddingKeys` (opt-in: it loads a model) picks the nearest synonym by cosine.
"""

from __future__ import annotations

import functools
import logging
import re
from importlib import resources

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def glossary() -> dict[str, dict]:
    """The glossary: key -> {"zh": [...], "en": [...], "de": [...], "fr": [...], "kind": ...}, checked by
    `zmdocs.schema.GlossaryFile` (a typo in a field or a kind is one SchemaError naming the key)."""
    import yaml

    from zmdocs.schema import glossary_from_data

    text = (resources.files("zmdocs") / "data" / "glossary.yaml").read_text(encoding="utf-8")
    return glossary_from_data(yaml.safe_load(text), "zmdocs/data/glossary.yaml")


_FIRST_CJK: set[str] = set()


@functools.lru_cache(maxsize=1)
def _matchers() -> tuple[re.Pattern, dict[str, str], re.Pattern, dict[str, str]]:
    cjk: dict[str, str] = {}
    latin: dict[str, str] = {}
    for key, entry in glossary().items():
        for lang in ("zh", "en", "de", "fr"):
            for syn in entry.get(lang) or []:
                s = str(syn)
                if re.search(r"[\u4e00-\u9fff]", s):
                    cjk.setdefault(s.replace(" ", ""), key)
                else:
                    latin.setdefault(s.lower(), key)
    cjk_re = re.compile("|".join(re.escape(s) for s in sorted(cjk, key=len, reverse=True)))
    _FIRST_CJK.update(s[0] for s in cjk)
    latin_re = re.compile(
        r"(?<![a-zà-ÿ])(?:" + "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in sorted(latin, key=len, reverse=True)) + r")(?![a-zà-ÿ])"
    )
    return cjk_re, cjk, latin_re, latin


def key_kind(key: str) -> str:
    """The glossary kind of a key ("delta", "test-level" or "")."""
    return (glossary().get(key) or {}).get("kind", "") if key else ""


def key_units(key: str) -> list[str]:
    """Canonical units a key's values take (empty: any)."""
    u = (glossary().get(key) or {}).get("unit", "") if key else ""
    return str(u).split() if u else []


def keys_in(text: str) -> list[str]:
    """Every glossary key named anywhere in `text` (for test-level checks)."""
    if not text:
        return []
    cjk_re, cjk, latin_re, latin = _matchers()
    found = [cjk[m.group()] for m in cjk_re.finditer(text.replace(" ", ""))]
    found += [latin.get(re.sub(r"\s+", " ", m.group()), "") for m in latin_re.finditer(text.lower())]
    return [k for k in dict.fromkeys(found) if k]


def fits(key: str, canonical_unit: str | None) -> bool:
    """Whether a value in this canonical unit can belong to the key (no unit list: anything fits)."""
    allowed = key_units(key)
    # a limit per unit ("mA/kW", "Ω/V") belongs to the key of its numerator
    return not allowed or canonical_unit in allowed or (canonical_unit or "").split("/")[0] in allowed


def key_for(text: str) -> str:
    """The key of the longest glossary synonym found in `text`, or "" when none matches."""
    if not text:
        return ""
    cjk_re, cjk, latin_re, latin = _matchers()
    best = ""
    best_len = 0
    best_end = -1
    compact = text.replace(" ", "")
    # Chinese noun phrases put the head last: the synonym ending latest wins (潮湿处理后的泄漏电流 -> leakage
    # current), then the longest; overlapping matches are tried from every start.
    for i, ch in enumerate(compact):
        if ch not in _FIRST_CJK:
            continue
        m = cjk_re.match(compact, i)
        if m and (m.end() > best_end or (m.end() == best_end and len(m.group()) > best_len)):
            best, best_len, best_end = cjk[m.group()], len(m.group()), m.end()
    if best:
        return best
    # English, German and French noun phrases put the head first ("leakage current after humidity
    # treatment", "Ableitstrom nach der Feuchtebehandlung"): the earliest synonym wins, then the longest.
    # (the alternation is sorted longest first, so the first match is the earliest and, there, the longest)
    m = latin_re.search(text.lower())
    if m:
        best = latin.get(re.sub(r"\s+", " ", m.group()), "")
    return best


def key_at_end(text: str) -> str:
    """The key of a Chinese glossary synonym that ends `text` (试验电压 in 电气强度试验电压), else ""."""
    cjk_re, cjk, _, _ = _matchers()
    t = text.replace(" ", "")
    best, best_len = "", 0
    for i in range(max(0, len(t) - 12), len(t)):
        m = cjk_re.match(t, i)
        if m and m.end() == len(t) and len(m.group()) > best_len:
            best, best_len = cjk[m.group()], len(m.group())
    return best


def labels(key: str, lang: str = "en") -> str:
    """A readable label of a key in a language (first synonym), falling back to the key."""
    entry = glossary().get(key) or {}
    names = entry.get(lang) or entry.get("en") or []
    return str(names[0]) if names else key


class EmbeddingKeys:
    """Nearest glossary synonym by sentence embedding, for parameters the glossary does not name."""

    def __init__(self, model: str | None = None, threshold: float = 0.7) -> None:
        self.model = model
        self.threshold = threshold
        self._emb = None
        self._vecs = None
        self._keys: list[str] = []
        self._cache: dict[str, str] = {}

    def _load(self) -> None:
        from zmdocs.embed import default_model_name, get_embedder

        self._emb = get_embedder(self.model or default_model_name())
        texts = []
        for key, entry in glossary().items():
            for lang in ("zh", "en", "de", "fr"):
                for syn in entry.get(lang) or []:
                    texts.append(str(syn))
                    self._keys.append(key)
        self._vecs = self._emb.encode(texts)

    def __call__(self, parameter: str) -> str:
        """The nearest key, or "" when the best cosine is below the threshold."""
        if not parameter.strip():
            return ""
        if parameter in self._cache:
            return self._cache[parameter]
        if self._emb is None:
            self._load()
        v = self._emb.encode([parameter])[0]
        sims = self._vecs @ v
        i = int(sims.argmax())
        key = self._keys[i] if float(sims[i]) >= self.threshold else ""
        self._cache[parameter] = key
        return key
