#!/usr/bin/env python3
"""Derive a test park from an outside scenario (docs/performance.md, "parks derived from the
outside ones"). Needs PyYAML; a development tool, not used by the build or the tests.

usage: derive_park.py IN.yaml OUT.yaml MODE
  dropK:M    drop every M-th proposed project starting at the K-th (existing and committed kept)
  keepK:M    keep only every M-th proposed project starting at the K-th
  utilF      multiply every power, water and sewage capacity (and COD) by F
  budgetF    multiply the budget by F
"""
import sys
import yaml

src, out, mode = sys.argv[1], sys.argv[2], sys.argv[3]
d = yaml.safe_load(open(src, encoding='utf-8'))
fixed = ('existing', 'committed')
proposed = [p for p in d['projects'] if p.get('status') not in fixed]
if mode.startswith('drop'):
    k, m = map(int, mode[4:].split(':'))
    dropped = {id(p) for p in proposed[k::m]}
    d['projects'] = [p for p in d['projects'] if id(p) not in dropped]
elif mode.startswith('keep'):
    k, m = map(int, mode[4:].split(':'))
    kept = {id(p) for p in proposed[k::m]}
    d['projects'] = [p for p in d['projects'] if p.get('status') in fixed or id(p) in kept]
elif mode.startswith('util'):
    f = float(mode[4:])
    for n in d.get('power', []):
        n['capacity_mw'] = round(n['capacity_mw'] * f, 2)
    for n in d.get('water', []):
        n['capacity_m3_day'] = round(n['capacity_m3_day'] * f)
    for n in d.get('sewage', []):
        n['capacity_m3_day'] = round(n['capacity_m3_day'] * f)
        if 'cod_kg_day' in n:
            n['cod_kg_day'] = round(n['cod_kg_day'] * f)
elif mode.startswith('budget'):
    d['budget'] = d['budget'] * float(mode[6:])
else:
    sys.exit(f'unknown mode {mode}')
print(src, mode, len(d['projects']), 'projects', file=sys.stderr)
yaml.safe_dump(d, open(out, 'w', encoding='utf-8'), allow_unicode=True, sort_keys=False)
