"""Test settings written inside condition spans: their own `test-condition` indicator as well.

"以10 km/h的速度行驶时", "在23 °C下", "bei 23 °C", "at a temperature of 23 °C", "at 13.5 V": the value a test
applies qualifies the limit it governs (it stays in that limit's `conditions`) and is, in addition, an
indicator of its own with role `test-condition`, so that two standards can be compared on their test
settings (a stricter test temperature matters). Only a stated setting counts: a span opened by a setting
cue (at, bei, à, under/sous, measured at, 在…下, 以…的, a test word before the value), a value without a
bound of its own (a band "额定功率≥1 800 W", "when the width is less than 1 300 mm" scopes the limit, it
sets nothing) in a dimension a test sets (temperature, voltage, current, frequency, speed, pressure, force,
mass, distance, rotational speed, power) or a duration the test runs for or waits ("for 1 min", "after 24 h",
"保持5min", "通电5min后"; a bound stays a bound: "for at least 24 h" is `>= 24 h`). The parameter is the span's own words ("ambient test
temperature", "Bebrütungstemperatur") or, when the span names nothing, the dimension's test word in the
passage's language (试验温度, test temperature, Prüftemperatur, température d'essai). A table's row or column
label that names a setting ("Koloniezahl bei 22 °C") gives it once per table and label (`settings_in_labels`).
"""

from __future__ import annotations

import re

from zmdocs.indicators.common import make
from zmdocs.indicators.keys import key_for
from zmdocs.indicators.quantities import Quantity, dim_of
from zmdocs.model import Indicator

