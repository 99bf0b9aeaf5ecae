"""The scoring function: test names spell out the arithmetic (reference, section 3)."""

from __future__ import annotations

import pytest

from checklists.scoring import Given, ItemRule, item_value, level_of, overall_level, score, theme_percent


def ypn(code: str, weight: int, theme: str = "ENV-MOB", pillar: str = "ENV") -> ItemRule:
    return ItemRule(code=code, theme=theme, pillar=pillar, answer_type="ypn", weight=weight)


def answer(choice: str) -> Given:
    return Given({"choice": choice})


def test_yes_counts_full_weight_2():
    result = score([ypn("A", 2)], {"A": answer("yes")})
    assert result.themes["ENV-MOB"] == 100


def test_partly_counts_half_of_weight_2():
    # (2 x 0.5 + 1 x 1) / (2 + 1) = 2 / 3
    result = score([ypn("A", 2), ypn("B", 1)], {"A": answer("partly"), "B": answer("yes")})
    assert result.themes["ENV-MOB"] == pytest.approx(100 * 2 / 3)


def test_no_counts_zero_but_stays_in_the_denominator():
    # (3 x 0 + 1 x 1) / 4 = 25 %
    result = score([ypn("A", 3), ypn("B", 1)], {"A": answer("no"), "B": answer("yes")})
    assert result.themes["ENV-MOB"] == 25


def test_not_applicable_leaves_the_denominator_3_over_3_is_100():
    # A (w1) not applicable: (3 x 1) / 3, not (3 x 1) / 4
    result = score([ypn("A", 1), ypn("B", 3)], {"A": answer("na"), "B": answer("yes")})
    assert result.themes["ENV-MOB"] == 100


def test_unanswered_item_counts_zero_of_its_weight():
    result = score([ypn("A", 2), ypn("B", 2)], {"A": answer("yes")})
    assert result.themes["ENV-MOB"] == 50


def test_theme_not_assessed_when_applicable_weight_under_half_of_3_over_7():
    # applicable weight 3 of 7 (< 3.5): not assessed
    rules = [ypn("A", 3), ypn("B", 2), ypn("C", 2)]
    result = score(rules, {"A": answer("yes"), "B": answer("na"), "C": answer("na")})
    assert result.themes["ENV-MOB"] is None


def test_theme_assessed_when_applicable_weight_exactly_half_4_over_8():
    rules = [ypn("A", 2), ypn("B", 2), ypn("C", 2), ypn("D", 2)]
    result = score(rules, {"A": answer("yes"), "B": answer("no"), "C": answer("na"), "D": answer("na")})
    assert result.themes["ENV-MOB"] == 50


def test_choice_counts_its_option_value_0_5_times_weight_3():
    rule = ItemRule("C", "ENV-MOB", "ENV", "choice", 3, options={"never": 0, "sometimes": 0.5, "rule": 1})
    assert item_value(rule, answer("sometimes")) == 0.5
    assert score([rule], {"C": answer("sometimes")}).themes["ENV-MOB"] == 50


def test_multi_adds_option_values_0_25_each_capped_at_1():
    options = {k: 0.25 for k in "abcde"}
    rule = ItemRule("M", "ACC-SEN", "ACC", "multi", 2, options=options)
    assert item_value(rule, Given({"choices": ["a", "b"]})) == 0.5
    assert item_value(rule, Given({"choices": list("abcde")})) == 1.0


def test_free_text_is_unscored_and_leaves_the_theme_alone():
    text = ItemRule("T", "ENV-MOB", "ENV", "text", 1)
    result = score([text, ypn("A", 2)], {"T": Given({"text": "notes"}), "A": answer("partly")})
    assert result.items["T"] is None
    assert result.themes["ENV-MOB"] == 50


def test_number_thresholds_take_the_last_reached_150_reaches_100_so_0_5():
    rule = ItemRule("N", "ENV-ENE", "ENV", "number", 2, rules={"thresholds": [[0, 0], [100, 0.5], [200, 1]]})
    assert item_value(rule, Given({"number": 150})) == 0.5
    assert item_value(rule, Given({"number": 250})) == 1.0


def test_percent_without_kpi_scores_its_ratio_3_of_4_is_0_75():
    rule = ItemRule("P", "ENV-EVT", "ENV", "percent", 2)
    assert item_value(rule, Given({"numerator": 3, "denominator": 4})) == 0.75


def test_kpi_measured_without_target_or_improvement_counts_half():
    rule = ItemRule("K", "ENV-MOB", "ENV", "percent", 3, kpi=True, rules={"target": 60, "step": 5})
    assert item_value(rule, Given({"numerator": 2, "denominator": 10})) == 0.5


def test_kpi_reaching_its_target_60_with_70_counts_full():
    rule = ItemRule("K", "ENV-MOB", "ENV", "percent", 3, kpi=True, rules={"target": 60, "step": 5})
    assert item_value(rule, Given({"numerator": 7, "denominator": 10})) == 1.0


def test_kpi_improving_by_its_step_5_points_from_20_to_25_counts_full():
    rule = ItemRule("K", "ENV-MOB", "ENV", "percent", 3, kpi=True, rules={"target": 60, "step": 5})
    assert (
        item_value(rule, Given({"numerator": 25, "denominator": 100}, last_year={"numerator": 2, "denominator": 10}))
        == 1.0
    )
    assert (
        item_value(rule, Given({"numerator": 24, "denominator": 100}, last_year={"numerator": 2, "denominator": 10}))
        == 0.5
    )


def test_kpi_intensity_going_down_5_percent_from_100_to_95_counts_full():
    rule = ItemRule(
        "E", "ENV-ENE", "ENV", "number", 2, kpi=True, rules={"direction": "down", "step": 5, "step_relative": True}
    )
    assert item_value(rule, Given({"number": 95}, last_year={"number": 100})) == 1.0
    assert item_value(rule, Given({"number": 96}, last_year={"number": 100})) == 0.5


