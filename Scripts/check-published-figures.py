#!/usr/bin/env python3
"""Recomputes, straight from DfE's raw stock file, every `published` and `persistence` figure that
`placement baseline --calibrate-on Y --predict Z --format json` prints, following the README's
*Measures and denominators*, and reports each difference. Independent of the Swift code: a check
that the figures the model is judged against are DfE's.

    Scripts/check-published-figures.py DFE_STOCK_CSV BASELINE_JSON [BASELINE_JSON ...]

Exits 1 when any value differs (shares by more than 1e-6, counts by more than 0.5).
"""
import collections
import csv
import json
import sys

ENGLAND = "E92000001"
LOCALITY = "Locality of placement"
DISTANCE = "Distance between home and placement"
JOINT = "Distance between home and placement and locality of placement"
PROVIDERS = "Place providers"
PLACEMENT = "Placement"
LA_OF_PLACEMENT = "LA of placement"
INSIDE = "Placed inside the local authority boundary"
OUTSIDE = "Placed outside the local authority boundary"
COMMISSIONED = ["Own provision (by the LA)", "Other LA provision", "Private provision",
                "Voluntary/third sector provision", "Other public provision (e.g. by a PCT etc)"]


def read_tables(path):
    """(year, code) -> {(group, characteristic): count, or None where DfE suppresses it}."""
    tables = collections.defaultdict(dict)
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            level = row["geographic_level"]
            code = row["la_code"] if level == "Local authority" else ENGLAND if level == "National" else None
            if code is None:
                continue
            try:
                value = float(row["number"])
            except ValueError:
                value = None  # c, z, x, k, low: unknown, never none
            tables[(int(row["year"]), code)][(row["group"], row["characteristic"])] = value
    return tables


def total(*values):
    return None if any(v is None for v in values) else sum(values)


def m2(t):
    inside, outside = t.get((LOCALITY, INSIDE)), t.get((LOCALITY, OUTSIDE))
    if inside is not None and outside is not None:
        return inside / (inside + outside) if inside + outside else None
    if inside is None and outside is None:
        # Both suppressed: the joint table's outside cells, against the locality total.
        outside = total(*(t.get((JOINT, f"{k}. Placed outside the LA boundary, {band}")) for k, band in
                          [(2, "20 miles or less from home"), (4, "more than 20 miles from home"),
                           (6, "distance not known or not recorded")]))
        children = t.get((LOCALITY, "Total"))
        if outside is not None and children:
            return (children - outside) / children
    return None


def over_20_miles(t):
    near = t.get((DISTANCE, "Placed 20 miles or less from home"))
    far = t.get((DISTANCE, "Placed more than 20 miles from home"))
    # A suppressed band: the joint table's inside and outside cells added up.
    if near is None:
        near = total(t.get((JOINT, "1. Placed inside the LA boundary, 20 miles or less from home")),
                     t.get((JOINT, "2. Placed outside the LA boundary, 20 miles or less from home")))
    if far is None:
        far = total(t.get((JOINT, "3. Placed inside the LA boundary, more than 20 miles from home")),
                    t.get((JOINT, "4. Placed outside the LA boundary, more than 20 miles from home")))
    return far / (near + far) if near is not None and far is not None and near + far else None


def commissioned(t):
    parents = t.get((PROVIDERS, "Parents or other person with parental responsibility"))
    not_reported = t.get((PROVIDERS, "Placement provider not reported"))
    if parents is None:
        parents = t.get((PLACEMENT, "Placed with parents or other person with parental responsibility"))
    if not_reported is None:
        not_reported = t.get((PLACEMENT, "Other placements"))
    children = t.get((PROVIDERS, "Total"))
    if children is not None and parents is not None and not_reported is not None:
        return children - parents - not_reported
    return total(*(t.get((PROVIDERS, provider)) for provider in COMMISSIONED))


def provider_share(provider):
    def share(t):
        denominator, count = commissioned(t), t.get((PROVIDERS, provider))
        return count / denominator if denominator and count is not None else None
    return share


def other_councils_children_inside(t):
    count = t.get((LA_OF_PLACEMENT, "2. Other LA children externally placed within the local authority boundary"))
    if count is not None:
        return count
    own = t.get((LA_OF_PLACEMENT, "1. Own LA children placed internally within the local authority boundary"))
    if own is None:
        share, children = m2(t), t.get((LOCALITY, "Total"))
        own = share * children if share is not None and children is not None else None
    placed_inside = t.get((LA_OF_PLACEMENT, "Total"))
    if placed_inside == 0:
        return 0
    return placed_inside - own if placed_inside is not None and own is not None else None


MEASURES = {
    "m2_in_area_share": (m2, 1e-6),
    "over_20_miles_share": (over_20_miles, 1e-6),
    "own_council_share": (provider_share("Own provision (by the LA)"), 1e-6),
    "private_share": (provider_share("Private provision"), 1e-6),
    "other_councils_children_placed_inside": (other_councils_children_inside, 0.5),
}


def differences(tables, document):
    """Every value compared, and those that differ: (code, measure, key, year, printed, recomputed)."""
    calibrated, predicted = document["calibrated_on"], document["predicted"]
    entries = [(a["code"], a["measures"]) for a in document["authorities"]]
    entries.append((ENGLAND, document["england"]["measures"]))
    compared, differing = 0, []
    for code, measures in entries:
        for name, (recompute, tolerance) in MEASURES.items():
            for key, year in [("published", predicted), ("persistence", calibrated)]:
                if key not in measures[name]:
                    continue  # in sample: no persistence
                printed, recomputed = measures[name][key], recompute(tables[(year, code)])
                compared += 1
                if printed is None and recomputed is None:
                    continue
                if printed is None or recomputed is None or abs(printed - recomputed) > tolerance:
                    differing.append((code, name, key, year, printed, recomputed))
    return compared, differing


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    tables = read_tables(sys.argv[1])
    failed = False
    for path in sys.argv[2:]:
        with open(path) as f:
            document = json.load(f)
        compared, differing = differences(tables, document)
        print(f"published figures, calibrated on {document['calibrated_on']} predicting {document['predicted']}: "
              f"{compared} values recomputed from DfE's file, {len(differing)} differ")
        for difference in differing[:20]:
            print("  differs: %s %s %s (%d): printed %r, recomputed %r" % difference)
        failed = failed or bool(differing)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
