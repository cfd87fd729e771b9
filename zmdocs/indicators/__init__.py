"""Technical-indicator extraction: limits, ranges, tolerances and ordinals from prose and tables.

Conventions of the `Indicator` fields this package fills:
- `comparator`: `<=`, `>=`, `<`, `>`, `=`, `range`, `tolerance`. Chinese 以上/以下/以内 and
  不大于/不小于 are inclusive; 小于/低于/大于/高于/超过 exclusive (GB/T 1.1 usage).
- `value` holds the bound for `<=`, `>=`, `<`, `>`, `=`; for `tolerance` the nominal, with
  `min`/`max` = nominal ∓ tolerance (a ±% tolerance is applied to the nominal); `range` fills
  `min`/`max` and leaves `value` None.
- `unit` is the unit as written (`兆欧`, `mA`, `℃`); `normalized` = {"value","min","max","unit"}
  in the canonical unit of the dimension: A, V, W, VA, Ω, Ω/V, Pa, N, N·m, s, m, m², m³, kg,
  J, Hz, r/min, °C for temperatures, K for temperature differences (a `temperature_rise`
  written in ℃ is normalised as K), and %, dB(A), dB, ppm, cycles unchanged. An unknown unit
  is kept as written with normalized unit None.
- Deviations from a rated value (输入功率偏差, power input deviation) are ONE `range` in signed
  %: a bare "±5 %" (no nominal) is -5..5; "+5 %/−10 %", "+5 % / -10 %", "+5 % 或 −10 %",
  "−10 %～+5 %" and "−10 % / +5 %" are all -10..5 (both sides of a comparison use this form, so
  -7..5 can be judged against -10..5); an alternative absolute bound ("+5 % or 20 W (whichever
  is greater) / −10 %") stays in `conditions`; a lone "+20 %" is `<=` 20. A limit per unit ("0,75 mA per kW", "1000 Ω/V") keeps
  the compound unit (`mA/kW`, normalised `A/W`) and the key of its numerator.
- Ordinals (IP codes, grades, protection classes) put the label in `value` (`IPX4`, `1级`,
  `class II`) and `ordinal` = {"scale": "ip"|"grade-cn"|"grade"|"grade-letter"|"class",
  "rank": ..., "label": ...}; for IP the rank is [solids digit, water digit] (None for X);
  "IPX4 or better"/不低于IPX4 is `>=`. Chinese grades (1级 best) carry "better": "lower".
  Classes (Ⅱ类, class II) are indicators only after a cue ("shall be", 应为); otherwise
  they are conditions ("for class II appliances").
- A stated value (为/:/is/of/beträgt/est de, or 试验电压1250V) is `=`; a stated *limit value*
  (限值/Grenzwert/limit) is `<=`. A bound on a multiple of another quantity (不大于额定电流的6倍,
  shall not exceed 0.15 times the MPE) is a unitless factor (`<= 6`), the multiple a condition; stated or
  applied multiples (在1.06倍额定电压下, at 1.06 times rated voltage) and expressions (90%减0.1mm) are not indicators.
- A key is kept only when the value's dimension fits it (glossary `unit`): "measured
  within 5 s" next to "leakage current" gets no key.
- `direction` is derived (`common.direction`): upper bounds lower-is-stricter, lower bounds
  higher-is-stricter, `=` on a test level the product withstands (glossary kind test-level,
  e.g. electric strength) higher-is-stricter, ranges and tolerances "neither".
- `key` comes from the glossary (`data/glossary.yaml`); with `embed=True` an embedding
  nearest-neighbour picks a key for parameters the glossary does not name.
- Bare quantities, quantities inside condition spans (当…时, 在…下, at 25 °C, for 1 min,
  bei …) and ambient values stated with "=" are conditions, not indicators; a test level
  the sentence is about (electric strength at 3 000 V, 15° tilt) is an `=` indicator. The last bound of an
  if-span whose main clause grants a permission or a verdict (若…不超过30 km/h，则允许…; if … , it is deemed …)
  is the criterion, an indicator; an if-span before a limit of its own scopes it (a condition).
  A test setting inside a condition span (bei 23 °C, 在0.3MPa压力下, at a head of 32 m, at an ambient test
  temperature of 266 K) is also an indicator of its own, role test-condition, and stays a condition of the
  limit it governs (`settings.py`; convention of 2026-12-03, tests/data/indicators/README.md).
- `conditions` are the spans that qualify the limit (在额定电压下, 输入功率≤5kW时, at 25 °C,
  for 1 min, a table's row band `额定电压≤60V`, footnotes); `method` the test-method reference
  (按6.3, GB/T 4208, according to 16.3, a table's method column).
- Tables: a row-header or condition column (额定功率≥1 800 W, ＞60～125 under 额定电压, "rated power
  input > 1 kW", an unlabelled column between 项目 and 要求, a band in the item's parenthesis) gives
  the row's `conditions`, never indicators; a bare band takes its header's name (额定电压≤60V).
  When a row names a part (column header 部位/部件/Part/Teil, or any text row label under a
  temperature / temperature-rise header) the parameter is "<header parameter>（<part>）" (zh) or
  "<header parameter> (<part>)", the part is also a condition, and `key` stays the header's.
- `origin` is {"type": "prose"} or {"type": "table", "table": number, "row": i, "col": j}
  (row and column index into `Table.rows`); a table's note row read as prose adds "note": True.
- `role` (`roles.assign_roles`): "requirement" (a limit the product must meet), "test-condition"
  (what a test applies: in a test-methods chapter or under a test heading, an imperative test
  instruction, a table whose headers name a test) or "informative" (注/NOTE/示例/EXAMPLE,
  repeatability and standard-deviation statistics); a table column whose header states a
  requirement or limit (要求, 限值, limit, max/min) is a requirement.
- Implied bounds in tables: a caption or header with 最大/最小/上限/下限/限值/不大于, Maximum
  permissible, MPE, limit, min./max., uncertainty (upper), coverage and capability 能力 (lower)
  gives bare cells their comparator; a caption unit (单位为米, Dimensions in millimetres) and
  "in cd"/"[m]" in a header give their unit. Grade/class/category columns (特级/一级, Class A,
  L1…L4, M1/N1, Order 1a) are conditions and the row names the parameter; one merged cell over
  every grade column is one indicator; band cells ("0.25<质量≤4") and trailing 等级 columns are
  row conditions; table footnote rows are read once as prose.
- Test-level tables (a caption naming 试验条件/test levels): label columns holding values (频率 Hz "80~1000", 电压 kV
  "±4", a 周期 column) and quantities in parentheses ("80%(1kHz)") are test-condition indicators too (`level_tables`).
  zh field descriptions (`field_rules`): a unit declared before a unitless value (单位为秒(s)，值大于0) is its unit; a
  clamp (当数值小于100m时，终端按100m处理) is `>=`; bit values, version numbers and formula terms (N+1) are masked.
  In a zh message-layout table (起始字节/字段/数据类型/位 or hex-code columns, `zh_fields`) only bounds and values
  written with a unit stay (no widths, code lists, unitless constraints, layout columns); hex-constant tables
  (`hex_tables`) and zh formula terms (`zh_formulas`) give none.
- zh allotments and shared bounds (`zh_allot`): a bound in a when-span that assigns a count (…大于等于1200mm时核定2人)
  or grants on a criterion (方可, 无法满足…时) is a requirement, the size per assigned count (按每400mm核定1人) is
  "= 400 mm"; "A和B均应大于等于N" is one indicator per parameter; a capability level (抗风能力为4级) is `>=`. Count
  classifiers (层, 面, 块, 人, 台 …) are units of their own (`units.ZH_CLASSIFIERS`); a term entry going on with a
  rule in bound words (…的规则。采样频率不低于1Hz) gives its bounded values (`zh_terms`).
- List items under a comparator lead-in ("…应小于等于：a）…：15°") take its comparator and parameter
  (`lists.restate_lists`); in en/de/fr a lower and an upper bound written together ("not less
  than 350 mm nor more than 1 500 mm") are one range, in zh they stay two limits (GB drafting);
  a chained inequality "0.3 ≤ pLC ≤ 0.8" is a range; "may be reduced to 5°" keeps the bound.
- Counts per sample volume ("0/100 ml", "100/ml", a unit column "Anzahl/100 ml") keep the volume in the
  unit (`/100 mL`); a unit column "mg/l O 2" or "… (NTU)" gives mg/l or NTU; "pro Tag … 10 m³" is m³/d.
- en/de/fr: a remarks column written in sentences is read as prose about the row's parameter; values
  listed under a title or lead-in naming limit values ("2. Grenzwerte für …", "folgende Grenzwerte:"),
  and the only table under such a title or heading, are upper limits; "(2 100 mm if …)" right after a
  bound is an alternative bound of the same kind, the rest of the parenthesis its condition;
  "6.75 V, 13.5 V or 28.0 V respectively" and three or more listed test points are stated values; a
  clause headed "Number" states counts, in words too ("Two."), and so do its title-less sub-clauses; counts a text
  permits ("two devices optional", items after "may be fitted as follows:") are none.
- Data/product specifications (`spec_tables`): a column headed by one symbol or word ("X", "L", "Alpha") of plain
  numbers holds values, unitless too (".28" is 0.28); numbers among the text values of an attribute table are the
  row attribute's values; a first body row of phrases is a sub-header (its "in Nautical Miles (M)" is the unit);
  a unit right after a number in a column head ("Tile size @ 10 MB") is that condition's. A table its caption or
  clause calls informative, a sample or an option ("may follow" another document) is informative.
"""

