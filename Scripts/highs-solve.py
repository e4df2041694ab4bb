"""Solves MPS files with HiGHS, single-threaded, and prints each file's solve time and objective.

The peer for Scripts/benchmark-placement.sh: the time is HiGHS's own run time for the solve only
(reading the file excluded)."""
import sys
import time

import highspy

total = 0.0
for path in sys.argv[1:]:
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("threads", 1)
    highs.readModel(path)
    started = time.perf_counter()
    highs.run()
    elapsed = time.perf_counter() - started
    total += elapsed
    print(f"{path}\t{elapsed:.3f}\t{highs.getInfo().objective_function_value:.6f}\t{highs.modelStatusToString(highs.getModelStatus())}")
print(f"total\t{total:.3f}")