def test_kpi_without_required_evidence_is_not_measured_so_zero():
    rule = ItemRule("K", "ENV-MOB", "ENV", "number", 2, kpi=True, evidence_required=True)
    assert item_value(rule, Given({"number": 12})) == 0.0
    assert item_value(rule, Given({"number": 12}, has_evidence=True)) == 0.5


def test_context_kpi_gets_the_first_half_only_even_on_target():
    rule = ItemRule("D", "ENV-DIG", "ENV", "number", 1, kpi=True, rules={"context": True, "target": 0})
    assert item_value(rule, Given({"number": 1000})) == 0.5


def test_reference_example_env_mob_is_40_percent():
    # (3 x 0.5 + 2 x 0.5 + 3 x 0.5 + 2 x 0) / 10 = 40 %
    rules = [
        ItemRule("ENV-MOB-01", "ENV-MOB", "ENV", "percent", 3, kpi=True, rules={"target": 60, "step": 5}),
        ItemRule("ENV-MOB-02", "ENV-MOB", "ENV", "number", 2, kpi=True),
        ItemRule("ENV-MOB-03", "ENV-MOB", "ENV", "choice", 3, options={"never": 0, "sometimes": 0.5, "rule": 1}),
        ypn("ENV-MOB-04", 2),
    ]
    answers = {
        "ENV-MOB-01": Given({"numerator": 3, "denominator": 10}, last_year={"numerator": 3, "denominator": 10}),
        "ENV-MOB-02": Given({"number": 800}),
        "ENV-MOB-03": answer("sometimes"),
        "ENV-MOB-04": answer("no"),
    }
    assert score(rules, answers).themes["ENV-MOB"] == pytest.approx(40)


def test_pillar_is_the_mean_of_its_assessed_themes_100_and_50_give_75():
    rules = [ypn("A", 3, theme="ENV-STR"), ypn("B", 1, theme="ENV-ENE"), ypn("C", 1, theme="ENV-ENE")]
    result = score(rules, {"A": answer("yes"), "B": answer("yes"), "C": answer("no")})
    # equal weight per theme, whatever the number of items: (100 + 50) / 2
    assert result.pillars["ENV"] == 75


def test_pillar_mean_skips_a_theme_not_assessed():
    rules = [ypn("A", 1, theme="ENV-STR"), ypn("B", 1, theme="ENV-ENE")]
    result = score(rules, {"A": answer("yes"), "B": answer("na")})
    assert result.themes["ENV-ENE"] is None
    assert result.pillars["ENV"] == 100


def test_overall_is_the_mean_of_the_pillars_100_and_0_give_50():
    rules = [ypn("A", 1, pillar="ENV"), ypn("B", 3, theme="ACC-PHY", pillar="ACC")]
    result = score(rules, {"A": answer("yes"), "B": answer("no")})
    assert result.overall == 50


def test_theme_percent_of_nothing_scored_is_not_assessed():
    assert theme_percent([(1, None, False)]) is None


@pytest.mark.parametrize(
    ("percent", "level"),
    [
        (0, "starting"),
        (24.9, "starting"),
        (25, "engaged"),
        (49.9, "engaged"),
        (50, "advanced"),
        (74.9, "advanced"),
        (75, "exemplary"),
        (100, "exemplary"),
        (None, None),
    ],
)
def test_pillar_levels_follow_the_thresholds_25_50_75(percent, level):
    assert level_of(percent) == level


def _overall(overall, pillars, **conditions):
    values = {
        "referent_named": True,
        "action_plan": True,
        "w3_kpis_measured": True,
        "reviewed": True,
        "baseline_yes": True,
    }
    values.update(conditions)
    return overall_level(overall, pillars, **values)


def test_overall_80_with_a_pillar_at_55_is_only_advanced():
    assert _overall(80, {"ENV": 95, "ACC": 90, "CIT": 55}) == "advanced"


def test_overall_80_not_reviewed_is_only_advanced():
    assert _overall(80, {"ENV": 80, "ACC": 80, "CIT": 80}, reviewed=False) == "advanced"


def test_overall_60_with_w3_kpis_unmeasured_is_only_engaged():
    assert _overall(60, {"ENV": 60, "ACC": 60, "CIT": 60}, w3_kpis_measured=False) == "engaged"


def test_overall_30_without_action_plan_stays_starting():
    assert _overall(30, {"ENV": 30, "ACC": 30, "CIT": 30}, action_plan=False) == "starting"


def test_overall_80_meeting_every_condition_is_exemplary():
    assert _overall(80, {"ENV": 80, "ACC": 70, "CIT": 90}) == "exemplary"


def test_gaps_order_by_weight_times_missing_points_3x0_5_before_2x0_5():
    rules = [ypn("A", 2), ypn("B", 3), ypn("C", 1)]
    result = score(rules, {"A": answer("partly"), "B": answer("partly"), "C": answer("no")})
    assert result.gaps(rules) == [("B", 1.5), ("A", 1.0), ("C", 1.0)]


def test_an_item_of_another_country_is_neither_asked_nor_counted_so_1_over_1_is_100():
    national = ItemRule("BR-LAW", "ACC-PHY", "ACC", "ypn", 3, countries=("BR",))
    rules = [ItemRule("A", "ACC-PHY", "ACC", "ypn", 1), national]
    assert score(rules, {"A": answer("yes")}, country="MX").themes["ACC-PHY"] == 100
    # In Brazil it counts: (1 x 1 + 3 x 0) / 4
    assert score(rules, {"A": answer("yes")}, country="BR").themes["ACC-PHY"] == 25