from __future__ import annotations

import logging
import re

from zmdocs.indicators.bands import drop_bands
from zmdocs.indicators.colour_bounds import colour_boundaries
from zmdocs.indicators.common import direction
from zmdocs.indicators.de_admin import drop_admin_periods
from zmdocs.indicators.de_counts import count_columns, minimum_counts, prose_count_units
from zmdocs.indicators.de_lists import (
    compound_lengths,
    drop_carried_cells,
    drop_unit_header_cells,
    restate_de_lists,
)
from zmdocs.indicators.de_reference import (
    method_settings,
    programme_durations,
    reference_states,
    values_set_to,
)
from zmdocs.indicators.de_remarks import remark_indicators
from zmdocs.indicators.en_stated import add_stated_values, unglue
from zmdocs.indicators.field_rules import apply_field_rules
from zmdocs.indicators.forms import blank_form
from zmdocs.indicators.grid_shares import resolve_shares
from zmdocs.indicators.grids import grid_indicators, grid_table
from zmdocs.indicators.hex_tables import hex_table
from zmdocs.indicators.implied_bounds import apply_implied_bounds
from zmdocs.indicators.keys import EmbeddingKeys, key_for
from zmdocs.indicators.label_settings import settings_in_labels
from zmdocs.indicators.labelled_bounds import join_labelled_bounds, prohibited_lines
from zmdocs.indicators.leadins import apply_table_leadins
from zmdocs.indicators.level_tables import level_settings
from zmdocs.indicators.list_tables import split_list_tables
from zmdocs.indicators.lists import restate_lists, restate_under
from zmdocs.indicators.operating_bounds import operating_bounds, relative_differences
from zmdocs.indicators.or_more import or_more
from zmdocs.indicators.parallel_text import parallel_indicators
from zmdocs.indicators.per_period import per_period
from zmdocs.indicators.prose import extract_text
from zmdocs.indicators.required_values import add_required_values
from zmdocs.indicators.roles import assign_roles
from zmdocs.indicators.table_cells import table_prose
from zmdocs.indicators.tables import extract_table, header_unit
from zmdocs.indicators.text_tables import split_text_tables
from zmdocs.indicators.units import UNIT_PATTERN
from zmdocs.indicators.zh_definitions import definition_bounds, delimits_class, drop_if_bounds
from zmdocs.indicators.zh_fields import field_table_values
from zmdocs.indicators.zh_terms import term_rules, zh_term_rule
from zmdocs.model import Clause, Document, Indicator
from zmdocs.text.lang import guess_lang

