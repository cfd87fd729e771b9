"""zh protocol field tables: the message layouts of a communication protocol (JT/T, GB/T message specifications).

A field table has a byte-offset, field, data-type or bit column (起始字节, 字段, 数据类型, 位) or a column of hex codes
(0x01 …) beside its descriptions; a table that defines settable parameters (参数ID …) is not one. In its
description cells the numbers mostly describe the encoding, so only these stay indicators:
- a value written with its unit, or a range under a declared one (单位为摄氏度，取值范围为-40～+85), that is not a field's width ("20个字节",
  "64Byte": an `=` in bytes or bits), not the value of a when-span ("为0时停止") and not inside a list of codes
  ("0:8K；1:11K", "1=通知,2=服务", "0——其他;1——汽油"), unless a clamp ("当数值小于5s时，终端按5s处理", a bound of `field_rules`);
- a bound on a count, a length or a time (不超过125个, 最长为1024字节), but not the complement that follows it in the
  same cell ("…，多于125个建议分多条发送": what to do otherwise);
- a unitless range that is neither the span of a binary width (0～255, 1～127: what the byte holds) nor a coded
  scale whose ends are given meanings ("1～10，1代表…，10表示…"); other unitless values (值大于0, 为0时停止) are
  encoding constraints, no limits.
"""

from __future__ import annotations

import re

from zmdocs.indicators.field_rules import clamped_values, declared_unit
from zmdocs.indicators.prose import extract_text
from zmdocs.model import Indicator, Table

_FIELD_HEADER = re.compile(r"^(?:起始字节|起始位置|偏移量?|字段|数据类型|字段类型|位|比特位)$")
# the layout columns: an offset, a byte index, a width, a type (their numbers place the field, they bound nothing)
_LAYOUT_HEADER = re.compile(r"^(?:起始字节|起始位置|偏移量?|字节序列?号|序号|长度(?:/字节)?|字节数|数据类型|字段|位|比特位)$")
_TEXT_HEADER = re.compile(r"^(?:说明|描述|备注|定义|含义|描述及要求)$")
_RESOLUTION = r"(?:分辨率|精度)\s*(?:为|是|[:：])\s*{}(?![\d.])"  # "单位为千米每小时，分辨率为1": the step of the field
_PARAM_HEADER = re.compile(r"参数")
_HEX = re.compile(r"^\s*0\s?[xX][0-9A-Fa-f]{2}")
_WIDTH_UNITS = ("字节", "比特", "位", "Byte", "byte", "bit")
# "0:停止；1:保存", "1=通知,2=服务", "0x01:320×240": two or more codes each followed by its meaning
_CODE = re.compile(r"(?:^|(?<=[\s；;，,。:：]))(?:\d{1,3}|0[xX][0-9A-Fa-f]+)\s*(?:[:：=]|—{1,3}|-{2,3})\s*(?=\S)")
_SCALE_ENDS = re.compile(r"\d\s*(?:代表|表示)")
_WHEN = r"(?:为|是|=)\s*{}\s*时(?!间|刻)"  # "时间间隔为0时停止跟踪": the value of a when-span
_COMPLEMENT = {"<=": ">", ">=": "<"}


def _heads(t: Table) -> list[str]:
    """Each column's headers joined, without spaces."""
    ncol = max((len(r) for r in t.rows), default=0)
    return [re.sub(r"\s+", "", " ".join(dict.fromkeys(r[j] for r in t.header if j < len(r)))) for j in range(ncol)]


def is_field_table(t: Table) -> bool:
    """A protocol field table: an offset/field/data-type header or a column of hex codes, no parameter header."""
    heads = [re.sub(r"\s+", "", c) for r in t.header for c in r]
    if any(_PARAM_HEADER.search(h) for h in heads):
        return False
    if any(_FIELD_HEADER.match(h) for h in heads):
        return True
    body = t.body
    ncol = max((len(r) for r in body), default=0)
    for j in range(ncol):
        cells = [r[j] for r in body if j < len(r) and r[j].strip()]
        if len(cells) >= 2 and sum(1 for c in cells if _HEX.match(c)) * 2 > len(cells):
            return True
    return False


def _binary_span(i: Indicator) -> bool:
    """A range from 0 or 1 up to 2^k-1 (127, 255, 65535): what a field of k bits can hold."""
    lo, hi = i.min, i.max
    if lo is None or hi is None or lo not in (0, 1) or hi < 7 or hi != int(hi):
        return False
    n = int(hi) + 1
    return n & (n - 1) == 0


def _keeps(i: Indicator, cell: str, codes: bool) -> bool:
    """Whether one indicator of a field table's description cell is a limit (see the module doc)."""
    v = i.max if i.comparator == "range" else i.value
    if codes:  # a code's meaning; but a clamp it states is a bound ("0:秒，当数值小于5s时，终端按5s处理")
        return isinstance(v, (int, float)) and float(v) in clamped_values(cell)
    if i.unit:
        if i.comparator == "=" and isinstance(v, (int, float)) and (re.search(_WHEN.format(f"{v:g}"), cell)
                                                                    or re.search(_RESOLUTION.format(f"{v:g}"), cell)):
            return False
        return not (i.comparator == "=" and i.unit in _WIDTH_UNITS)
    if i.comparator != "range":
        return False  # "值大于0", "为0时停止": a constraint on the encoding, even under a declared unit
    if "单位" in cell and isinstance(v, (int, float)) and declared_unit(cell, float(v)):
        return True
    return not _binary_span(i) and not _SCALE_ENDS.search(cell)


def _text_cells(t: Table, heads: list[str], found: list[Indicator]) -> list[Indicator]:
    """The description cells of a column the table reader left unread (说明, 备注), read as prose about the field."""
    read = {i.origin.col for i in found if i.origin is not None and i.origin.col is not None}
    name = next((j for j, h in enumerate(heads) if h in ("字段", "名称", "字段名称")), 0)
    out: list[Indicator] = []
    for j, h in enumerate(heads):
        if j in read or not _TEXT_HEADER.match(h):
            continue
        for r, row in enumerate(t.body, start=t.header_rows):
            if j < len(row) and row[j].strip() and re.search(r"\d", row[j]):
                out.extend(extract_text(row[j], "zh", clause=t.clause, page=t.page, context=row[name] if name < len(row) else "",
                                        origin={"type": "table", "table": t.number or t.id, "row": r, "col": j}))
    return out


def field_table_values(t: Table, found: list[Indicator], lang: str | None) -> list[Indicator]:
    """The indicators of a zh field table's cells that are limits; other tables' pass unchanged."""
    if lang != "zh" or not is_field_table(t):
        return found
    heads = _heads(t)
    out: list[Indicator] = []
    stated: dict[tuple, set] = {}  # the bounds <=/>= read so far, per cell
    for i in [*found, *_text_cells(t, heads, found)]:
        o = i.origin
        if o is None or o.row is None or o.col is None:
            out.append(i)  # a note or footnote of the table, read as prose
            continue
        cell = i.text or ""
        layout = o.col < len(heads) and _LAYOUT_HEADER.match(heads[o.col].replace("/", "/"))
        if layout or not _keeps(i, cell, len(_CODE.findall(cell)) >= 2):
            continue
        at = (o.row, o.col)
        if any(_COMPLEMENT[c] == i.comparator and (v, u) == (i.value, i.unit) for c, v, u in stated.get(at, ())):
            continue  # "不超过125个，多于125个建议…": the complement of the bound just stated
        if i.comparator in _COMPLEMENT:
            stated.setdefault(at, set()).add((i.comparator, i.value, i.unit))
        out.append(i)
    return out
