"""Spans that look numeric but are never indicators: standard numbers, references, dates, list marks.

`mask(text)` blanks them (same length, NUL characters) so the quantity scanner cannot see them;
offsets stay valid, so spans found in the masked text index the original text too.
"""

from __future__ import annotations

import re

from zmdocs.indicators.forms import EMPTY_FIELD_CONDITION
from zmdocs.indicators.units import UNIT_PATTERN

_STD_PREFIX = (
    r"(?:GB/T|GB/Z|GB|QB/T|JB/T|SJ/T|HG/T|NY/T|CJ/T|YY/T|YY|GA|T/ZZB|T/[A-Z]{2,8}|DB\d*/T|ISO/IEC|ISO/TR|ISO/TS|ISO|IEC/TR|IEC/TS|IEC"
    r"|CISPR|DIN\s+EN\s+ISO|DIN\s+EN|DIN\s+IEC|DIN|VDE|NF\s+EN|NF|BS\s+EN|BS|EN\s+ISO|EN|ASTM|UL|JIS|ANSI|IEEE|CSA|AS/NZS|SN)"
)
_MASKS = [
    # standard numbers: GB/T 18384-2020, IEC 61010-2, EN 60335-1:2012+A11:2014, DIN EN 60335-1 (VDE 0700-1):2020-08
    re.compile(_STD_PREFIX + r"\s*[A-Z]?\s*\d+(?:\s*[.\-]\s*\d+)*(?:\s*[—\-:]\s*\d{4}(?:-\d{2})?)?"
               r"(?:\s*\(VDE\s*[\d.\-]+\)(?:\s*:\s*\d{4}(?:-\d{2})?)?)?(?:\s*/?\s*\+?\s*A\d+(?:\s*:\s*\d{4})?)*"),
    # Chinese cross-references and numbered elements: 见5.2, 按6.3, 第5章, 表1, 图A.2, 附录B, 5.2条
    re.compile(r"(?:见|按|按照|依据|参见|参照|符合|满足|根据|第)\s*[A-Z]?\d+(?:\.\d+)*(?![\d.])\s*(?:条|章|款|项|部分)?(?!\s*(?:" + UNIT_PATTERN + r"))"),
    re.compile(r"(?:表|图|附录|附表)\s*(?:[A-Z](?:\.\d+)*|\d+(?:\.\d+)*)"),
    re.compile(r"\d+(?:\.\d+)+\s*(?:条|章)"),
    # a clause number a bound refers to: "低于12.13.6规定的数值", "超过5.2所规定的限值" (no unit: a reference)
    (("规定",), re.compile(r"(?<![\d.])[A-Z]?\d+(?:\.\d+){1,4}(?![\d.])(?=\s*(?:所|中)?\s*规定)")),
    # English/German/French references: see 6.3, Table 2, Figure 3, clause 5.2, Annex A.1, Tabelle 1, Bild 2
    re.compile(r"(?i:\b(?:see|siehe|voir|clause|subclause|clauses|table|tables|figure|figures|fig\.|tabelle|bild|tableau|annex|annexe|anhang|abschnitt|article|articles|paragraph|item|items|note|notes|anmerkung|footnote|page|seite|part|teil|partie)\s+)"
               r"[A-Z]?\d+(?:\.\d+)*[a-z]?(?:\s*(?:and|to|und|bis|et|à|,)\s*[A-Z]?\d+(?:\.\d+)*)*"),
    re.compile(r"(?i:\b(?:according\s+to|in\s+accordance\s+with|as\s+specified\s+in|specified\s+in|given\s+in|described\s+in|nach|gemäß|selon|conformément\s+à|of|in)\s+)"
               r"[A-Z]?\d+(?:\.\d+)+(?![\d.,])(?!\s*(?:±|\+\s*\d|" + UNIT_PATTERN + r"))"),  # "of 4.0 ± 1.0 Hz": a value
    # clause-reference ranges: 5.3.1~5.3.4, 5.3~5.6条, 5.3～5.6的要求 (never a range of values)
    re.compile(r"(?<![\d.])[A-Z]?\d+\.\d+\.\d+(?:\.\d+)*\s*[~～至到\-—–、]\s*[A-Z]?\d+(?:\.\d+)+(?![\d.])(?!\s*(?:" + UNIT_PATTERN + r"))"),
    re.compile(r"(?<![\d.])[A-Z]?\d+(?:\.\d+)+\s*[~～至到、]\s*[A-Z]?\d+(?:\.\d+)+(?=\s*(?:条|章|的|进行|规定|要求|试验|中|所|各))"),
    # markup: HTML tags, LaTeX commands, Markdown emphasis and table rules
    re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,80})?/?>|\\[A-Za-z]+(?:\{[^{}]{0,20}\})?|&[a-z]{2,6};|&#\d{2,5};"),
    # cross-reference codes of a specification matrix after a value: "5 m *Pa4", "100% *Bg9, Bh3"
    re.compile(r"\*\s*≤?\s*[A-Z][a-z]?\d{1,3}(?:\s*,\s*[A-Z][a-z]?\d{1,3})*"),
    # legal cross-references: § 3 Absatz 1 Nummer 4 bis 8, Satz 1, Artikel 7 Absatz 2, Anlage 4 Nummer 3
    re.compile(r"(?:§+|\b(?:Satz|Sätze[n]?|Absatz|Absätze[n]?|Nummer[n]?|Nr\.|Artikel|Art\.|Anlage[n]?|Buchstabe[n]?|Spalte|Zeile|Ziffer|alinéa|point))"
               r"\s*\d+[a-z]?(?:\s*(?:bis|und|oder|,|à|et)\s*\d+[a-z]?)*(?!\s*(?:" + UNIT_PATTERN + r"))"),
    # an expression on another quantity: "车宽(m)+0.5", "(H)−0.2"
    re.compile(r"(?<=[)）])\s*[+\-−]\s*\d+(?:\.\d+)?(?=[”\"」』]|\s*$)"),
    # photometric test-point coordinates, a pair of directions: "from 10L to 10R", "10U-5D", "5°L and 5°R" (never litres)
    re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?\s?°?\s?([LRUD])\s*(?:to|and|-|–|—)\s*\d+(?:[.,]\d+)?\s?°?\s?(?!\1)[LRUD](?![A-Za-z])"),
    # the photometric reference axis, the origin of the test-point coordinates: "H = 0° and V = 0°"
    re.compile(r"(?<![\w.])[HV]\s?=\s?0\s?°(?![\d.,])"),
    # the condition of an empty, dotted form field: "Specific density: ........ g/cm³ at 288 K"
    EMPTY_FIELD_CONDITION,
    # a class a requirement leaves out: "excluding Class A headlamp", "except class II" (no class is required)
    re.compile(r"(?i)\b(?:excluding|except(?:\s+for)?|other\s+than)\s+(?:class|grade|klasse|classe)\s+[A-Z0-9]{1,3}\b"),
    # dates and years
    re.compile(r"(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2}|\b\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}\b"),
    re.compile(r"\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])\b"),
    # regulation numbers: (EU) Nr. 1275/2008, 2009/125/EG
    re.compile(r"\b\d{1,4}/(?:19|20)\d{2}\b|\b(?:19|20)\d{2}/\d{1,4}/(?:EU|EG|EC|CE|EWG|EEC|EWR)\b"),
    # UN regulation numbers and amendment series: "Regulation No. 19", "the 03 series of amendments", "Supplement 5 to"
    re.compile(r"(?i)\b(?:UN\s+|UNECE\s+|ECE\s+)?Regulations?\s+Nos?\.?\s*\d+(?:\s*(?:,|and|or)\s*\d+)*"),
    re.compile(r"(?i)\b\d{1,2}(?=\s+(?:(?:and|or)\s+(?:subsequent|later)\s+)?series\s+of\s+amendments)"),
    re.compile(r"(?i)\b(?:supplement|revision|amendment|corrigendum)\s+\d{1,3}(?=\s+(?:to|of)\b)"),
    # protocol data formats: hex codes with the option they name ("0x01:9600"), hex ids, bit fields (b15-b8),
    # a field's resolution ("单位为1/10km", "unit: 0.1 g")
    re.compile(r"(?i)\b0x[0-9a-f]+(?:\s*[:：]\s*\d[\d.]*(?![\d.]|\s*[a-z]{0,3}\s*[(（]?\s*默认))?"),  # a default stays
    # hex command codes with an H suffix: "01H", "0AH", a code before 指令/命令 or alone in a cell ("41H"); a field's
    # width in digits or bits ("长度为20位", not "最大长度为…")
    (("H",), re.compile(r"(?<![A-Za-z0-9.])(?:0[0-9A-F]|[0-9A-F]?[A-F][0-9A-F]?)(?:[0-9A-F]{2})?\s?H(?![A-Za-z0-9])"
               r"|(?<![A-Za-z0-9.])[0-9A-F]{2}(?:[0-9A-F]{2})?\s?H(?=\s*(?:指令|命令|报文|消息|帧|[。；;]|$))|^\s*[0-9A-F]{2}(?:[0-9A-F]{2})?\s?H\s*$")),
    re.compile(r"(?<!最大)(?<!最小)(?:长度|位数)\s*(?:为|是|[:：])\s*\d+\s*位(?![置移于])"),
    re.compile(r"(?i)\bbits?\s*\d{1,2}(?:\s*[-–~]\s*\d{1,2})?\b|\bb\d{1,2}(?:\s*[-–~]\s*b\d{1,2})?\b"),
    re.compile(r"单位\s*(?:为|是|[:：])\s*\d+(?:\.\d+)?(?:\s*/\s*\d+)?"),
    # bit and flag values, version numbers, powers of ten in words: "相应位为1", "置0", "初始版本为1", "乘以10的6次方"
    (("位", "标志", "标识", "置", "版本", "次方"),
     re.compile(r"(?:位|标志|标识)\s*(?:为|置|=)\s*[01](?![\d.])|(?<![设配装放布])置\s*[01](?![\d.])|版本号?\s*(?:为|是|[:：])\s*\d+(?![\d.])"
                r"|\d+\s*的\s*[-−]?\d+\s*次方")),
    # rotations and shifts of a formula ("B<<<10", an OCR'd "< < <2"), an N-bit word ("为32比特字": a data width)
    (("<", ">", "字"), re.compile(r"(?:<\s?){2,3}\d+|(?:>\s?){2,3}\d+|\d+\s*(?:比特|位)(?=\s*字(?!节|符))")),
    # seat or row layouts: "2+3布置", "“2+2”排列" (counts per side of an aisle, not a sum)
    (("+",), re.compile(r"(?<![\d.])\d\s*\+\s*\d(?![\d.])(?=\s*[”\"」』]?\s*(?:布置|布局|排列|座椅|座位))")),
    # a term of a formula: "N+1", "TN+1", "GMT+8" (a letter right before the sign)
    re.compile(r"(?<=[A-Za-z])\+\d+(?![\d.])(?!\s*(?:" + UNIT_PATTERN + r"))"),
    # list numbers and footnote marks at the start of an item: (1) 1) a) ① 1.
    re.compile(r"(?:^|(?<=[\s；;:。\n]))(?<![±=<>≤≥]\s)(?:\(\d{1,2}\)|\d{1,2}\)|[a-z]\)|[①-⑳]|"
               r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bequals\s)(?<!\bof\s)(?<!\bto\s)(?<!\bthan\s)\d{1,2}\.(?=\s))"),  # "… is 2. This": a value
    # clause numbers at the start of a line: 5.2.3 泄漏电流 / A.2 Test
    re.compile(r"(?m)^\s*(?:[A-Z]\.)?[1-9]\d*(?:\.\d+)+(?![\d.])(?!\s*(?:级|倍|" + UNIT_PATTERN + r"))(?=\s|[\u4e00-\u9fff])"),
]


def mask(text: str) -> str:
    """Blank every non-indicator numeric span with NULs (same length)."""
    out = text
    for rx in _MASKS:
        if isinstance(rx, tuple):  # (literals, pattern): a match needs one of the literals, so skip text without any
            if not any(s in out for s in rx[0]):
                continue
            rx = rx[1]
        out = rx.sub(lambda m: "\x00" * len(m.group()), out)
    return out