__all__ = ["EXTRACTOR_VERSION", "extract_document", "extract_text", "extract_table", "direction", "key_for"]

log = logging.getLogger(__name__)
# Stamped on every prepared document (zmdocs.app.prepare); bump it when extraction changes, so that
# indicators kept in a store by an older extractor are extracted again instead of reused.
EXTRACTOR_VERSION = "2026.12.13"  # .13: specification tables (min/max/basis columns, product columns of bounded cells, method columns skipped, stacked rows), cycles kept as a unit; zh protocol field tables, hex-constant tables and formula terms give none, 最长为 is <=, transition chapters informative; en precision-of, one-sided tolerances, being-exceeded, negated-verb scopes, figure dimension legends, lost glyphs read back from the prose, fractions in words; the translation column of a bilingual PDF read in its language (origin lang), N or more / N ou plus, per-period counts; .12: .12: zh definitions with class thresholds (informative), protocol timings/retries/field lengths, hex codes masked; en labelled Minimum/Maximum lines, asymmetric tolerances, activation thresholds, values stated without a modal, glued bound words; de administrative periods dropped, test intervals; test-setting columns; colour boundary lines; angular grid points with U/D/L/R and percentage grids resolved against the axis minimum; .11: zh count classifiers as units (人), allotments (每400mm核定1人), shared bounds, when-spans that grant counts; en alternative bounds in parentheses, applicability bands by length/mass, tolerances and excursion times, defined symbols, restated values, implied bounds from defined uncertainty abbreviations, required values; de lead-in lists, remarks columns, admin periods, test settings; amendment-history tables informative; .10: test-condition level tables, declared units (单位为…), clamps, collected volumes, spec tables (symbol columns, attribute values), informative tables by caption/lead-in, German list tables and counts of tests in words, lost signs, bands without "mit", exemptions, OCR word splits in captions and lead-ins, unnumbered tables named by their caption line, units V/m A/m ns µs Bq/L mSv/a, 0.1-set regressions fixed; .9: test-point grids, limit tables with the bound in a column head (band, unit and test-level columns), applicability bands as conditions (zh/en/de), masks for regulation numbers and protocol data formats, zh alternatives in parentheses, inverted prohibitions, listed values sharing one bound, number words, powers of ten, wrapped zh lines; .8: table footnotes stating a limit read as prose, bounded multiples (不大于…的6倍 → <= 6), durations in words, if-spans granting a permission or verdict, test settings in condition spans and table labels are test-condition indicators of their own, tables left in clause text read as tables, n/k key rows, "shall not exceed the amounts given in Table N"; .7: strict lead-in on bare "=" cells, unitless factor/count columns, merged-down cells read once, per-case 对A…应 bounds, "equal to or greater than" is >=, modal and test-frame roles in en/de/fr/zh; .6: roles read around the value (test inputs, test-time frames, table lead-ins), log units (dBµV/m), table cells, "less than the limits shown in the table" strict; .5: numeric key columns (G = 42 l/s) as row conditions, decimal-comma columns, rate units in words; .4: endurance counts (withstand N cycles) are minimums, ohm and kelvin signs folded; .3: glossary keys by spaCy phrase matcher (plurals, elisions), fragment parameters named
_CJK = re.compile(r"[\u4e00-\u9fff]")
# a title-less sub-clause of a clause headed "Number" (of lamps, devices) states counts as its parent does
_COUNT_PARENT = re.compile(r"(?i)^\s*(?:number|anzahl|nombre)\s*$")  # (unless it grants a permission: "2 devices may be installed")
_PERMITS = re.compile(r"(?i)\bmay\b|\bdürfen\b|\bpeu(?:t|vent)\b")

