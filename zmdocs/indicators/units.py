"""Units as standards write them: a lexicon (symbols and zh/en/de/fr words) and pint normalisation.

`UNIT_RE` finds a unit right after a number; `unit_symbol(written)` gives the clean symbol
(`兆欧` -> `MΩ`); `normalize(value, symbol)` converts to the canonical unit of the
dimension (A, V, W, Ω, Pa, s, m, kg, J, Hz, degC for temperatures, K for temperature
differences, ...). pint is loaded lazily with the project definition file `data/units.txt`.
An unknown unit is kept (symbol as written) with `normalized.unit = None`, never dropped.
"""

from __future__ import annotations

import functools
import logging
import re
from importlib import resources

from zmdocs.errors import unit_errors

log = logging.getLogger(__name__)


def _log_units() -> list[tuple[str, None, tuple[str, ...]]]:
    """dB relative to a reference (dBµV/m, dB(µV/m), dBuV/m, dBμA, dBm, dBpW): (canonical, None, written forms)."""
    out = []
    for ref in ("µV/m", "µA/m", "µV", "µA", "pW", "pT", "mW", "W"):
        sym = "dBm" if ref == "mW" else f"dB{ref}"
        forms = {sym}
        for mu in ("µ", "μ", "u"):
            r = ref.replace("µ", mu)
            forms |= {f"dB{r}", f"dB {r}", f"dB({r})", f"dB ({r})", f"dB（{r}）", f"dB[{r}]"}
        out.append((sym, None, tuple(sorted(forms, key=len, reverse=True))))
    return out