# dimension -> (zh, en, de, fr) test word when the span names nothing
_LABELS: dict[str, tuple[str, str, str, str]] = {
    "°C": ("试验温度", "test temperature", "Prüftemperatur", "température d'essai"),
    "K": ("试验温度", "test temperature", "Prüftemperatur", "température d'essai"),
    "V": ("试验电压", "test voltage", "Prüfspannung", "tension d'essai"),
    "A": ("试验电流", "test current", "Prüfstrom", "courant d'essai"),
    "Hz": ("试验频率", "test frequency", "Prüffrequenz", "fréquence d'essai"),
    "m/s": ("试验速度", "test speed", "Prüfgeschwindigkeit", "vitesse d'essai"),
    "r/min": ("试验转速", "test rotational speed", "Prüfdrehzahl", "vitesse de rotation d'essai"),
    "Pa": ("试验压力", "test pressure", "Prüfdruck", "pression d'essai"),
    "N": ("试验力", "test force", "Prüfkraft", "force d'essai"),
    "kg": ("试验质量", "test mass", "Prüfmasse", "masse d'essai"),
    "m": ("试验距离", "test distance", "Prüfabstand", "distance d'essai"),
    "W": ("试验功率", "test power", "Prüfleistung", "puissance d'essai"),
    "s": ("试验时间", "test duration", "Prüfdauer", "durée d'essai"),
}
_LANG_AT = {"zh": 0, "en": 1, "de": 2, "fr": 3}
# a span that sets the test: "at 23 °C", "bei einer Temperatur von 23 °C", "à 23 °C", "under a load of 50 N"
_HEAD_LATIN = re.compile(r"(?i)^\s*(?:measured\s+at|at|bei|à|under|sous)\b(?!\s+(?:least|most|the\s+(?:latest|earliest))\b)")
_HEAD_ZH = re.compile(r"^\s*(?:在|于|以|使用|用)")  # "使用1000V兆欧表测量时": the instrument's setting
# a duration the test runs for or waits: "for 1 min", "after 20 minutes of exposure", "nach 3 min", "持续5min", "通电2h后"
_HEAD_TIME_LATIN = re.compile(r"(?i)^\s*(?:for|during|after|nach|für|während|pendant|après|durant)\b")
_HEAD_TIME_ZH = re.compile(r"^\s*(?:持续|历时|保持|经过|持续时间|时间为|试验时间|通电|工作|运行|加热|试验|放置)?\s*[\d.]+\s*\S{0,3}\s*(?:后|以后)|^\s*(?:持续|历时|保持|经过)")
_LANG_TAIL = re.compile(r"(?i)^\s*[\d.,]+\s*[^\W\d]{1,9}\s+lang\s*$")  # "10 Minuten lang"
# the words between the head and the value: articles and the copula of "a temperature of"
_LEAD_LATIN = re.compile(r"(?i)^\s*(?:measured\s+at|at|bei|à|under|sous|for|during|after|nach|für|während|pendant|après|durant)\s+(?:an?|the|einer?|eines|dem|der|une?|la|le|l['’])?\s*")
_TAIL_LATIN = re.compile(r"(?i)\s*(?:of|von|de|d['’]|=|:|is|equal\s+to|\()\s*$")
_TAIL_ZH = re.compile(r"\s*(?:为|是|=|:|：|的)\s*$")
_WORDS_LATIN = re.compile(r"(?i)^[a-zà-ÿäöüß][a-zà-ÿäöüß\s'’-]{1,50}$")
_WORDS_ZH = re.compile(r"^[\u4e00-\u9fff]{2,12}$")
_ZH_AFTER = re.compile(r"\s*的\s*([\u4e00-\u9fff]{1,4}?)(?:[\u4e00-\u9fff]|$)")
# a span that names a scope, not a setting: rated values, classes, the appliance (and, in zh, a position:
# "在水平面以下 50mm 的直线" places a line, it sets nothing)
# a test medium named by its property: "(smoke) having an absorption coefficient near 1,7 m-1", "a gas with a density of"
_HAVING = re.compile(r"(?i)\b(?:having|with)\s+(?:an?|the)\s+((?:[\w-]+\s+){0,4}?[\w-]+)\s+(?:of|near|about|approximately|equal\s+to)\s*$")
# "bei 22 °C und ": a first setting of the span and a conjunction, the value after it a second setting of the unit
_SECOND_DE = re.compile(r"(?i)^\s*bei\s+(?:einer?\s+)?(?:[a-zäöüß-]+\s+(?:von\s+)?)?\d[\d.,]*\s*(\S{1,4})\s+(?:und|oder|bzw\.)\s+(?:[A-ZÄÖÜ][\wäöüß-]*\s+bei\s+)?$")
_ZH_LISTED = re.compile(r"^[^\d]*\d[\d.]*\s*[A-Za-z]{1,3}\s*、\s*[\u4e00-\u9fff]{1,6}\s*$")
_SCOPE = re.compile(r"(?i)rated|nominal|额定|Nenn|assigné|nominale?|class|Klasse|classe|类")


def is_setting(t: str, span: tuple[int, int], q: Quantity, lang: str) -> bool:
    """Whether quantity `q` inside condition span t[span] is a setting the test applies."""
    if q.kind not in ("one", "tol") or not q.unit or q.ordinal is not None or q.defaulted:
        return False
    if q.value == 0 and dim_of(q.unit) in ("m", "s"):
        return False  # "at the start of the test (0 km)", "results at 0 h": the starting point, nothing the test sets
    reached = _reached(t, span, q, lang)
    if q.comparator not in (None, "=", "tolerance") and not (reached and q.comparator == ">="):
        return False  # a band scopes the limit ("输入功率≤5kW时", "at more than 50 km/h")
    if lang != "zh" and _HAVING.search(t, span[0], q.start) and not re.search(r"\d", t[span[0]:q.start]):
        return True  # "when the chamber is filled with a gas having an absorption coefficient of 1,7 m-1": the test medium
    if dim_of(q.unit) not in _LABELS:
        return False
    text = t[span[0]:span[1]]
    head = _HEAD_ZH if lang == "zh" else _HEAD_LATIN
    timed = dim_of(q.unit) == "s" and bool((_HEAD_TIME_ZH if lang == "zh" else _HEAD_TIME_LATIN).match(text)
                                           or lang == "de" and _LANG_TAIL.match(text))
    if not head.match(text) and not timed and not reached:
        return False
    before = t[span[0]:q.start]
    if lang == "de" and _SECOND_DE.match(before) and _SECOND_DE.match(before).group(1).strip() == q.unit.strip():
        return True  # "bei 22 °C und 36 °C": two settings of one kind, the second as much as the first
    listed = lang == "zh" and _ZH_LISTED.search(before)  # "在距车前2m、离地高1.2m处测量时": positions listed with 、
    if _SCOPE.search(before) or re.search(r"\d", before) and not listed or lang == "zh" and re.search(r"以[上下内外]|[上下]方", before):
        return False  # "at rated voltage", "at 20 °C and 50 % RH …": one setting per span, the first
    return lang != "zh" or timed or bool(re.search(r"下|时|中|以", text))