# Clause kinds that state no requirements (scope limits like "额定电压不超过250V" are not indicators).
SKIP_KINDS = {"cover", "foreword", "introduction", "scope", "normative-references", "terms", "bibliography"}


def warm() -> None:
    """Build the extractor's heavy pieces now (spaCy blank pipelines, the glossary matcher).

    A parent that forks one worker per file calls this first, so each worker inherits them
    instead of importing spaCy again (seconds per file).
    """
    from zmdocs.indicators.keys import key_for as _key_for
    from zmdocs.text.nlp import blank

    for lang in ("zh", "en", "de"):
        blank(lang)
    _key_for("leakage current")


def _prose_indicators(c: Clause, text: str, tlang: str, clang: str | None, headings: dict[str, str]) -> list[Indicator]:
    """The indicators of one clause's prose, with the language's extra rules and one shared test method."""
    text = unglue(text) if tlang == "en" else text
    found = drop_bands(extract_text(text, lang=clang, clause=c.id, page=c.page, context=_context(c, headings)), tlang)
    if tlang == "de":
        found += [*reference_states(text, c.id, c.page), *programme_durations(text, c.id, c.page),
                  *method_settings(text, c.id, c.page), *values_set_to(text, c.id, c.page)]
    if tlang == "en":  # "a 100 % search is required", "the value 0.7 shall be assumed"
        found = add_stated_values(add_required_values(found, text, extract_text, c.id, c.page), text, extract_text, c.id, c.page)
        found = prohibited_lines(text, relative_differences(join_labelled_bounds(found)), extract_text, c.id, c.page)
        found += _new_bounds(found, operating_bounds(text, extract_text, c.id, c.page))
    if tlang in ("en", "fr"):  # "bounded by two or more faults", "un ou plusieurs flancs"
        found = per_period(found + _new_bounds(found, or_more(text, tlang, c.id, c.page)))
    if c.kind == "terms":  # a zh entry's rule in bound words, and the thresholds that delimit a defined class
        found = term_rules(found, text)
        if tlang == "zh":
            found = drop_if_bounds(found, text)
            found += _new_bounds(found, definition_bounds(text, c.id, c.page))
    methods = {i.method for i in found if i.method}
    for i in found:
        if not i.method and len(methods) == 1:
            i.method = next(iter(methods))
    return found