# (symbol, pint expression or None for non-pint units, written forms). Longest forms win in the regex.
_LEXICON: list[tuple[str, str | None, tuple[str, ...]]] = [
    # current
    ("A", "ampere", ("A", "安培", "安")),
    ("mA", "milliampere", ("mA", "毫安", "milliampères", "milliampere")),
    ("µA", "microampere", ("µA", "uA", "微安")),
    ("kA", "kiloampere", ("kA", "千安")),
    # voltage
    ("V", "volt", ("V", "Volt", "volts", "伏特", "伏", "V (r.m.s.)", "V(r.m.s.)", "V r.m.s.", "V rms",
                   "V(有效值)", "V (有效值)", "V (Effektivwert)", "V (valeur efficace)", "V eff")),
    ("Vdc", "volt", ("Vdc", "V d.c.", "V DC", "V dc", "VDC", "V c.c.")),
    ("Vac", "volt", ("Vac", "V a.c.", "V AC", "V ac", "VAC", "V c.a.")),
    ("kV", "kilovolt", ("kV", "千伏")),
    ("mV", "millivolt", ("mV", "毫伏")),
    # power
    ("W", "watt", ("W", "watts", "Watt", "瓦特", "瓦")),
    ("kW", "kilowatt", ("kW", "千瓦", "Kilowatt", "kilowatts")),
    ("MW", "megawatt", ("MW", "兆瓦", "Megawatt", "megawatts")),
    ("mW", "milliwatt", ("mW", "毫瓦")),
    ("VA", "apparent_va", ("VA", "伏安")),
    ("kVA", "apparent_kva", ("kVA", "千伏安")),
    # resistance
    ("Ω", "ohm", ("Ω", "ohms", "ohm", "Ohm", "欧姆", "欧")),
    ("mΩ", "milliohm", ("mΩ", "毫欧姆", "毫欧")),
    ("kΩ", "kiloohm", ("kΩ", "千欧姆", "千欧")),
    ("MΩ", "megaohm", ("MΩ", "M Ω", "Mohm", "megohms", "megohm", "兆欧姆", "兆欧")),
    ("GΩ", "gigaohm", ("GΩ",)),
    ("Ω/V", "ohm / volt", ("Ω/V", "ohm/V", "欧/伏", "欧姆/伏")),
    ("kΩ/V", "kiloohm / volt", ("kΩ/V",)),
    # pressure, force, torque
    ("Pa", "pascal", ("Pa", "帕斯卡", "帕")),
    ("kPa", "kilopascal", ("kPa", "千帕")),
    ("hPa", "hectopascal", ("hPa", "Hektopascal", "hectopascals")),
    ("MPa", "megapascal", ("MPa", "兆帕")),
    ("bar", "bar", ("bar",)),
    ("mbar", "millibar", ("mbar",)),
    ("N", "newton", ("N", "牛顿", "牛")),
    ("kN", "kilonewton", ("kN", "千牛")),
    ("N·m", "newton * meter", ("N·m", "N.m", "N∙m", "N m", "Nm", "N⋅m", "牛·米", "牛米")),
    ("N/mm²", "newton / millimeter ** 2", ("N/mm²", "N/mm2")),
    ("N/mm", "newton / millimeter", ("N/mm",)),
    # time
    ("s", "second", ("s", "sec", "seconds", "second", "Sekunden", "secondes", "seconde", "秒钟", "秒")),
    ("ms", "millisecond", ("ms", "毫秒")),
    ("µs", "microsecond", ("µs", "μs", "微秒")),
    ("ns", "nanosecond", ("ns", "纳秒")),
    ("min", "minute", ("min", "minutes", "minute", "Minuten", "Minute", "分钟")),
    ("h", "hour", ("h", "hours", "hour", "Stunden", "Stunde", "heures", "heure", "小时")),
    ("d", "day", ("days", "Tagen", "Tage", "jours", "天")),
    ("month", "month", ("个月", "months", "Monaten", "Monate", "mois")),
    ("a", "year", ("years", "Jahren", "Jahre", "ans", "年")),
    # temperature
    ("°C", "degC", ("°C", "℃", "° C", "oC", "摄氏度", "degrees Celsius", "Grad Celsius", "degrés Celsius")),
    ("°F", "degF", ("°F", "℉")),
    ("°", "degree", ("°", "Grad", "degrees", "degree")),
    ("K", "kelvin", ("K", "kelvins", "Kelvin", "开尔文")),
    # length, area, volume, mass
    ("mm", "millimeter", ("mm", "㎜", "毫米", "Millimeter", "Millimetern", "millimetres", "millimeters")),
    ("cm", "centimeter", ("cm", "㎝", "厘米", "Zentimeter", "Zentimetern", "centimetres", "centimeters")),
    ("m", "meter", ("m", "米", "Meter", "Metern", "metres", "meters", "mètres")),
    ("km", "kilometer", ("km", "㎞", "千米", "公里")),
    ("M", "nautical_mile", ("nautical miles", "nautical mile", "nmi")),  # IHO/IMO symbol M, never read as a written form
    ("µm", "micrometer", ("µm", "um", "微米")),
    ("nm", "nanometer", ("nm", "纳米", "nanometres", "nanometers")),
    ("mm²", "millimeter ** 2", ("mm²", "㎟", "mm2", "平方毫米", "square millimetres", "square millimeters")),
    ("cm²", "centimeter ** 2", ("cm²", "㎠", "cm2", "平方厘米", "square centimetres", "square centimeters")),
    ("m²", "meter ** 2", ("m²", "㎡", "m2", "平方米", "square metres", "square meters")),
    ("L", "liter", ("L", "l", "litres", "liters", "Liter", "Litern", "升")),
    ("mL", "milliliter", ("mL", "ml", "毫升", "Milliliter", "millilitres", "milliliters")),
    ("m³", "meter ** 3", ("m³", "㎥", "m3", "立方米", "Kubikmeter", "Kubikmetern", "cubic metres", "cubic meters")),
    ("cm³", "centimeter ** 3", ("cm³", "cm3")),
    ("mm³", "millimeter ** 3", ("mm³", "mm3", "立方毫米")),
    ("g", "gram", ("g", "克", "Gramm", "grams")),
    ("kg", "kilogram", ("kg", "㎏", "千克", "公斤")),
    ("mg", "milligram", ("mg", "毫克", "Milligramm", "milligrams")),
    ("µg", "microgram", ("µg", "μg", "ug", "微克", "Mikrogramm", "micrograms")),
    ("ng", "nanogram", ("ng", "纳克", "Nanogramm", "nanograms")),
    # energy, frequency, speed, flow
    ("J", "joule", ("J", "焦耳", "焦")),
    ("kJ", "kilojoule", ("kJ", "千焦")),
    ("Wh", "watt_hour", ("Wh", "W·h", "瓦时")),
    ("kWh", "kilowatt_hour", ("kWh", "kW·h", "kW h", "kW.h", "千瓦时", "Kilowattstunde", "Kilowattstunden")),
    ("Hz", "hertz", ("Hz", "赫兹", "赫")),
    ("kHz", "kilohertz", ("kHz", "千赫")),
    ("MHz", "megahertz", ("MHz", "兆赫")),
    ("GHz", "gigahertz", ("GHz",)),
    ("r/min", "revolution_per_minute_", ("r/min", "rpm", "min⁻¹", "min-1", "min.-1", "min−1", "U/min", "tr/min", "rev/min",
                                         "revolutions per minute", "revolutions/minute", "转/分钟", "转/分",
                                         "min⁻l", "min-l")),  # "min⁻l": a text layer's l for ¹, as "m⁻l"
    ("r/s", "revolution_per_second_", ("r/s",)),
    ("/min", None, ("times per minute", "flashes per minute", "times a minute")),  # a flash or event rate, kept
    ("/a", None, ("times per year", "times a year")),  # an event rate per year, kept
    ("L/min", "liter / minute", ("L/min", "l/min", "升/分钟")),
    ("L/h", "liter / hour", ("L/h", "l/h")),
    ("m³/h", "meter ** 3 / hour", ("m³/h", "m3/h")),
    ("m/s", "meter / second", ("m/s", "米/秒")),
    ("kn", "knot", ("kn", "knots", "knot")),
    ("km/h", "kilometer / hour", ("km/h", "公里/小时", "千米/小时", "千米每小时")),
    ("m/s²", "meter / second ** 2", ("m/s²", "m/s2", "米每二次方秒")),
    ("m/s³", "meter / second ** 3", ("m/s³", "m/s3")),
    ("°/s", None, ("°/s", "(°)/s")),
    ("m⁻¹", "1 / meter", ("m⁻¹", "m-1", "m-¹", "m⁻ ¹", "m −¹", "m −1", "m -1", "m−1", "m –1", "m–1",
                          "m⁻l", "m⁻ l", "m-l", "m·¹")),  # "m⁻l", "m·¹": a text layer's or an OCR's l / · for ¹
    ("g/m³", "gram / meter ** 3", ("g/m³", "g/m3", "g/m 3")),
    ("ng/m³", "nanogram / meter ** 3", ("ng/m³", "ng/m3")),
    ("mg/kWh", None, ("mg/kWh", "mg/kW·h")),
    ("mg/kg", None, ("mg/kg",)),
    ("MJ/m³", None, ("MJ/m³", "MJ/m3")),  # a calorific value or Wobbe index of a gas (kept as written, no conversion)
    ("mg/L", None, ("mg/L", "mg/l")),
    ("mmol/L", "millimole / liter", ("mmol/L", "mmol/l")),
    ("mg/dm²", None, ("mg/dm²", "mg/dm2")),
    ("mg/m³", "milligram / meter ** 3", ("mg/m³", "mg/m3", "mg/m 3")),
    ("g/L", "gram / liter", ("g/L", "g/l")),
    ("kg/m³", "kilogram / meter ** 3", ("kg/m³", "kg/m3")),
    ("g/m²", "gram / meter ** 2", ("g/m²", "g/m2")),
    ("g/km", "gram / kilometer", ("g/km",)),
    ("mg/km", "milligram / kilometer", ("mg/km",)),
    # emissions per test cycle (older type-approval limits): a mass per test, no pint dimension
    ("g/test", None, ("g/test", "g per test")),
    ("mg/test", None, ("mg/test", "mg per test")),
    ("Ω/km", "ohm / kilometer", ("Ω/km", "ohm/km")),
    # field strengths (EMC immunity levels) and radiological quantities
    ("V/m", "volt / meter", ("V/m", "伏/米", "伏每米")),
    ("A/m", "ampere / meter", ("A/m", "安/米", "安每米")),
    ("Bq/L", None, ("Bq/L", "Bq/l", "Becquerel/Liter", "Becquerel pro Liter")),
    ("mSv/a", None, ("mSv/a", "mSv/Jahr", "mSv pro Jahr", "mSv/year", "mSv per year")),
    ("mSv", None, ("mSv", "Millisievert")),
    ("cd/m²", "candela / meter ** 2", ("cd/m²", "cd/m2")),
    ("mm/s", "millimeter / second", ("mm/s",)),
    ("W/cm²", "watt / centimeter ** 2", ("W/cm²", "W/cm2")),
    ("W/m²", "watt / meter ** 2", ("W/m²", "W/m2")),
    ("lm/W", "lumen / watt", ("lm/W",)),
    ("kWh/24h", None, ("kWh/24h", "kW·h/24h", "kWh/24 h", "kW·h/24 h")),
    # levels, ratios, counts, light
    ("dB(A)", None, ("dB(A)", "dB (A)", "dBA", "dB（A）", "分贝(A)")),
    ("dB(C)", None, ("dB(C)", "dB (C)", "dBC", "dB（C）")),
    # log units of EMC: each is its own unit (no pint dimension), one canonical spelling, comparable only to itself
    *_log_units(),
    ("dB", None, ("dB", "分贝")),
    ("%", None, ("%", "percent", "per cent", "Prozent", "pour cent")),
    ("‰", None, ("‰", "Promille", "per mille")),
    ("ppm", None, ("ppm",)),
    ("HRC", None, ("HRC",)),
    ("HRB", None, ("HRB",)),
    ("HV", None, ("HV",)),
    ("HB", None, ("HBW", "HB")),
    ("Shore A", None, ("Shore A",)),
    ("Shore D", None, ("Shore D",)),
    ("lx", "lux", ("lx", "lux", "勒克斯")),
    ("cd", "candela", ("cd", "坎德拉")),
    ("lm", "lumen", ("lm", "lumens", "lumen", "流明")),
    ("cycles", None, ("cycles", "cycle", "Zyklen", "次")),
    # Chinese counting words after a count (不少于100条, 至少2套): kept as written
    ("条", None, ("条",)), ("套", None, ("套",)), ("个", None, ("个",)), ("件", None, ("件",)),
    ("r", None, ("转",)),
]

