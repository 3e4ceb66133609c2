"""Regression guards on the blind sets (tests/checker/blind2/ to blind19/).

Each set was written by someone who never saw the training corpus, the rules or the models, and measured
after the models of its round were final (docs/checker.md gives every measurement and what it missed).
The floors sit at or just under the last measurement, so a change that loses ground on any of them fails
here. They record where the checker stands, not what is wanted: several rows (blind10's real-style ones
among them) are below the issue's targets. Do not tune on these sets; each is used up once measured,
and a new round needs a new one.
"""

from pathlib import Path

import pytest

from nextround.checker.evaluate import evaluate, read_labelled

HERE = Path(__file__).parent

# (set, file, audience, F1 at least, right category at least, risky caught at least, clean flagged at most)
FLOORS = [
    # Round 12: every candidate row below was re-based to the round-12 candidate model's figures (floors
    # truncated to two decimals, clean ceilings rounded up), by the pooled rule of docs/decisions.md: the
    # model is chosen by its F1 over all sixteen used candidate files together, not by any single row, so
    # some rows loosened (clean ceilings on blind2, 4, 5, 6, 7 and most on blind8's first set, 0.017 ->
    # 0.067; right category on blind5's and blind6's real-style sets and blind7's and blind9's first
    # sets). The comments above each candidate row are its history before round 12; docs/checker.md
    # ("Round 12") gives old -> new.
    # Round 14: every candidate row re-based again, by the same pooled rule over blind2-blind11, to the
    # chosen configuration: the round-12 model kept (no retrain beat it) plus the rules `warn-others-away`
    # and `read-the-cv`. Six rows rose (the old floors were below the model they guarded), thirteen stayed;
    # blind11's first set gained two caught messages (F1 and caught up) whose
    # category differs from the label, so its right-category floor went 0.92 -> 0.91 (docs/checker.md,
    # "Round 14, candidate").
    # Round 15: re-based once more by the pooled rule (now over blind2-blind13) to round 15's candidate
    # rules (the round-12 model kept): ten rows rose; blind10's real-style set caught one more message, and
    # where a rule now takes a sentence from the model another model finding of that message is shown
    # first, so its right-category floor went 0.88 -> 0.86 (docs/checker.md, "Round 15, candidate").
    # blind2: from its second and final measurement; the candidate rows were raised to the round-6 models'
    # figures (all rose).
    # Candidate rows from the round-8 model (round 7's kept-apart sentences and 75 new ones trained on):
    # F1 0.893 -> 0.900 and 0.895 -> 0.901, caught 0.836 -> 0.845 and 0.835 -> 0.845, 8 -> 7 clean flagged;
    # right category 0.929 -> 0.914 on the first set (floor down), 0.852 -> 0.866 on the real-style one.
    ("blind2", "candidate.jsonl", "candidate", 0.91, 0.92, 0.87, 0.041),
    ("blind2", "real_candidate.jsonl", "candidate", 0.90, 0.87, 0.85, 0.035),
    # Employer rows from the round-7 models (quotes read, guidance let through, more reported speech): F1
    # 0.941 -> 0.947 and 0.888 -> 0.904, caught 0.919 -> 0.936 and 0.835 -> 0.862, clean flagged held;
    # right category fell 0.918 -> 0.907 and 0.899 -> 0.872, so those floors went down.
    ("blind2", "employer.jsonl", "employer", 0.94, 0.91, 0.93, 0.040),
    ("blind2", "real_employer.jsonl", "employer", 0.91, 0.87, 0.86, 0.023),
    # blind3: measured once on the round-5 models. Candidate rows from the round-6 models: F1 0.932 -> 0.946
    # and 0.918 -> 0.927, caught 0.879 -> 0.905 and 0.848 -> 0.864, clean flagged unchanged; right category
    # fell 0.951 -> 0.943 on the first set, so that floor went from 0.95 to 0.94.
    # Round 8: the first set lost one risky message (F1 0.946 -> 0.937, caught 0.905 -> 0.897) and flagged
    # one polite message more (1 -> 2 of 102, 2.0%), the one-message rise the round-8 brief allows with dev
    # improved; right category 0.943 -> 0.952; the real-style row is unchanged.
    ("blind3", "candidate.jsonl", "candidate", 0.96, 0.96, 0.94, 0.020),
    ("blind3", "real_candidate.jsonl", "candidate", 0.93, 0.94, 0.87, 0.000),
    # Employer rows from the round-7 models: the first set's F1 0.973 -> 0.982 and caught 0.956 -> 0.974,
    # right category 0.945 -> 0.937; the real-style set's right category 0.871 -> 0.892, F1 0.983 -> 0.971
    # and caught 0.988 -> 0.965 (two messages of 86): those floors went down, clean flagged held on both.
    ("blind3", "employer.jsonl", "employer", 0.98, 0.93, 0.98, 0.011),
    ("blind3", "real_employer.jsonl", "employer", 0.98, 0.89, 0.97, 0.013),
    # blind4: measured once on the final round-6 models and rules. Employer rows from the round-7 models,
    # whose new sentences were written from blind4's described misses, so these gains are optimistic:
    # F1 0.949 -> 0.959 and 0.843 -> 0.933, caught 0.921 -> 0.940 and 0.788 -> 0.919, safe real-style
    # feedback flagged 9.4% -> 5.9%; right category 0.921 -> 0.930 and 0.949 -> 0.934 (floor down).
    # Round 8: F1 0.908 -> 0.916, caught 0.861 -> 0.868, clean flagged 5 -> 4 of 128; real-style unchanged.
    # Round 9 candidate rules (a second interview asked for, an invoice for the time spent, "not given a fair
    # chance", "anything I can do to change your mind"): one risky message more, F1 0.916 -> 0.920.
    # Round 11 candidate rules: right category 0.873 -> 0.865 (110 -> 109 of 126; floor down by that one
    # message, with dev F1 0.924 -> 0.933 on the 360 dev messages).
    ("blind4", "candidate.jsonl", "candidate", 0.93, 0.89, 0.90, 0.040),
    ("blind4", "real_candidate.jsonl", "candidate", 0.94, 0.91, 0.92, 0.026),
    ("blind4", "employer.jsonl", "employer", 0.96, 0.95, 0.94, 0.016),
    # Round 9 (quoted phrases named to replace or forbid them, guides telling recruiters what to leave out,
    # "may not ... because of", "is direct discrimination", childcare qualifications, facilities for all):
    # safe real-style text flagged 5 -> 4 of 85, F1 0.933 -> 0.938; nothing else moved.
    # Round 17 (the generality reader retrained, its gate loosened, T = 0.90; every employer row re-based,
    # most tighter): caught 91 -> 90 of 99 here, one message, within the pooled rule in docs/decisions.md.
    ("blind4", "real_employer.jsonl", "employer", 0.93, 0.93, 0.90, 0.036),
    # blind5: measured once on the final round-7 models and rules (candidate model unchanged since round 6).
    # Round 8 candidate: F1 0.911 -> 0.916 and 0.881 -> 0.894, caught 0.850 -> 0.857 and 0.814 -> 0.837,
    # right category 0.912 -> 0.930 and 0.900 -> 0.903, clean flagged unchanged (2 and 3).
    ("blind5", "candidate.jsonl", "candidate", 0.92, 0.94, 0.87, 0.025),
    # Round 10 candidate rules (refusing the decision, dishonesty without "lied"): caught 0.837 -> 0.849.
    ("blind5", "real_candidate.jsonl", "candidate", 0.91, 0.90, 0.86, 0.013),
    ("blind5", "employer.jsonl", "employer", 0.96, 0.97, 0.95, 0.024),
    # Round 8 (the law and guidance stated in general terms let through; same-sex partner, past transition
    # and more children read in their own categories): real-style F1 0.888 -> 0.908, right category 0.884 ->
    # 0.915, safe text flagged 17 -> 11 of 105; risky caught 0.931 -> 0.922 (one message), so that floor
    # went down. Right category rose on blind2 (0.907 -> 0.914), blind4 (0.930 -> 0.951) and blind5 (0.947
    # -> 0.970); every other employer figure held.
    # Round 9: safe text flagged 11 -> 9 of 105, F1 0.908 -> 0.917; nothing else moved.
    ("blind5", "real_employer.jsonl", "employer", 0.95, 0.91, 0.93, 0.029),
    # blind6: measured once on the final round-8 models and rules.
    ("blind6", "candidate.jsonl", "candidate", 0.93, 0.92, 0.90, 0.041),
    # Round 9 candidate rules, written from blind6's described misses, so optimistic: real-style hostile
    # replies caught 73 -> 77 of 87 (0.839 -> 0.885), F1 0.901 -> 0.928, no polite message more.
    # Round 10: right category 0.935 -> 0.922 (one message's first finding changed), with caught and clean
    # flagged unchanged here and caught up on blind2, blind5 and blind7: that floor went down.
    ("blind6", "real_candidate.jsonl", "candidate", 0.92, 0.91, 0.89, 0.035),
    # Round 9, written from blind6's described employer false alarms, so these gains are optimistic: safe
    # text flagged 7 -> 4 of 130 (F1 0.939 -> 0.948) and 11 -> 5 of 97 on the real-style set (F1 0.923 ->
    # 0.952); risky caught and right category unchanged on every employer set.
    ("blind6", "employer.jsonl", "employer", 0.96, 0.92, 0.94, 0.016),
    # Round 16 (generality reader, docs/checker.md): this row lost one risky message (a quoted unlawful
    # question the reader takes for guidance), so its F1 and caught floors went 0.95 -> 0.94: the one
    # message on one set the round allowed. Real-style employer rows of blind7, 10, 14-17 tightened.
    ("blind6", "real_employer.jsonl", "employer", 0.95, 0.89, 0.94, 0.031),
    # blind7: measured once on the final round-9 models and rules.
    ("blind7", "candidate.jsonl", "candidate", 0.95, 0.92, 0.93, 0.028),
    # Round 10, written from blind7's described false alarms and misses, so these gains are optimistic:
    # real-style candidate polite flagged 8 -> 6 of 80, caught 0.931 -> 0.966, F1 0.926 -> 0.949; employer
    # safe text flagged 5 -> 4 of 128 (caught 0.954 -> 0.962) and 9 -> 8 of 96 on the real-style set.
    ("blind7", "real_candidate.jsonl", "candidate", 0.96, 0.90, 0.96, 0.050),
    ("blind7", "employer.jsonl", "employer", 0.97, 0.96, 0.96, 0.024),
    ("blind7", "real_employer.jsonl", "employer", 0.96, 0.95, 0.96, 0.042),
    # blind8: measured once on the final round-10 models and rules.
    ("blind8", "candidate.jsonl", "candidate", 0.91, 0.93, 0.89, 0.067),
    ("blind8", "real_candidate.jsonl", "candidate", 0.88, 0.89, 0.83, 0.052),
    ("blind8", "employer.jsonl", "employer", 0.95, 0.96, 0.95, 0.043),
    ("blind8", "real_employer.jsonl", "employer", 0.93, 0.93, 0.87, 0.000),
    # blind9: measured once on the final round-11 models and rules.
    ("blind9", "candidate.jsonl", "candidate", 0.91, 0.88, 0.88, 0.042),
    ("blind9", "real_candidate.jsonl", "candidate", 0.93, 0.87, 0.88, 0.013),
    ("blind9", "employer.jsonl", "employer", 0.94, 0.93, 0.92, 0.051),
    ("blind9", "real_employer.jsonl", "employer", 0.94, 0.90, 0.89, 0.000),
    # blind10: measured once on the final round-12 models and rules. The real-style employer row is after
    # checker/law.py (written after reading its misses: safe text flagged 12 -> 6 of 86, F1 0.874 -> 0.907).
    ("blind10", "candidate.jsonl", "candidate", 0.92, 0.94, 0.91, 0.054),
    ("blind10", "real_candidate.jsonl", "candidate", 0.90, 0.86, 0.86, 0.035),
    ("blind10", "employer.jsonl", "employer", 0.95, 0.93, 0.93, 0.040),
    ("blind10", "real_employer.jsonl", "employer", 0.94, 0.93, 0.90, 0.012),
    # blind11: measured once on the final round-13 rules and models.
    ("blind11", "candidate.jsonl", "candidate", 0.97, 0.94, 0.95, 0.008),
    ("blind11", "real_candidate.jsonl", "candidate", 0.94, 0.86, 0.92, 0.024),
    ("blind11", "employer.jsonl", "employer", 0.96, 0.94, 0.96, 0.047),
    ("blind11", "real_employer.jsonl", "employer", 0.95, 0.96, 0.91, 0.000),
    # blind12 and blind13: measured once on the final round-14 rules and models (two writers at once; the
    # issue's figures are the two pooled, see docs/checker.md).
    # Round 15: the candidate rows raised to round 15's rules, written after reading these sets' misses.
    ("blind12", "candidate.jsonl", "candidate", 0.96, 0.93, 0.94, 0.017),
    ("blind12", "real_candidate.jsonl", "candidate", 0.95, 0.96, 0.92, 0.024),
    ("blind12", "employer.jsonl", "employer", 0.93, 0.95, 0.93, 0.066),
    ("blind12", "real_employer.jsonl", "employer", 0.95, 0.93, 0.92, 0.000),
    ("blind13", "candidate.jsonl", "candidate", 0.97, 0.93, 0.96, 0.010),
    ("blind13", "real_candidate.jsonl", "candidate", 0.94, 0.92, 0.91, 0.013),
    ("blind13", "employer.jsonl", "employer", 0.96, 0.91, 0.94, 0.026),
    ("blind13", "real_employer.jsonl", "employer", 0.93, 0.89, 0.88, 0.000),
    # blind14 and blind15: measured once on the final round-15 rules and models (pooled figures in
    # docs/checker.md); these rows include the fix made after reading them (engine.own_words, a message
    # wholly in quotation marks: blind14's real-style candidate caught 0.602 -> 0.807).
    ("blind14", "candidate.jsonl", "candidate", 0.92, 0.94, 0.89, 0.043),
    ("blind14", "real_candidate.jsonl", "candidate", 0.88, 0.85, 0.80, 0.024),
    ("blind14", "employer.jsonl", "employer", 0.94, 0.91, 0.94, 0.050),
    # Round 17: caught 77 -> 76 of 82 (one message, within the pooled rule); clean flagged 6 -> 2 of 82.
    ("blind14", "real_employer.jsonl", "employer", 0.95, 0.93, 0.92, 0.025),
    ("blind15", "candidate.jsonl", "candidate", 0.90, 0.88, 0.84, 0.025),
    ("blind15", "real_candidate.jsonl", "candidate", 0.93, 0.92, 0.91, 0.037),
    ("blind15", "employer.jsonl", "employer", 0.94, 0.96, 0.91, 0.028),
    ("blind15", "real_employer.jsonl", "employer", 0.91, 0.94, 0.88, 0.035),
    # blind16 and blind17: measured once on round 15 and the quotation fix (the rows were tightened by
    # round 16's generality reader, chosen on them among the used sets); pooled figures in docs/checker.md.
    ("blind16", "candidate.jsonl", "candidate", 0.90, 0.88, 0.87, 0.060),
    ("blind16", "real_candidate.jsonl", "candidate", 0.91, 0.88, 0.89, 0.064),
    ("blind16", "employer.jsonl", "employer", 0.96, 0.93, 0.95, 0.018),
    ("blind16", "real_employer.jsonl", "employer", 0.95, 0.90, 0.92, 0.000),
    ("blind17", "candidate.jsonl", "candidate", 0.93, 0.92, 0.90, 0.035),
    ("blind17", "real_candidate.jsonl", "candidate", 0.99, 0.93, 0.98, 0.000),
    ("blind17", "employer.jsonl", "employer", 0.98, 0.93, 0.98, 0.009),
    ("blind17", "real_employer.jsonl", "employer", 0.94, 0.90, 0.89, 0.000),
    # blind18 and blind19: measured once on the shipped checker (round 16); the figures are the
    # two pooled (docs/checker.md).
    ("blind18", "candidate.jsonl", "candidate", 0.92, 0.94, 0.88, 0.047),
    ("blind18", "real_candidate.jsonl", "candidate", 0.96, 0.91, 0.95, 0.013),
    ("blind18", "employer.jsonl", "employer", 0.97, 0.92, 0.96, 0.018),
    ("blind18", "real_employer.jsonl", "employer", 0.91, 0.92, 0.88, 0.039),
    ("blind19", "candidate.jsonl", "candidate", 0.91, 0.92, 0.89, 0.049),
    ("blind19", "real_candidate.jsonl", "candidate", 0.95, 0.95, 0.92, 0.013),
    ("blind19", "employer.jsonl", "employer", 0.94, 0.95, 0.91, 0.016),
    ("blind19", "real_employer.jsonl", "employer", 0.91, 0.94, 0.89, 0.052),
    # blind20 and blind21: measured once on the shipped checker (round 17b, 9397976); the figures are
    # the two pooled (docs/checker.md).
    ("blind20", "candidate.jsonl", "candidate", 0.90, 0.84, 0.87, 0.052),
    ("blind20", "real_candidate.jsonl", "candidate", 0.95, 0.85, 0.91, 0.012),
    ("blind20", "employer.jsonl", "employer", 0.97, 0.96, 0.95, 0.015),
    ("blind20", "real_employer.jsonl", "employer", 0.91, 0.96, 0.86, 0.023),
    ("blind21", "candidate.jsonl", "candidate", 0.95, 0.94, 0.95, 0.062),
    ("blind21", "real_candidate.jsonl", "candidate", 0.98, 0.96, 0.97, 0.014),
    ("blind21", "employer.jsonl", "employer", 0.96, 0.94, 0.94, 0.025),
    ("blind21", "real_employer.jsonl", "employer", 0.92, 0.95, 0.87, 0.013),
]


@pytest.mark.parametrize(("folder", "name", "audience", "f1", "category", "caught", "clean"), FLOORS)
def test_blind_figures_do_not_regress(folder, name, audience, f1, category, caught, clean):
    report = evaluate(read_labelled(HERE / folder / name), audience)
    # Compare plain numbers: on a failure pytest prints the objects in the assert, and the report's repr
    # holds the blind messages themselves, which nobody may read.
    measured_f1, measured_category = report.overall.f1, report.category_accuracy
    measured_caught, measured_clean = report.overall.recall, report.clean_flagged
    del report
    assert measured_f1 >= f1
    assert measured_category >= category
    assert measured_caught >= caught
    assert measured_clean <= clean
