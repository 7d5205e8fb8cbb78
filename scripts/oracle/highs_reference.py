#!/usr/bin/env python3
"""A reference value from a free MIP solver (HiGHS, `pip install highspy`), used only as an
oracle: solves a model written by `parkplan export-model FILE --format mps --out M.mps` with
two threads and prints its value and bound in the model's units (the exported objective is
divided by a power of ten, docs/formulation.md; compare ratios, or scale by that power).
Optionally writes the names of the columns at 1 (for compare_plans.py).

usage: highs_reference.py M.mps SECONDS [COLUMNS_OUT.txt]

HiGHS does not always stop at its time limit (on one derived park with tight utilities it ran
14 minutes past a 120 s limit), so an alarm ends the process at twice the limit plus a minute
("Alarm clock", exit status 142): no answer for that park.
"""
import signal
import sys
import highspy

try:
    seconds = float(sys.argv[2])
    if not seconds > 0:
        raise ValueError
except (IndexError, ValueError):
    sys.exit('usage: highs_reference.py M.mps SECONDS [COLUMNS_OUT.txt] (SECONDS: a number above 0)')
signal.alarm(int(2 * seconds) + 60)

h = highspy.Highs()
h.setOptionValue('output_flag', False)
h.setOptionValue('time_limit', seconds)
h.setOptionValue('threads', 2)
h.readModel(sys.argv[1])
h.run()
info = h.getInfo()
# The MPS file minimises the negated objective.
print('status', h.modelStatusToString(h.getModelStatus()), 'value', -info.objective_function_value,
      'bound', -info.mip_dual_bound, 'gap', info.mip_gap)
if len(sys.argv) > 3:
    names = h.getLp().col_names_
    with open(sys.argv[3], 'w') as f:
        for n, v in zip(names, h.getSolution().col_value):
            if v > 0.5:
                f.write(n + '\n')