# Canonical symbol per pint dimensionality (filled lazily) and symbols outside pint.
_CANONICAL_SYMBOLS = ["A", "V", "W", "VA", "Ω", "Ω/V", "Pa", "N", "N·m", "s", "m", "m²", "m³", "kg", "J",
                      "Hz", "r/min", "m³/s", "m/s", "m/s²", "lx", "cd", "lm", "W/m²", "lm/W", "kg/m³", "kg/m²", "Ω/m", "cd/m²", "N/m", "mol/m³", "m/s³", "m⁻¹", "kg/m", "V/m", "A/m"]
_CANON_EXPR = {"mol/m³": "mole / meter ** 3", "N/m": "newton / meter", "m³/s": "meter ** 3 / second", "kg/m²": "kilogram / meter ** 2", "Ω/m": "ohm / meter", "m/s³": "meter / second ** 3", "m⁻¹": "1 / meter", "kg/m": "kilogram / meter"}
_NON_PINT = {"dB(A)": "dB(A)", "dB(C)": "dB(C)", "dB": "dB", **{sym: sym for sym, _e, _f in _log_units()}, "%": "%", "‰": "‰", "ppm": "ppm", "cycles": "cycles", "/min": "/min", "/a": "/a", "r": "r", "°": "°", "kWh/24h": "kWh/24h",
             "mg/kg": "mg/kg", "mg/kWh": "mg/kWh", "°/s": "°/s", "条": "条", "套": "套", "个": "个", "件": "件", "HRC": "HRC", "HRB": "HRB", "HV": "HV", "HB": "HB", "Shore A": "Shore A", "Shore D": "Shore D", "mg/L": "mg/L", "mg/dm²": "mg/dm²",
             "g/test": "g/test", "mg/test": "mg/test", "Bq/L": "Bq/L", "mSv/a": "mSv/a", "mSv": "mSv"}