def _new_bounds(found: list[Indicator], extra: list[Indicator]) -> list[Indicator]:
    """The indicators of `extra` whose (comparator, value, min, max, unit) `found` does not already hold, as many times."""
    have = [(i.comparator, i.value, i.min, i.max, i.unit) for i in found]
    out = []
    for i in extra:
        k = (i.comparator, i.value, i.min, i.max, i.unit)
        if k in have:
            have.remove(k)
        else:
            out.append(i)
    return out


def extract_document(doc: Document, embed: bool = False, model: str | None = None) -> list[Indicator]:
    """All indicators of a parsed document: clause text and tables, with doc id, clause and page."""
    lang = doc.lang or None
    skip = {c.id for c in doc.clauses if c.kind in SKIP_KINDS
            and not (c.kind == "terms" and (zh_term_rule(c.text) or lang == "zh" and delimits_class(c.text)))}
    out: list[Indicator] = []
    known = {t.number for t in doc.tables if t.number}
    text_tables: list = []
    texts = {c.id: c.text for c in doc.clauses}
    headings = {c.id: c.heading or "" for c in doc.clauses}
    after = {a.id: b.text for a, b in zip(doc.clauses, doc.clauses[1:], strict=False)}  # what follows a grid
    for c in doc.clauses:
        out.extend(colour_boundaries(c, lang))  # also in a definition: the chromaticity area of a signal colour
        body = c.text if c.text.strip() else _sentence_heading(c.heading or "")
        if lang != "zh" and _VALUE_HEADING.match(c.heading or ""):
            body = f"{c.heading}\n{c.text}"  # "Temperature (To): 298 K (25 °C)": a heading that states a value
        if c.id in skip or not body.strip():
            continue
        ctext, found_tables = split_text_tables(body, clause=c.id, page=c.page, known=known)
        text_tables.extend(found_tables)
        ctext, found_tables = split_list_tables(ctext, clause=c.id, page=c.page)
        text_tables.extend(found_tables)
        ctext, grid = grid_indicators(ctext, c.heading or "", clause=c.id, page=c.page, after=after.get(c.id, ""))
        out.extend(grid)
        clang = lang if lang in ("zh", "en", "de", "fr") else None
        if clang and (clang == "zh") != bool(_CJK.search(c.text)):
            clang = None  # an English sentence in a Chinese standard (or the reverse): guess per clause
        parent = texts.get(c.parent or "", "")
        ctext = restate_under(parent, ctext, clang or guess_lang(ctext)) if parent else ctext
        ctext = compound_lengths(restate_de_lists(ctext)) if (clang or guess_lang(ctext)) == "de" else ctext
        text = restate_lists(ctext, clang or guess_lang(ctext))
        found = _prose_indicators(c, text, clang or guess_lang(ctext), clang, headings)
        out.extend(found)
    for t in [*doc.tables, *text_tables]:
        if not (t.clause and t.clause in skip):
            out.extend(_table_indicators(t, lang, headings))
    out.extend(parallel_indicators(doc, skip, extract_text, lambda a, b: _new_bounds(a, b) + a))  # the translation printed beside a clause
    out.extend(settings_in_labels(out, doc.tables, lang if lang in ("zh", "en", "de", "fr") else None))
    apply_field_rules(out, lang)
    out = apply_implied_bounds(doc, apply_table_leadins(doc, out))
    out = drop_unit_header_cells(out) if lang in ("de", "fr") else out
    if lang == "de":
        prose_count_units(out)
        out = drop_admin_periods(out)
    _methods_from_test_chapter(doc, out)
    assign_roles(doc, out)
    resolve_shares(out)  # a grid of percentages of the axis minimum: the intensities they stand for
    if embed:
        nn = EmbeddingKeys(model)
        for i in out:
            if not i.key and i.parameter:
                i.key = nn(i.parameter)
                i.direction = direction(i)
    _stamp_and_warn(doc, out)
    return out


