"""Word auto-numbering: render the number Word shows ("5.2.1", "a)", "附录A") from numbering.xml.

Word stores list/heading numbers as numbering definitions, not text. Counters live per abstract
numbering (instances sharing one continue it; a num's startOverride for a level restarts that
level when the num is first used at that level, as Word renders it), deeper
levels restart when a shallower level advances (or as lvlRestart says), and lvlText such as
"%1.%2" is filled with each level's counter in that level's format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zmdocs.parse.limits import bounded_start
from zmdocs.text.numbers import to_roman

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def q(tag: str) -> str:
    """Clark name of a w: tag."""
    return f"{{{W}}}{tag}"


def wval(el, tag: str, attr: str = "val"):
    """The w:val (or other attr) of child `tag` of el, or None."""
    if el is None:
        return None
    c = el.find(q(tag))
    if c is None:
        return None
    return c.get(q(attr))


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # lvlRestart: restart after this (1-based) level; 0 never
    legal: bool = False  # isLgl: show all levels as decimal
    style: str = ""  # pStyle linked to this level


@dataclass
class Numbering:
    """Parsed numbering.xml plus the running counters, fed paragraphs in document order."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[str, dict[int, tuple[int | None, Level | None]]] = field(default_factory=dict)
    counters: dict[str, dict[int, int | None]] = field(default_factory=dict)
    style_links: dict[str, str] = field(default_factory=dict)  # abstractNumId -> numbering style id
    _started: set[tuple[str, int]] = field(default_factory=set)  # (numId, ilvl) seen

    def resolve_style_links(self, style_num: dict[str, str]) -> None:
        """An abstractNum with numStyleLink borrows the levels of the list its style points to."""
        for aid, style_id in self.style_links.items():
            target = self.nums.get(style_num.get(style_id, ""))
            if target and target != aid and target in self.abstract:
                for nid, a in list(self.nums.items()):
                    if a == aid:
                        self.nums[nid] = target

    @classmethod
    def from_xml(cls, root) -> Numbering:
        n = cls()
        if root is None:
            return n
        for an in root.iter(q("abstractNum")):
            aid = an.get(q("abstractNumId"))
            n.abstract[aid] = {int(lv.get(q("ilvl"), "0")): _level(lv) for lv in an.findall(q("lvl"))}
            link = wval(an, "numStyleLink")
            if link:
                n.style_links[aid] = link
        for num in root.iter(q("num")):
            nid = num.get(q("numId"))
            aid = wval(num, "abstractNumId")
            if nid is None or aid is None:
                continue
            n.nums[nid] = aid
            ovs: dict[int, tuple[int | None, Level | None]] = {}
            for ov in num.findall(q("lvlOverride")):
                il = int(ov.get(q("ilvl"), "0"))
                so = wval(ov, "startOverride")
                lv = ov.find(q("lvl"))
                ovs[il] = (bounded_start(so, None), _level(lv) if lv is not None else None)
            if ovs:
                n.overrides[nid] = ovs
        return n

    def level(self, num_id: str, ilvl: int) -> Level | None:
        aid = self.nums.get(num_id)
        if aid is None:
            return None
        ov = self.overrides.get(num_id, {}).get(ilvl)
        if ov and ov[1] is not None:
            return ov[1]
        return self.abstract.get(aid, {}).get(ilvl)

    def level_for_style(self, num_id: str, style_id: str) -> int | None:
        """The level whose pStyle is this style (headings linked to a multilevel list)."""
        aid = self.nums.get(num_id)
        for il, lv in self.abstract.get(aid, {}).items():
            if lv.style == style_id:
                return il
        return None

    def next_number(self, num_id: str, ilvl: int) -> str:
        """Advance the counter for (num, level) and return the rendered number text."""
        aid = self.nums.get(num_id)
        if aid is None or aid not in self.abstract:
            return ""
        levels = self.abstract[aid]
        ctr = self.counters.setdefault(aid, {})
        if (num_id, ilvl) not in self._started:
            # An override takes effect when its num is first used AT THAT LEVEL (as Word does): a
            # "restart" num first used at level 1 restarts level 1 but keeps the shared level-0 count.
            self._started.add((num_id, ilvl))
            start, lv = self.overrides.get(num_id, {}).get(ilvl, (None, None))
            if start is not None or lv is not None:
                ctr[ilvl] = None  # restart this level at the override's start value
        lvl = self.level(num_id, ilvl) or Level()
        cur = ctr.get(ilvl)
        ctr[ilvl] = (self._start(num_id, ilvl, lvl) if cur is None else cur + 1)
        for d in sorted(k for k in levels if k > ilvl) + [k for k in ctr if k > ilvl and k not in levels]:
            dl = self.level(num_id, d) or Level()
            if dl.restart == 0:
                continue
            if dl.restart is None or ilvl < dl.restart:
                ctr[d] = None
        return self._render(num_id, ilvl, lvl, ctr)

    def _start(self, num_id: str, ilvl: int, lvl: Level) -> int:
        ov = self.overrides.get(num_id, {}).get(ilvl)
        if ov and ov[0] is not None:
            return ov[0]
        return lvl.start

    def _render(self, num_id: str, ilvl: int, lvl: Level, ctr: dict[int, int | None]) -> str:
        if lvl.fmt == "bullet":
            return ""
        text = lvl.text
        out = []
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                k = int(text[i + 1]) - 1
                kl = self.level(num_id, k) or Level()
                val = ctr.get(k)
                if val is None:
                    val = self._start(num_id, k, kl)
                fmt = "decimal" if lvl.legal else kl.fmt
                out.append(format_number(val, fmt))
                i += 2
                continue
            out.append(ch)
            i += 1
        return "".join(out).strip()


