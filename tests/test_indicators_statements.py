"""Later values and comparators of one statement (issue #11 prose and list wording), on sentences written for
these tests (no corpus text): one regression per rule."""

from __future__ import annotations

from zmdocs.indicators import extract_text
from zmdocs.text.sentences import sentence_spans


def _found(text: str, lang: str, context: str = "") -> list[tuple]:
    return [(i.comparator, i.value, i.unit) for i in extract_text(text, lang=lang, context=context)]


def test_zh_heading_that_opens_the_sentence_is_read_with_the_text():
    # a layout that sets the first line of a title-less clause apart: the comparator is cut between the two
    assert ("<=", 3, "") in _found("于 3。", "zh", context="拖车与牵引车的质量比应小于等")
    assert ("<=", 0.5, "s") in _found("0.50 s，对乙型设备应小于等于 0.9 s。", "zh", context="响应时间对甲型设备应小于等于")
    assert _found("于 3。", "zh", context="一般要求") == []


def test_zh_alternative_bound_in_parentheses_keeps_the_kind_and_the_parameter():
    got = extract_text("拉动时，拉力应小于等于 200N（乙型设备应小于等于 250N），握力应小于等于 100N。", lang="zh")
    assert [(i.comparator, i.value) for i in got] == [("<=", 200), ("<=", 250), ("<=", 100)]
    assert got[1].parameter == got[0].parameter and "乙型设备" in got[1].conditions
    got = _found("倾斜角均应大于等于 25°（对乙型设备均应大于等于 30°）。", "zh")
    assert got == [(">=", 25, "°"), (">=", 30, "°")]


def test_zh_alternatives_stated_with_wei_take_the_bound_after_the_parenthesis():
    got = extract_text("电源接通后，3min（甲型设备为 5min，乙型设备为 7min）内压力应升至工作压力。", lang="zh")
    assert [(i.comparator, i.value, i.unit) for i in got] == [("<=", 3, "min"), ("<=", 5, "min"), ("<=", 7, "min")]
    assert "乙型设备" in got[2].conditions


def test_zh_values_listed_with_a_shared_comparator():
    got = _found("向左、向右、向后的倾角分别应大于等于 7°、4°、3°。", "zh")
    assert got == [(">=", 7, "°"), (">=", 4, "°"), (">=", 3, "°")]


def test_zh_prohibited_thing_described_by_a_bound_is_inverted():
    assert _found("该设备不应使用厚度小于等于 2mm规格的垫片。", "zh") == [(">", 2, "mm")]
    assert _found("外壳上不应有长度超过 10mm 或深度足以露出内层的裂纹。", "zh") == [("<=", 10, "mm")]
    assert _found("厚度应小于等于 2mm。", "zh") == [("<=", 2, "mm")]  # no prohibition: kept


def test_zh_longest_cue_before_a_multiple():
    assert _found("容器的总容积应小于等于标称容积的 1.2 倍。", "zh") == [("<=", 1.2, "")]


def test_zh_bound_on_a_share_of_another_quantity():
    assert _found("制动力的总和应大于等于该设备在空载状态下重量的 25%。", "zh") == [(">=", 25, "%")]
    assert _found("应大于等于甲与乙两者质量之比的 80%。", "zh") == [(">=", 80, "%")]
    assert _found("从开始至压力达到该设备充分建立的稳定工作压力的 75%时所需的时间。", "zh") == []  # the share a condition names


def test_zh_wrapped_line_does_not_end_a_sentence():
    text = "启动后的设备应在额定电压下连续运行，其输出电流应\n小于等于 5A。\n注：本条不适用于备用设备。"
    spans = sentence_spans(text, "zh")
    assert [text[a:b].replace("\n", "") for a, b in spans][0].endswith("小于等于 5A。")
    short = "一般要求\n电流应小于等于 5A。"
    assert len(sentence_spans(short, "zh")) == 2  # a short line (a title) ends its sentence
    listed = "启动后的设备应在额定电压下连续运行，并满足以下各项要求\na) 电流应小于等于 5A。"
    assert len(sentence_spans(listed, "zh")) == 2  # a list item opens a new sentence


def test_by_more_than_under_an_earlier_negation_bounds_the_excess():
    assert _found("No single reading deviates unfavourably by more than 15 per cent.", "en") == [("<=", 15, "per cent")]
    got = _found("Changes of the supply shall not cause the output reading to vary by more than 0,2 mA.", "en")
    assert got == [("<=", 0.2, "mA")]
    assert _found("The reading exceeds the reference by more than 3 %.", "en") == [(">", 3, "%")]  # no negation


