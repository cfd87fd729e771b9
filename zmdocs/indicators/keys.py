"""Parameter keys: the bilingual glossary (`data/glossary.yaml`) and an optional embedding fallback.

`key_for(parameter)` finds the glossary synonym that heads the parameter text (any of zh/en/de/fr;
a spaCy phrase matcher on blank pipelines, `zmdocs.text.nlp`) and returns its language-independent key (`泄漏电流` and `Ableitstrom` both give
`leakage_current`), so compare/align can pair indicators across languages. When nothing
matches, `EmbeddingKeys` (opt-in: it loads a model) picks the nearest synonym by cosine.
"""

from __future__ import annotations

import functools
import logging
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


@functools.lru_cache(maxsize=1)
def _matcher():
    """The glossary's synonyms in a spaCy phrase matcher (`zmdocs.text.nlp.TermMatcher`), built on first use."""
    from zmdocs.text.nlp import TermMatcher

    return TermMatcher((str(syn), key, lang) for key, entry in glossary().items()
                       for lang in ("zh", "en", "de", "fr") for syn in entry.get(lang) or [])


def _spans(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """(start, end, key, is Chinese) of every glossary synonym in `text`, overlapping ones included."""
    return _matcher().find(text) if text else ()


def key_kind(key: str) -> str:
    """The glossary kind of a key ("delta", "test-level" or "")."""
    return (glossary().get(key) or {}).get("kind", "") if key else ""


def key_units(key: str) -> list[str]:
    """Canonical units a key's values take (empty: any)."""
    u = (glossary().get(key) or {}).get("unit", "") if key else ""
    return str(u).split() if u else []


def keys_in(text: str) -> list[str]:
    """Every glossary key named anywhere in `text` (for test-level checks): leftmost-longest occurrences
    that do not overlap, Chinese ones first (耐压时间 names a duration, not the 耐压 inside it)."""
    found: list[str] = []
    for cjk in (True, False):
        end = -1
        for a, b, key, is_cjk in sorted(_spans(text), key=lambda m: (m[0], -m[1])):
            if is_cjk == cjk and a >= end:
                found.append(key)
                end = b
    return list(dict.fromkeys(found))


def fits(key: str, canonical_unit: str | None) -> bool:
    """Whether a value in this canonical unit can belong to the key (no unit list: anything fits)."""
    allowed = key_units(key)
    # a limit per unit ("mA/kW", "Ω/V") belongs to the key of its numerator
    return not allowed or canonical_unit in allowed or (canonical_unit or "").split("/")[0] in allowed


def key_for(text: str) -> str:
    """The key of the glossary synonym that heads the parameter text, or "" when none matches.

    Chinese noun phrases put the head last: the synonym ending latest wins (潮湿处理后的泄漏电流 -> leakage
    current), then the longest. English, German and French put it first ("leakage current after humidity
    treatment", "Ableitstrom nach der Feuchtebehandlung"): the earliest synonym wins, then the longest.
    """
    spans = _spans(text)
    cjk = [m for m in spans if m[3]]
    if cjk:
        return max(cjk, key=lambda m: (m[1], m[1] - m[0]))[2]
    latin = [m for m in spans if not m[3]]
    return min(latin, key=lambda m: (m[0], m[0] - m[1]))[2] if latin else ""


def key_at_end(text: str) -> str:
    """The key of a Chinese glossary synonym that ends `text` (试验电压 in 电气强度试验电压), else ""."""
    end = len(text.rstrip())
    at_end = [m for m in _spans(text) if m[3] and m[1] == end]
    return max(at_end, key=lambda m: m[1] - m[0])[2] if at_end else ""


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
