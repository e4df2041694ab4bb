#!/usr/bin/env python3
"""Estimates, from DfE's per-authority tables alone, how much more often a council's own placements
(its foster carers, its supported lodgings) are inside its boundary than other providers' are: the
odds ratio the as-is model's prior gives a council's own non-residential placements inside its area
(`CalibrationAssumptions.ownCouncilInsideOdds`).

DfE publishes no table of locality by provider per authority, so the figure comes from the
cross-section of authorities in each year: an authority's share placed inside is modelled as its own
provision's share q1 and everyone else's q0, mixed by its own-provision share s,

    inside share = s * q1 + (1 - s) * q0,  logit q1 = logit q0 + log(odds ratio),
    logit q0 = a + b * log(area) + c * homes share + d * supported share + e * UASC share,

fitted by least squares over the authorities with every figure published (children's homes,
supported accommodation and unaccompanied children are placed further away, and larger areas hold
more of their children; without those controls the odds ratio absorbs them). Prints the odds ratio
per year with a bootstrap interval over authorities. Usage:
    Scripts/estimate-own-council-locality.py [Fixtures/data]
"""
import csv
import math
import os
import random
import subprocess
import sys

try:
    import numpy as np
except ImportError:  # a fresh machine: numpy from PyPI, as the other check scripts take theirs
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "numpy"], check=True)
    import numpy as np

folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "Fixtures", "data")
figures = {}
with open(os.path.join(folder, "dfe_cla_by_la_2021_2025.csv"), newline="") as f:
    for row in csv.DictReader(f):
        if row["geographic_level"] != "Local authority":
            continue
        try:
            value = float(row["number"])
        except ValueError:
            continue  # suppressed: unknown, never zero
        figures.setdefault((int(row["year"]), row["la_code"]), {})[(row["group"], row["characteristic"])] = value
with open(os.path.join(folder, "england_local_authorities.csv"), newline="") as f:
    area = {row["la_code"]: float(row["area_km2"]) for row in csv.DictReader(f)}

INSIDE = ("Locality of placement", "Placed inside the local authority boundary")
OUTSIDE = ("Locality of placement", "Placed outside the local authority boundary")
OWN = ("Place providers", "Own provision (by the LA)")
PROVIDERS = ("Place providers", "Total")
HOMES = ("Placement", "Secure homes and children's homes")
SUPPORTED = ("Placement", "Independent and semi-independent living arrangements/supported accommodation")
UASC = ("Unaccompanied asylum-seeking children", "UASC")


def rows(year):
    out = []
    for (y, code), d in sorted(figures.items()):
        if y != year or code not in area:
            continue
        needed = (INSIDE, OUTSIDE, OWN, PROVIDERS, HOMES, SUPPORTED, UASC)
        if any(key not in d for key in needed):
            continue
        total = d[INSIDE] + d[OUTSIDE]
        if total <= 0 or d[PROVIDERS] <= 0:
            continue
        out.append((d[INSIDE] / total, d[OWN] / d[PROVIDERS],
                    [1.0, math.log(area[code]), d[HOMES] / total, d[SUPPORTED] / total, d[UASC] / total]))
    return out


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def fit(data):
    """Gauss-Newton on (theta, log odds ratio); returns the odds ratio."""
    y = np.array([r[0] for r in data])
    s = np.array([r[1] for r in data])
    X = np.array([r[2] for r in data])
    params = np.zeros(X.shape[1] + 1)
    for _ in range(200):
        theta, log_odds = params[:-1], params[-1]
        q0 = sigmoid(X @ theta)
        q1 = sigmoid(X @ theta + log_odds)
        residual = s * q1 + (1 - s) * q0 - y
        d_theta = (s * q1 * (1 - q1) + (1 - s) * q0 * (1 - q0))[:, None] * X
        d_odds = s * q1 * (1 - q1)
        J = np.hstack([d_theta, d_odds[:, None]])
        step = np.linalg.lstsq(J, -residual, rcond=None)[0]
        params += step
        if np.max(np.abs(step)) < 1e-10:
            break
    return math.exp(params[-1])


print("year  authorities  odds ratio  (90% bootstrap interval over authorities, 400 resamples)")
estimates = []
for year in range(2021, 2026):
    data = rows(year)
    odds = fit(data)
    generator = random.Random(year)
    resampled = sorted(fit([generator.choice(data) for _ in data]) for _ in range(400))
    estimates.append(odds)
    print(f"{year}  {len(data):11d}  {odds:10.2f}  ({resampled[20]:.2f}–{resampled[379]:.2f})")
print(f"median of the five years: {sorted(estimates)[2]:.2f}; range {min(estimates):.2f}–{max(estimates):.2f}")
