"""zh protocol field tables, hex-constant tables, formula terms, bands after a clause number, transition chapters
(issue #11, seventh zh session). Every text is written here."""

from __future__ import annotations

from zmdocs.indicators import extract_document, extract_text
from zmdocs.indicators.hex_tables import hex_table
from zmdocs.indicators.zh_fields import is_field_table
from zmdocs.model import Clause, Document, Table


def _doc(rows: list[list[str]], caption: str = "状态上报消息体数据格式", heading: str = "状态上报") -> Document:
    return Document(id="T/XX 1—2026", lang="zh", clauses=[
        Clause(id="d#6.3", number="6.3", heading=heading, kind="requirements", text="消息体数据格式见表9。")],
        tables=[Table(id="t", number="9", caption=caption, clause="d#6.3", rows=rows)])


def _got(doc: Document) -> list[tuple]:
    return sorted((i.comparator, i.value if i.comparator != "range" else (i.min, i.max), i.unit)
                  for i in extract_document(doc))


def test_message_layout_keeps_bounds_and_drops_widths_codes_spans_and_complements():
    doc = _doc([
        ["起始字节", "字段", "数据类型", "描述及要求"],
        ["0", "设备编号", "BYTE[12]", "12个字节，不足时后补0x00"],
        ["12", "工作模式", "BYTE", "0:待机；1:运行；2:故障"],
        ["13", "亮度等级", "BYTE", "0~255"],
        ["14", "记录条数", "BYTE", "本条消息中的记录条数，不超过60 条，多于60条建议分包发送"],
        ["15", "备注信息", "STRING", "最长为256 字节，经UTF-8编码"],
        ["271", "箱体温度", "WORD", "箱体温度，单位为摄氏度，取值范围为-40～+85"],
        ["273", "上报间隔", "WORD", "单位为秒(s)，值大于0，间隔为0 时停止上报"],
        ["275", "画面质量", "BYTE", "取值范围为1～8，1 表示最好，8表示最差"],
    ])
    assert _got(doc) == sorted([("<=", 60, "条"), ("<=", 256, "字节"), ("range", (-40, 85), "°C")])


def test_a_parameter_table_is_no_field_table():
    rows = [["参数ID", "数据类型", "描述及要求"], ["0x0101", "BYTE", "对比度，设置范围为0~127"]]
    assert not is_field_table(Table(id="t", rows=rows))
    assert _got(_doc(rows, caption="参数项定义")) == [("range", (0, 127), "")]


def test_hex_id_column_makes_a_field_table_and_a_timing_stays():
    rows = [["消息类型", "编码", "描述及要求"], ["上行数据", "0x01", "上传消息为48Byte；应答超时时间为10s。"],
            ["下行数据", "0x02", "下行透传消息"]]
    assert is_field_table(Table(id="t", rows=rows))
    assert _got(_doc(rows, caption="透传消息类型")) == [("=", 10, "s")]


def test_layout_columns_and_unread_remarks_of_a_data_set_table():
    doc = _doc([
        ["字段", "数据类型", "长度/ 字节", "字节序列号", "说明"],
        ["事件时间", "DWORD", "4", "10~13", "单位为秒,分辨率为1。0为无效值"],
        ["轨迹点", "LONG [8]", "32", "14~45", "采样频率为2Hz,记录触发前的轨迹点。"],
        ["设备类别", "BYTE", "1", "46", "数据范围[0,255];类别可分为: 0———未知;1———甲类;2———乙类"],
    ], caption="数据集")
    assert _got(doc) == [("=", 2, "Hz")]


def test_a_clamp_inside_a_code_list_is_a_bound():
    doc = _doc([["位", "定义", "描述及要求"], ["8", "间隔单位", "0:秒(s)，当数值小于10s时，终端按10s处理；1:分"]],
               caption="控制位定义")
    assert _got(doc) == [(">=", 10, "s")]


def test_hex_constant_tables_give_nothing():
    rows = [["", *"0123456789ABCDEF"]] + [[str(r), *[f"{(r * 16 + c) * 7 % 256:02X}" for c in range(16)]]
                                          for r in range(4)]
    rows[2][3] = "7℃"  # an OCR'd 7C
    t = Table(id="t", number="", caption="", clause="d#6.3", rows=rows)
    assert hex_table(t)
    doc = _doc(rows)
    assert _got(doc) == []
    assert not hex_table(Table(id="t", rows=[["等级", "A", "B"], ["电压/V", "12", "24"], ["电流/A", "1.5", "3"]]))


def test_formula_terms_are_no_quantities():
    got = [(i.comparator, i.value, i.unit) for i in extract_text(
        "轮函数为：Y←X0⊕T(X1+1 K+2)，其中 T(B)=B⊕(B<<<7)⊕(B< < <15)，i=0,1,…,15；每个字为16比特字。", lang="zh")]
    assert got == []
    got = [(i.comparator, i.value, i.unit) for i in extract_text("外壳阻燃等级不低于V-0级，灼热丝温度不低于750 ℃。", lang="zh")]
    assert (">=", 750, "℃") in got and len(got) == 2


def test_most_is_an_upper_bound():
    got = [(i.comparator, i.value, i.unit) for i in extract_text("用户名最长为32字节。", lang="zh")]
    assert got == [("<=", 32, "字节")]


def test_a_band_after_a_quoted_clause_number_is_a_condition():
    doc = Document(id="T/XX 2—2026", lang="zh", clauses=[
        Clause(id="d#9.2", number="9.2", heading="", kind="requirements",
               text="以及 5.3.12 整备质量大于等于 8000kg 的专用作业车应装备防抱死系统的要求，自本文件实施之日起第 13 个月开始实施。")])
    assert all(i.value != 8000 for i in extract_document(doc))


def test_a_transition_chapter_restates_limits_as_informative():
    doc = Document(id="T/XX 3—2026", lang="zh", clauses=[
        Clause(id="d#12", number="12", heading="标准实施的过渡期要求", kind="requirements", text=""),
        Clause(id="d#12.1", number="12.1", heading="", kind="requirements", parent="d#12",
               text="5.2.1 关于踏步高度应小于等于350mm的要求，自本文件实施之日起第 25 个月开始实施。")])
    got = [(i.comparator, i.value, i.unit, i.role) for i in extract_document(doc)]
    assert ("<=", 350, "mm", "informative") in got


def test_iteration_counts_of_an_algorithm_are_stated_values():
    got = [(i.comparator, i.value, i.unit) for i in extract_text(
        "本变换由24次迭代运算和1次置换组成。示例为对一组数据反复加密5000次的结果。", lang="zh")]
    assert sorted(got) == [("=", 24, "次"), ("=", 5000, "次")]
