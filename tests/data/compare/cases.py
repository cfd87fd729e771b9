"""Hand-made documents for the comparison tests: a draft, a GB, an IEC, a DIN EN and a product (illustrative)."""

from __future__ import annotations

from zmdocs.model import Clause, Document, Indicator


def ind(param, cmp, value=None, unit="", key="", clause="5.1", **kw) -> Indicator:
    direction = {"<=": "lower-is-stricter", "<": "lower-is-stricter", ">=": "higher-is-stricter", ">": "higher-is-stricter"}
    kw.setdefault("direction", direction.get(cmp, "neither"))
    return Indicator(parameter=param, comparator=cmp, value=value, unit=unit, key=key, clause=clause,
                     text=kw.pop("text", f"{param} {cmp} {value} {unit}"), **kw)


def doc(doc_id: str, family: str, inds: list[Indicator], lang="zh", title="") -> Document:
    clauses = [Clause(id=f"{doc_id}#5", number="5", heading="技术要求", kind="requirements", page=3),
               Clause(id=f"{doc_id}#5.1", number="5.1", heading="安全", kind="requirements", parent=f"{doc_id}#5", page=3),
               Clause(id=f"{doc_id}#6", number="6", heading="试验方法", kind="test-methods", page=6)]
    for i in inds:
        i.doc = doc_id
        i.clause = f"{doc_id}#{i.clause}"
    return Document(id=doc_id, family=family, lang=lang, title=title or doc_id, clauses=clauses, indicators=inds)


def kettle() -> tuple[Document, list[Document]]:
    """Draft stricter on leakage/standby/efficiency, equal on earth resistance, looser on noise than IEC."""
    draft = doc("T/ZZB 0999—2026", "T/ZZB", [
        ind("泄漏电流", "<=", 0.5, "mA", "leakage_current"),
        ind("待机功率", "<=", 0.3, "W", "standby_power"),
        ind("热效率", ">=", 88, "%", "thermal_efficiency"),
        ind("接地电阻", "<=", 0.1, "Ω", "earth_resistance"),
        ind("噪声", "<=", 62, "dB(A)", "noise"),
        ind("煮水时间", "<=", 5, "min", "boiling_time"),
        ind("防护等级", ">=", "IPX4", "", "ip_code", ordinal={"scale": "ip", "rank": [None, 4], "label": "IPX4"}),
        ind("试验温度", "=", 23, "°C", "ambient_temperature", clause="6"),
    ], title="电热水壶")
    gb = doc("GB 4706.19—2024", "GB", [
        ind("泄漏电流", "<=", 0.75, "mA", "leakage_current"),
        ind("接地电阻", "<=", 0.1, "Ω", "earth_resistance"),
        ind("防护等级", ">=", "IPX4", "", "ip_code", ordinal={"scale": "ip", "rank": [None, 4], "label": "IPX4"}),
    ])
    iec = doc("IEC 60335-2-15:2016", "IEC", [
        ind("leakage current", "<=", 750, "µA", "leakage_current", clause="5.1"),
        ind("standby power", "<=", 0.5, "W", "standby_power"),
        ind("earth resistance", "<=", 100, "mΩ", "earth_resistance"),
        ind("noise", "<=", 60, "dB(A)", "noise"),
        ind("insulation resistance", ">=", 2, "MΩ", "insulation_resistance"),
    ], lang="en")
    din = doc("DIN EN 60335-2-15:2020", "DIN EN", [
        ind("Ableitstrom", "<=", 0.75, "mA", "leakage_current"),
        ind("Wirkungsgrad", ">=", 85, "%", "thermal_efficiency"),
    ], lang="de")
    return draft, [gb, iec, din]