_HYPHEN_ANNEX = re.compile(r"([A-Z]{1,2})-(\d{1,3}(?:\.\d{1,3})*)")


def dotted_annex(number: str) -> str:
    """Annex sub-clause numbers Word renders as "B-1.1" (lvlText "%1-%2.%3" under a letter level) in
    the dotted form "B.1.1" the clause grammar reads; any other number is returned unchanged."""
    m = _HYPHEN_ANNEX.fullmatch(number)
    return f"{m.group(1)}.{m.group(2)}" if m else number


def _level(lv) -> Level:
    start = wval(lv, "start")
    restart = wval(lv, "lvlRestart")
    return Level(
        start=bounded_start(start),
        fmt=wval(lv, "numFmt") or "decimal",
        text=wval(lv, "lvlText") or "",
        restart=int(restart) if restart and restart.isdigit() else None,
        legal=lv.find(q("isLgl")) is not None and wval(lv, "isLgl") not in ("0", "false"),
        style=wval(lv, "pStyle") or "",
    )


# --------------------------------------------------------------------------- number formats
_CN_DIGITS = "〇一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def _letters(n: int) -> str:
    """Word's letter numbering: a..z, then aa, bb, … (repeated letter, not base 26)."""
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _chinese(n: int) -> str:
    """Chinese counting as Word renders it: 一 … 十, 十一, 二十一, 一百零一."""
    if n <= 0 or n >= 10000:
        return str(n)
    units = [(1000, "千"), (100, "百"), (10, "十")]
    out = ""
    zero = False
    rest = n
    for v, u in units:
        d = rest // v
        rest %= v
        if d:
            if zero:
                out += "零"
                zero = False
            out += ("" if (v == 10 and d == 1 and not out) else _CN_DIGITS[d]) + u
        elif out:
            zero = True
    if rest:
        if zero:
            out += "零"
        out += _CN_DIGITS[rest]
    return out


def format_number(n: int, fmt: str) -> str:
    """Render a counter in a Word numFmt (unknown formats fall back to decimal)."""
    if fmt in ("decimal", "ordinal", "cardinalText", "ordinalText", "decimalHalfWidth"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return to_roman(n).lower()
    if fmt == "upperRoman":
        return to_roman(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "ideographLegalTraditional"):
        return _chinese(n)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else str(n)
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12] if n > 0 else str(n)
    if fmt == "none":
        return ""
    return str(n)
