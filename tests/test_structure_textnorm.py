"""Text normalisation shared by all stages: full-width, invisible characters, CJK-aware joining."""

from __future__ import annotations

from zmdocs.text.lang import cjk_ratio
from zmdocs.text.normalize import fold, join_lines, normalize


def test_fullwidth_to_halfwidth_keeps_chinese_punctuation():
    assert normalize("泄漏电流不大于０．７５ｍＡ，试验电压１２５０Ｖ（ＡＣ）：见表１。") == "泄漏电流不大于0.75mA，试验电压1250V（AC）：见表1。"
    assert normalize("温度２０℃～３０℃，＜５％，≤０.５ W") == "温度20℃～30℃，<5%，≤0.5 W"


def test_invisible_and_odd_spaces():
    assert normalize("a\u00a0b\u2009c\u200bd\u00ade\ufeff\u3000f") == "a b cde f"


def test_cjk_line_breaks_and_latin_dehyphenation():
    assert normalize("本文件规定了电热水壶的\n技术要求。") == "本文件规定了电热水壶的技术要求。"
    assert normalize("the require-\nment applies to IEC 60335-\n2-15 kettles") == "the requirement applies to IEC 60335-2-15 kettles"
    assert normalize("IEC 60335-2-15:2016 and  two   spaces") == "IEC 60335-2-15:2016 and two spaces"
    assert normalize("line one\n\nline two", keep_newlines=True) == "line one\nline two"


def test_join_lines():
    assert join_lines(["本文件规定了电热水壶的", "技术要求。"]) == "本文件规定了电热水壶的技术要求。"
    assert join_lines(["The leakage current shall", "not exceed 0.75 mA."]) == "The leakage current shall not exceed 0.75 mA."
    assert join_lines(["the require-", "ment applies"]) == "the requirement applies"
    assert join_lines(["修改采用", "IEC 60335-2-15:2016。"]) == "修改采用IEC 60335-2-15:2016。"


def test_fold_and_ratio():
    assert fold("前　　言") == "前言"
    assert fold("Leakage  Current") == "leakage current"
    assert cjk_ratio("电热水壶 kettle") == 4 / 10
    assert cjk_ratio("123") == 0.0


def test_join_lines_keeps_number_hyphens():
    assert join_lines(["according to IEC 60335-", "2-15:2016 the"]) == "according to IEC 60335-2-15:2016 the"