# "…的正压力达到500N时，手柄的正压力应小于等于300N": the level a test brings a quantity to, before a limit of its own
_REACHES_ZH = re.compile(r"达到\s*$")
_LIMIT_AFTER_ZH = re.compile(r"[^。；;]{0,40}?(?:应|须)\s*(?:小于|大于|不大于|不小于|不超过|不低于|≤|≥|<|>)")


def _reached(t: str, span: tuple[int, int], q: Quantity, lang: str) -> bool:
    """A zh when-span "…达到N时" whose main clause states a limit: N is the level the test reaches (a setting)."""
    return lang == "zh" and bool(_REACHES_ZH.search(t, max(span[0], q.start - 4), q.start)) \
        and t[span[0]:span[1]].rstrip().endswith("时") and bool(_LIMIT_AFTER_ZH.match(t, span[1]))


def having_span(t: str, q: Quantity) -> tuple[int, int] | None:
    """The span "having an absorption coefficient near 1,7 m-1" a bare value closes, or None."""
    m = _HAVING.search(t, max(0, q.start - 80), q.start)
    return (m.start(), q.end) if m and q.unit and not re.search(r"\d", t[m.start():q.start]) else None


def _words(t: str, span: tuple[int, int], q: Quantity, lang: str) -> str:
    """The span's own name for the setting ("ambient test temperature", "Bebrütungstemperatur"), or ""."""
    before = t[span[0]:q.start]
    if lang == "zh":
        w = _TAIL_ZH.sub("", re.sub(r"^\s*(?:在|于|以|使用|用)\s*", "", before)).strip()
        if not w:
            m = _ZH_AFTER.match(t, q.end)
            w = m.group(0).strip().lstrip("的").strip() if m else ""
            w = w if key_for(w) else ""
        return w if _WORDS_ZH.match(w) else ""
    w = _TAIL_LATIN.sub("", _LEAD_LATIN.sub("", before)).strip()
    return w if w and _WORDS_LATIN.match(w) else ""


def setting_indicator(t: str, span: tuple[int, int], q: Quantity, lang: str, base: dict) -> Indicator:
    """The `test-condition` indicator of a setting; `base` carries clause, page, text, origin and method."""
    dim = dim_of(q.unit)
    having = _HAVING.search(t, span[0], q.start) if lang != "zh" else None
    label = _LABELS[dim][_LANG_AT.get(lang, 1)] if dim in _LABELS else (having.group(1) if having else "")
    param = (having.group(1) if having else "") or _words(t, span, q, lang) or label
    key = key_for(param) or key_for(label)
    reached = q.comparator == ">=" and _REACHES_ZH.search(t, max(span[0], q.start - 4), q.start)  # 达到500N时: = 500 N
    ind = make(parameter=param, comparator="=" if reached else q.comparator or "=", unit=q.unit,
               value=q.value, vmin=q.vmin, vmax=q.vmax, key=key, **base)
    ind._setting = True  # read by roles.assign_roles: always a test-condition; not serialised
    ind._bare = False
    return ind
