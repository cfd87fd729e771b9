"""Word-typeset mandatory GB clauses (issue 10): a heading qualified by a closing parenthetical that holds a
limit word, a heading whose bracket wraps onto a second line, and title-less clauses that open by citing
another clause ("15.3 7.8.1 …的要求，…"). Inputs are written here, not taken from a corpus document."""

from __future__ import annotations

from zmdocs.parse.blocks import Block
from zmdocs.parse.numbering import is_heading_text, looks_like_value
from zmdocs.parse.structure import build_document


def _doc(texts: list[str]):
    return build_document([Block(kind="para", text=t, page=1) for t in texts], source="x.txt")


def test_parenthetical_qualifier_does_not_make_a_heading_a_provision():
    assert is_heading_text("速度表误差（最高车速不大于 30 km/h 的车辆除外）")
    assert not is_heading_text("电源线长度不小于0.75 m")
    assert not is_heading_text("电源线长度不小于0.75 m（见图1）")  # the limit stands outside the bracket
    assert not is_heading_text("示例" * 25 + "（甲除外）")  # too long without its qualifier as well


def test_cited_clause_after_a_number_is_not_a_value():
    assert not looks_like_value("6.2.1 关于灯具的要求，自实施之日起执行。")
    assert looks_like_value("2.5 3.0")  # a row of values stays a row of values
    assert looks_like_value("20 ≥5.0")


def test_word_gb_clause_kinds():
    doc = _doc([
        "1 范围", "本文件规定了示例车辆的要求。",
        "2 技术要求",
        "2.1 速度表误差（最高车速不大于 30 km/h 的车辆除外）", "指示车速应大于实际车速。",
        "2.2 制动力平衡要求（两轮车、边三轮车和三轮轻便", "车除外）", "左右轮制动力差应符合规定。",
        "3 过渡期要求",
        "3.1 以下要求自实施之日起第13个月实施：", "——2.1 的要求。",
        "3.2 2.2.1 关于制动力的要求，自实施之日起第25个月实施。",
    ])
    got = [(c.number, c.heading) for c in doc.clauses]
    assert got == [("1", "范围"), ("2", "技术要求"), ("2.1", "速度表误差（最高车速不大于 30 km/h 的车辆除外）"),
                   ("2.2", "制动力平衡要求（两轮车、边三轮车和三轮轻便车除外）"), ("3", "过渡期要求"),
                   ("3.1", ""), ("3.2", "")]
    assert doc.clause("2.2").text == "左右轮制动力差应符合规定。"
    assert doc.clause("3.2").text.startswith("2.2.1 关于制动力")

