"""The level rules (a documented YAML file the user can replace): load them; `zmdocs.schema` checks them."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from zmdocs.errors import CompareError


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


def parse_rules(data, name: str = "rules") -> Rules:
    """Rules from a mapping as loaded from YAML, checked by `zmdocs.schema.RulesFile` (a bad one: CompareError)."""
    from zmdocs.schema import rules_from_data

    f = rules_from_data(data, name)
    levels = [Level(lv.id, dict(lv.label or {"zh": lv.id, "en": lv.id}), list(lv.against), lv.all_at_least_equal,
                    lv.min_stricter, float(lv.min_stricter_share), lv.min_compared, lv.not_comparable,
                    list(lv.not_looser_than), lv.products) for lv in f.levels]
    ev = f.evidence
    return Rules(levels, dict(f.not_reached), name, ev.min_key_compared if ev else 1,
                 float(ev.min_key_share) if ev else 0.0)
