#!/usr/bin/env python3
"""Compare parkplan's plan with a reference solver's point (highs_reference.py's column list):
which expansions and projects only one of them has, and the projects placed on another site
or start. Needs PyYAML; a development tool.

usage: compare_plans.py SCENARIO.yaml COLUMNS.txt PLAN.json
"""
import json
import re
import sys
import yaml

scenario = yaml.safe_load(open(sys.argv[1], encoding='utf-8'))
projects = {p['id']: p for p in scenario['projects']}
start, cls, site, built = {}, {}, {}, set()
for line in open(sys.argv[2]):
    m = re.match(r'(V\d)_\w+\((.*)\)$', line.strip())
    if not m:
        continue
    args = [a.replace('~', '-') for a in m.group(2).split(',')]
    if m.group(1) == 'V2':  # started(p, class named by its first site, period)
        p, k, t = args
        if p not in start or t < start[p]:
            start[p], cls[p] = t.replace('.', '-'), k
    elif m.group(1) == 'V1':  # place(p, site), in classes of two or more sites
        site[args[0]] = args[1]
    elif m.group(1) == 'V3':
        built.add(args[0])
reference = {p: (site.get(p, cls[p]), t) for p, t in start.items()}
plan = json.load(open(sys.argv[3]))
ours = {x['project']: (x['site'], x['start']) for x in plan['placements']}
expansions = {x['id'] for x in plan['expansions']}


def describe(p):
    x = projects[p]
    return f"{p} (investment {x.get('investment', 0) / 1e8:.1f}e8, {x.get('power_mw')} MW)"


print('plan value', plan['value'])
print('expansions only in the plan:', sorted(expansions - built), '; only in the reference:', sorted(built - expansions))
for p in sorted(set(ours) - set(reference)):
    print('placed only in the plan:', describe(p), ours[p])
for p in sorted(set(reference) - set(ours)):
    print('placed only in the reference:', describe(p), reference[p])
moved = [p for p in sorted(set(ours) & set(reference)) if ours[p] != reference[p]]
for p in moved:
    print('  elsewhere:', p, 'plan', ours[p], 'reference', reference[p])
print(len(moved), 'placed elsewhere')