def test_within_a_band_and_up_to_a_maximum_are_upper_bounds():
    assert _found("The readings shall lie within a band width of 0,4 mA.", "en") == [("<=", 0.4, "mA")]
    assert _found("The lamps may be lit up to a maximum speed of 15 km/h.", "en") == [("<=", 15, "km/h")]


def test_as_a_minimum_is_a_lower_bound():
    assert _found("As a minimum, an overlap of 8 % is required.", "en") == [(">=", 8, "%")]
    assert _found("The overlap shall be 8 % as a minimum.", "en") == [(">=", 8, "%")]


def test_counts_in_words_after_a_bound_and_repetitions():
    assert _found("The cycle shall be repeated not less than seven times in order to settle the reading.", "en") == [(">=", 7, "")]
    assert _found("There shall be not more than four lamps on each side.", "en") == [("<=", 4, "")]
    assert _found("The current shall not exceed 1.5 times the rated current.", "en") == [("<=", 1.5, "")]  # a multiple


def test_powers_of_ten_and_a_unit_power_set_apart():
    from zmdocs.text.numbers import powers_of_ten

    assert powers_of_ten("5 × 10⁻⁶") == "0.000005"
    assert powers_of_ten("2,5·10^3 Pa") == "2500 Pa"
    assert powers_of_ten("30*106 bit") == "30000000 bit"  # a text layer that lost the superscript of 10⁶
    assert powers_of_ten("600 × 600 mm") == "600 × 600 mm"
    assert _found("The rate shall not exceed 10⁻⁵ per hour.", "en") == [("<=", 0.00001, "")]
    assert _found("The coefficient shall be at least 2,5 m ⁻¹.", "en") == [(">=", 2.5, "m⁻¹")]


def test_zh_counts_keep_their_classifier():
    assert _found("设备应可存储至少 200 组密钥和 16 对密钥对；", "zh") == [(">=", 200, "组"), (">=", 16, "对")]
    assert _found("应至少支持四层结构。", "zh") == [(">=", 4, "层")]
    assert _found("应至少具备 3 个独立的接口。", "zh") == [(">=", 3, "个")]
    assert _found("允许重复2次测量。", "zh") == [("<=", 2, "次")]
    assert _found("对于一个样品，电流应不大于5A。", "zh") == [("<=", 5, "A")]  # 一个 is a word


def test_zh_better_than_or_equal_is_an_upper_bound_on_an_error():
    assert _found("计时误差应优于或等于0.02s。", "zh") == [("<=", 0.02, "s")]
    assert _found("测量误差应等于或优于0.2%。", "zh") == [("<=", 0.2, "%")]


def test_between_a_value_and_an_unnumbered_maximum_is_a_lower_bound():
    assert _found("The oil temperature shall be between 60 °C and a maximum temperature set by the maker.", "en") == [(">=", 60, "°C")]
    assert _found("The peak shall lie between 500 and 520 nm.", "en") == [("range", None, "nm")]


def test_zh_sizes_that_name_a_thing_and_rotations_are_stated_values():
    assert ("=", 0.6, "m") in _found("将0.6m高的试验台放置在接地平面上。", "zh")
    assert ("=", 0.3, "mm") in _found("在平板上放置0.3 mm厚的绝缘垫。", "zh")
    assert ("=", 45, "°") in _found("将线圈旋转45°，重复上述步骤。", "zh")
    assert ("=", 90, "cm") in _found("将样品通过绝缘支架固定于90cm的桌面之上；", "zh")
    assert ("=", 5, "min") in _found("关闭阀门，待压力稳定后观察 5min，压力降低值应小于等于 10kPa。", "zh")


def test_accuracy_of_is_an_upper_bound():
    assert ("<=", 0.05, "mA") in _found("The meter shall enable a current of 2 mA to be read with an accuracy of 0,05 mA.", "en")
    assert _found("The scale shall be accurate to within 0,2 mm.", "en") == [("<=", 0.2, "mm")]


def test_one_after_an_upper_bound_is_a_count():
    assert _found("The stray light shall be such that it does not exceed one unit on the scale.", "en") == [("<=", 1, "")]
    assert _found("Not more than one of the two readings may exceed the limit.", "en") == []  # "one of": a pronoun
    # not a whole one: the fraction in words is read whole (zmdocs.text.numbers.fraction_words)
    assert _found("The lamp shall light within not more than one and a half seconds.", "en") == [("<=", 1.5, "seconds")]


