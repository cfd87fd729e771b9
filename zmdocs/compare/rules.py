"""The level rules (a documented YAML file the user can replace): load and validate them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from zmdocs.compare.tiers import TIERS
from zmdocs.errors import CompareError

RULES_SCHEMA_VERSION = 1
_LEVEL_KEYS = {"id", "label", "against", "all_at_least_equal", "min_stricter", "min_stricter_share", "min_compared",
               "not_comparable",
               "not_looser_than", "products"}
_EVIDENCE_KEYS = {"min_key_compared", "min_key_share"}


@dataclass
class Level:
    """One level of the verdict and the test it must pass."""

    id: str
    label: dict[str, str]
    against: list[str]
    all_at_least_equal: bool = True
    min_stricter: int = 0
    min_stricter_share: float = 0.0
    min_compared: int = 1
    not_comparable: str = "ignore"
    not_looser_than: list[str] = field(default_factory=list)
    products: str = "ignore"  # block: a foreign advanced product better than the draft blocks this level

    def name(self, lang: str = "zh") -> str:
        return self.label.get(lang) or self.label.get("en") or self.label.get("zh") or self.id


@dataclass
class Rules:
    """Levels in order (highest first) and the label used when none is reached."""

    levels: list[Level]
    not_reached: dict[str, str] = field(default_factory=lambda: {"zh": "未达到", "en": "not reached"})
    source: str = "built-in"
    # no level is judged when fewer key indicators than this have a comparable counterpart in a standard
    min_key_compared: int = 1
    min_key_share: float = 0.0  # ... or when less than this share of the key indicators has one

    def not_reached_name(self, lang: str = "zh") -> str:
        return self.not_reached.get(lang) or self.not_reached.get("en") or "未达到"

    def level(self, level_id: str) -> Level | None:
        return next((lv for lv in self.levels if lv.id == level_id), None)


def load_rules(path: str | Path | None = None) -> Rules:
    """Load rules from `path` (or the built-in `data/rules.yaml`); a bad file raises CompareError naming it."""
    import yaml

    if path is None:
        with resources.as_file(resources.files("zmdocs") / "data" / "rules.yaml") as p:
            text, name = Path(p).read_text(encoding="utf-8"), "built-in rules (zmdocs/data/rules.yaml)"
    else:
        name = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise CompareError(f"{name}: cannot read the rules file ({e}) — give a UTF-8 YAML file") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        where = getattr(e, "problem_mark", None)
        at = f" at line {where.line + 1}" if where else ""
        raise CompareError(f"{name}: not valid YAML{at} — fix the syntax (see zmdocs/data/rules.yaml for the format)") from None
    return parse_rules(data, name)


def _bad(name: str, problem: str) -> CompareError:
    return CompareError(f"{name}: {problem} — see zmdocs/data/rules.yaml for the documented format")


def parse_rules(data, name: str = "rules") -> Rules:
    """Validate a rules mapping (as loaded from YAML)."""
    if not isinstance(data, dict):
        raise _bad(name, "the rules file must be a mapping with a `levels` list")
    ver = data.get("schema_version", RULES_SCHEMA_VERSION)
    if ver != RULES_SCHEMA_VERSION:
        raise _bad(name, f"schema_version {ver!r} is not supported (this zmdocs reads {RULES_SCHEMA_VERSION})")
    raw = data.get("levels")
    if not isinstance(raw, list) or not raw:
        raise _bad(name, "`levels` must be a non-empty list")
    levels, seen = [], set()
    for i, lv in enumerate(raw, 1):
        if not isinstance(lv, dict):
            raise _bad(name, f"level {i} must be a mapping")
        unknown = set(lv) - _LEVEL_KEYS
        if unknown:
            raise _bad(name, f"level {i} has unknown field(s) {', '.join(sorted(unknown))}")
        lid = lv.get("id")
        if not isinstance(lid, str) or not re.fullmatch(r"[A-Za-z0-9_-]+", lid):
            raise _bad(name, f"level {i} needs an `id` of letters, digits and dashes")
        if lid in seen:
            raise _bad(name, f"level id {lid!r} appears twice")
        seen.add(lid)
        label = lv.get("label", lid)
        if isinstance(label, str):
            label = {"zh": label, "en": label}
        if not isinstance(label, dict) or not all(isinstance(v, str) for v in label.values()):
            raise _bad(name, f"level {lid}: `label` must be a string or a mapping like {{zh: 国际先进, en: international advanced}}")
        against = lv.get("against")
        if isinstance(against, str):
            against = [against]
        if not isinstance(against, list) or not against or any(t not in TIERS for t in against):
            raise _bad(name, f"level {lid}: `against` must list tiers among {', '.join(TIERS)}")
        ale = lv.get("all_at_least_equal", True)
        if not isinstance(ale, bool):
            raise _bad(name, f"level {lid}: `all_at_least_equal` must be true or false")
        ms = lv.get("min_stricter", 0)
        if not isinstance(ms, int) or isinstance(ms, bool) or ms < 0:
            raise _bad(name, f"level {lid}: `min_stricter` must be a whole number ≥ 0")
        share = lv.get("min_stricter_share", 0)
        if not isinstance(share, (int, float)) or isinstance(share, bool) or not 0 <= share <= 1:
            raise _bad(name, f"level {lid}: `min_stricter_share` must be a number from 0 to 1")
        mc = lv.get("min_compared", 1)
        if not isinstance(mc, int) or isinstance(mc, bool) or mc < 0:
            raise _bad(name, f"level {lid}: `min_compared` must be a whole number ≥ 0")
        nc = lv.get("not_comparable", "ignore")
        if nc not in ("ignore", "block"):
            raise _bad(name, f"level {lid}: `not_comparable` must be ignore or block")
        nlt = lv.get("not_looser_than", [])
        if isinstance(nlt, str):
            nlt = [nlt]
        if not isinstance(nlt, list) or any(x not in TIERS for x in nlt):
            raise _bad(name, f"level {lid}: `not_looser_than` must list tiers among {', '.join(TIERS)}")
        prod = lv.get("products", "ignore")
        if prod not in ("ignore", "block"):
            raise _bad(name, f"level {lid}: `products` must be ignore or block")
        levels.append(Level(lid, dict(label), list(against), ale, ms, float(share), mc, nc, list(nlt), prod))
    nr = data.get("not_reached", {"zh": "未达到", "en": "not reached"})
    if isinstance(nr, str):
        nr = {"zh": nr, "en": nr}
    if not isinstance(nr, dict):
        raise _bad(name, "`not_reached` must be a string or a zh/en mapping")
    extra = set(data) - {"schema_version", "levels", "not_reached", "evidence"}
    if extra:
        raise _bad(name, f"unknown top-level field(s) {', '.join(sorted(extra))}")
    ev = data.get("evidence") or {}
    if not isinstance(ev, dict) or set(ev) - _EVIDENCE_KEYS:
        raise _bad(name, f"`evidence` must be a mapping with {', '.join(sorted(_EVIDENCE_KEYS))}")
    mkc, mks = ev.get("min_key_compared", 1), ev.get("min_key_share", 0.0)
    if not isinstance(mkc, int) or isinstance(mkc, bool) or mkc < 0:
        raise _bad(name, "`evidence.min_key_compared` must be a whole number ≥ 0")
    if not isinstance(mks, (int, float)) or isinstance(mks, bool) or not 0 <= mks <= 1:
        raise _bad(name, "`evidence.min_key_share` must be a number from 0 to 1")
    return Rules(levels, dict(nr), name, mkc, float(mks))