# Chinese count classifiers after a count (3层, 至少2面, 小于等于9人): units of their own, never converted. Not in
# UNIT_RE: a classifier also starts words (对于, 组合, 层次), so quantities reads one only where no such word follows.
ZH_CLASSIFIERS = ("比特", "字节", "个", "组", "对", "层", "种", "项", "台", "件", "条", "路", "面", "块", "扇", "只", "套",
                  "人", "名", "根", "处", "张", "片", "辆")
_NON_PINT.update({c: c for c in ZH_CLASSIFIERS}, **{"MJ/m³": "MJ/m³"})

SYMBOLS: dict[str, str] = {}  # written form (lower-cased for Latin) -> symbol
PINT_EXPR: dict[str, str | None] = {}
for _sym, _expr, _forms in _LEXICON:
    PINT_EXPR[_sym] = _expr
    for _f in _forms:
        SYMBOLS.setdefault(_f, _sym)
        if len(_f) >= 4 and re.fullmatch(r"[a-z][a-z ]+", _f):  # a unit in words heading a table column: "Degrees", "Nautical Miles"
            SYMBOLS.setdefault(_f.capitalize(), _sym)
            SYMBOLS.setdefault(_f.title(), _sym)
        if "/" in _f and _f[-1] in "²³" and _f[-2].isalpha():  # "ng/m 3": a PDF's superscript split off by a space
            SYMBOLS.setdefault(_f[:-1] + " " + "23"["²³".index(_f[-1])], _sym)