def test_zh_sampled_and_per_group_quantities_are_stated():
    got = _found("检测量：采集 3*10⁶ 比特数据，分成 30 组，每组 10⁵ 比特；", "zh")
    assert got == [("=", 3000000, "比特"), ("=", 30, "组"), ("=", 100000, "比特")]


def test_zh_alternative_of_a_test_setting_is_applied_too():
    got = extract_text("在保持踏板力为 500N（乙型设备为 300N）达到 2min 时，踏板不应有移动现象。", lang="zh")
    assert [(i.comparator, i.value, i.unit) for i in got if i.unit == "N"] == [("=", 500, "N"), ("=", 300, "N")]
    assert "乙型设备" in [i for i in got if i.value == 300][0].conditions


def test_values_listed_after_one_bound_take_it_in_every_language():
    assert _found("The angles shall be not less than 8°, 4° and 7°.", "en") == [(">=", 8, "°"), (">=", 4, "°"), (">=", 7, "°")]
    assert _found("Die Masse darf höchstens 4 kg, 6 kg und 8 kg betragen.", "de") == [("<=", 4, "kg"), ("<=", 6, "kg"), ("<=", 8, "kg")]
    got = extract_text("推力分别应大于等于8N、4N和7N。", lang="zh")
    assert [(i.comparator, i.value) for i in got] == [(">=", 8), (">=", 4), (">=", 7)]
    assert {i.parameter for i in got} == {"推力"}
    assert ("=", 230, "V") in _found("The current shall not exceed 5 mA, measured at 230 V.", "en")  # another dimension


def test_zh_comparator_cut_by_a_wrapped_line():
    text = "设备在额定负载下连续运行时外壳表面的最高温升（相对于环境温度）应小于等\n于 40K。"
    assert _found(text, "zh") == [("<=", 40, "K")]


def test_next_line_of_a_list_of_stated_values():
    text = "Defined by the angles:\nh = 20° up and 10° down,\nv = 40° to either side if one lamp is fitted,\n40° outwards and 25° inwards if two."
    got = _found(text, "en")
    assert ("=", 25, "°") in got and got.count(("=", 40, "°")) == 2


def test_unitless_value_stated_for_a_named_attribute():
    assert _found("The grid is a regular grid (gridCodingType = 3), so every node has a value.", "en") == [("=", 3, "")]
    assert _found("The value of the axis count in this specification is 3.", "en") == [("=", 3, "")]
    assert _found("where k = 2 and the result is 5.", "en") == []  # a symbol of a formula


def test_german_dative_time_units_and_number_words_before_them():
    assert _found("Die Prüfung ist innerhalb von zwölf Monaten abzuschließen.", "de") == [("<=", 12, "Monaten")]
    assert ("=", 14, "Tagen") in _found("Die Frist beträgt 14 Tagen.", "de")


def test_zh_n_or_more_forbidden_and_alternatives_of_bare_values():
    got = _found("隔板宽度应大于等于 300mm；隔板不应布置为4层或4层以上，双层布置时间距应大于等于 500mm。", "zh")
    assert ("<", 4, "层") in got and got.count(("<", 4, "层")) == 1
    assert _found("在前端以后 100mm(对乙型设备为 80mm)处测量所得的宽度数值。", "zh") == []  # the owner is bare


def test_list_lead_in_naming_the_following_values():
    from zmdocs.indicators.lists import restate_lists

    text = restate_lists("设备的最大偏移量应小于等于下列数值：\na) 甲型设备：15mm；\nb) 乙型设备：20mm。", "zh")
    assert _found(text, "zh") == [("<=", 15, "mm"), ("<=", 20, "mm")]
    text = restate_lists("The deviation shall not exceed the following values:\n(a) for class A: 5 mm;\n(b) for class B: 10 mm.", "en")
    assert _found(text, "en") == [("<=", 5, "mm"), ("<=", 10, "mm")]
    assert "for for" not in text


def test_by_more_than_under_a_negation_keeps_an_asymmetric_range():
    got = _found("The output shall not differ from the declared output of the unit by more than +4 % or -8 %.", "en")
    assert got == [("range", None, "%")]


def test_zh_sample_size_is_no_count_indicator():
    assert _found("出厂检验的试样从同批产品中抽取，数量为4件。", "zh") == []
    assert _found("每年进行一次型式检验，样本量为6台。", "zh") == []
    assert _found("应至少具备 3 个独立的接口。", "zh") == [(">=", 3, "个")]  # a required count keeps its classifier