def _table_indicators(t, lang: str | None, headings: dict[str, str]) -> list[Indicator]:
    """The indicators of one table (a test-point grid, a blank form, or limits), with its caption and headers attached."""
    t = count_columns(t) if lang == "de" else t
    found = grid_table(t, headings.get(t.clause or "", ""))
    if found is None:
        found = [] if blank_form(t) or hex_table(t) else extract_table(t, lang=lang if lang in ("zh", "en", "de", "fr") else None)
        found += level_settings(t, found, lang if lang in ("zh", "en", "de", "fr") else None, header_unit)
        found = drop_bands(found, lang) if lang in ("zh", "en", "de") else found  # bands in its notes
        found = minimum_counts(found, headings.get(t.clause or "", ""), t.caption) if lang == "de" else found
        found = remark_indicators(t, found, lang or "")
        found = field_table_values(t, found, lang)  # zh protocol message layouts: encoding, few limits
        found = drop_carried_cells(t, found) if lang in ("de", "fr") else found
        found += _note_settings(t) if lang == "de" else []
    every = " ".join([t.caption or ""] + [c for r in t.header for c in r])
    for i in found:  # the caption and the column's headers: read by roles.assign_roles; not serialised
        j = (i.origin or {}).get("col")
        i._table_text = (" ".join(r[j] for r in t.header if isinstance(j, int) and j < len(r)), every)
    return found


def _note_settings(t) -> list[Indicator]:
    """Test settings a German table's notes write (an interval, a medium's composition), as prose of the table."""
    out = []
    for text, kind in table_prose(t):
        for i in method_settings(text, t.clause, t.page):
            i.origin = {"type": "table", "table": t.number or t.id, kind: True}
            out.append(i)
    return out


def _stamp_and_warn(doc: Document, out: list[Indicator]) -> None:
    """Stamp the document id on each indicator; warn once per document of each unit kept as written."""
    unknown: dict[str, str] = {}
    for i in out:
        i.doc = doc.id
        if i.unit and i.ordinal is None and not (i.normalized or {}).get("unit"):
            unknown.setdefault(i.unit, (i.clause or "").split("#")[-1])
    for unit, where in unknown.items():  # kept as written, never dropped; said once per document
        msg = f"unknown unit {unit!r} (first in clause {where}) kept as written, not normalised"
        if msg not in doc.warnings:
            doc.warnings.append(msg)
        log.warning("%s: %s", doc.id, msg)


# "the durability test schedule is composed of 11 cycles covering 6 kilometres each,": a list item of running text
# that the layout took for a title (lower-case opening, a clause's closing comma or semicolon)
# a heading naming a quantity and stating its value: "Dry pressure (ps): 99 kPa", "Test voltage: 230 V"
_VALUE_HEADING = re.compile(r"^[^\d:]{2,60}:\s*[-+±]?\d[\d.,]*\s*(?:" + UNIT_PATTERN + r")(?![\w/])")
_RUNNING_HEADING = re.compile(r"^[a-z][^.:]{12,}[,;]\s*$")


def _sentence_heading(heading: str) -> str:
    """A text-less clause's heading when it is running text (a list item), as the clause's text; else ""."""
    return heading if _RUNNING_HEADING.match(heading) else ""


def _context(c, headings: dict[str, str]) -> str:
    """The heading that names a clause's parameter: its own, or a "Number" parent's for a title-less sub-clause."""
    parent = headings.get(c.parent or "", "")
    return c.heading or (parent if _COUNT_PARENT.match(parent) and not _PERMITS.search(c.text) else "")


def _methods_from_test_chapter(doc: Document, inds: list[Indicator]) -> None:
    """Link a requirement to the test-method clause whose heading names the same key (5.3 -> 6.3)."""
    by_key: dict[str, str] = {}
    for c in doc.clauses:
        if c.kind == "test-methods" and c.heading:
            k = key_for(c.heading)
            if k and k not in by_key:
                by_key[k] = c.number
    if not by_key:
        return
    kinds = {c.id: c.kind for c in doc.clauses}
    for i in inds:
        if not i.method and i.key in by_key and kinds.get(i.clause or "") != "test-methods":
            i.method = by_key[i.key] if re.match(r"^[A-Z]?\d", by_key[i.key]) else None


_ = guess_lang