_LATIN = re.compile(r"[A-Za-z]$")


def _unit_alternation() -> str:
    forms = sorted(SYMBOLS, key=len, reverse=True)
    parts = []
    for f in forms:
        p = re.escape(f).replace(r"\ ", r"\s?")
        # a Latin-letter unit must not run on into a word ("5 men", "2 months" -> months), nor stop before the
        # "-1" of a reciprocal the lexicon writes whole ("2 000 min-1" is r/min, not a range 1 … 2 000 min)
        if _LATIN.search(f):
            p += r"(?![A-Za-zÀ-ÿ])" + (r"(?![-−]1(?!\d|[.,]\d))" if f + "-1" in SYMBOLS else "")
        parts.append(p)
    return "|".join(parts)


UNIT_PATTERN = _unit_alternation()
UNIT_RE = re.compile(UNIT_PATTERN)
# A unit-like token that is not in the lexicon (kept and reported when a comparator vouches for it).
UNKNOWN_UNIT_RE = re.compile(
    r"(?!(?:The|In|At|For|And|Or|If|When|Der|Die|Das|Le|La|Les|Un|Une|Il|Es)\b)"
    r"(?:[A-Za-zµ]{0,2}[A-Z][A-Za-z0-9]{0,4}(?:-[A-Za-z]{1,2})?|[A-Za-zµΩ°]{1,4}[/·²³⁻¹][A-Za-zµΩ°0-9²³()·]{1,8}|[µΩ°][A-Za-z]{0,3})(?![A-Za-zÀ-ÿ])")


_UNSPACED: dict[str, str] = {}
for _k, _v in SYMBOLS.items():  # the first written form wins, as in the lexicon's order
    _UNSPACED.setdefault(_k.replace(" ", ""), _v)


@functools.lru_cache(maxsize=4096)
def unit_symbol(written: str) -> str:
    """The clean symbol of a written unit (`兆欧` -> `MΩ`, `℃` -> `°C`); unknown units as written."""
    w = re.sub(r"\s+", " ", written.strip())
    if w in SYMBOLS:
        return SYMBOLS[w]
    hit = _UNSPACED.get(w.replace(" ", ""))
    if hit is not None:
        return hit
    if (pm := _PERCENT_OF.match(w)) is not None:  # "per cent v/v" -> "% v/v", "per cent mole" -> "% mol"
        return f"% {_PERCENT_BASIS.get(pm.group(1).lower(), pm.group(1))}"
    return _quotient_symbol(w) if "/" in w else w


# a percentage with its basis written in words ("per cent v/v", "percent mass", "per cent mole")
_PERCENT_OF = re.compile(r"(?i)^(?:per\s?cent|percent|%)\s?(v/v|m/m|vol|mass|mole?|\([mV]/[mV]\))$")
_PERCENT_BASIS = {"mole": "mol", "mol": "mol"}


_COUNT_WORD = re.compile(r"(?i)^(?:Anzahl|number|count|KBE|cfu|colonies|nombre)$")
_COUNT_DEN = re.compile(r"^(\d+ ?)?(\S.*)$")


def _quotient_symbol(w: str) -> str:
    """"Litern/Kilowatt" -> "L/kW", "Anzahl/ 100 ml" -> "/100 mL": a quotient the lexicon lacks, side by side."""
    num, _, den = re.sub(r"\s*/\s*", "/", w).partition("/")
    if _COUNT_WORD.match(num):
        num = ""  # a count per volume: the count word is no unit
    dm = _COUNT_DEN.match(den)
    if not dm or (num and num not in SYMBOLS) or dm.group(2) not in SYMBOLS:
        return w
    return f"{SYMBOLS.get(num, '')}/{dm.group(1) or ''}{SYMBOLS[dm.group(2)]}"


def is_known(symbol: str) -> bool:
    return symbol in PINT_EXPR


@functools.lru_cache(maxsize=1)
def registry():
    """pint UnitRegistry with the project's definition file loaded (lazy: pint is slowish to import)."""
    import pint

    ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    with resources.as_file(resources.files("zmdocs") / "data" / "units.txt") as p:
        ureg.load_definitions(str(p))
    return ureg


@functools.lru_cache(maxsize=1)
def _canon_by_dim() -> dict[str, str]:
    ureg = registry()
    out: dict[str, str] = {}
    for sym in _CANONICAL_SYMBOLS:
        expr = _CANON_EXPR.get(sym) or PINT_EXPR.get(sym)
        out[str(ureg.Quantity(1, expr).dimensionality)] = sym
    return out


@functools.lru_cache(maxsize=512)
def conversion(symbol: str) -> tuple[str | None, float, float]:
    """(canonical symbol, factor, offset) such that canonical = value * factor + offset."""
    if symbol in _NON_PINT:
        return _NON_PINT[symbol], 1.0, 0.0
    if symbol == "N·m":  # torque shares its dimension with energy; keep it apart
        return "N·m", 1.0, 0.0
    if symbol in ("°C", "K"):
        return symbol if symbol == "K" else "°C", 1.0, 0.0
    if symbol == "°F":
        return "°C", 5.0 / 9.0, -32.0 * 5.0 / 9.0
    expr = PINT_EXPR.get(symbol)
    if not expr and "/" in symbol:
        # a limit per unit the lexicon lacks as a whole ("mA/kW", "W/L"): compose the two sides
        num, _, den = symbol.partition("/")
        cn, fn, on = conversion(num)
        cd, fd, od = conversion(den)
        if cn and cd and not on and not od and fd:
            return f"{cn}/{cd}", fn / fd, 0.0
        return None, 1.0, 0.0
    if not expr:
        return None, 1.0, 0.0
    try:
        ureg = registry()
        q = ureg.Quantity(1.0, expr)
        canon = _canon_by_dim().get(str(q.dimensionality))
        if canon is None:
            base = q.to_base_units()
            return f"{base.units:~}", float(base.magnitude), 0.0
        cexpr = _CANON_EXPR.get(canon) or PINT_EXPR[canon]
        return canon, float(q.to(cexpr).magnitude), 0.0
    except unit_errors() as e:  # pint raises many types; an odd unit must not stop extraction
        log.debug("unit %s not convertible: %s", symbol, e)
        return None, 1.0, 0.0


def normalize(symbol: str, value=None, vmin=None, vmax=None, delta: bool = False) -> dict:
    """Normalised {"value","min","max","unit"}; `delta` marks a temperature difference (°C -> K)."""
    if symbol == "°C" and delta:
        return {"value": value if isinstance(value, (int, float)) else None, "min": vmin, "max": vmax, "unit": "K"}
    canon, f, off = conversion(symbol)

    def conv(x):
        if not isinstance(x, (int, float)) or isinstance(x, bool) or canon is None:
            return x if canon is None and isinstance(x, (int, float)) else None
        return _round(x * f + off)

    return {"value": conv(value), "min": conv(vmin), "max": conv(vmax), "unit": canon}


def _round(x: float) -> float:
    """Round away float noise from unit conversion (0.75 mA -> 0.00075 A, not 0.0007500000001)."""
    return float(f"{x:.12g}")
