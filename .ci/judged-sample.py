#!/usr/bin/env python3
"""Draw issue 19's judged sample: 20 SOTU addresses, then 60 asserted relations among them.

Not run by CI. Usage (from the project root, after `cargo build --release`):
    python3 .ci/judged-sample.py [SEED]
Prints a table (number, rule, subject, predicate, class, object, sentence) for a reader to judge
each relation against its sentence. The addresses are drawn with the seed from those the rules
were not written on (the 1980 address is in ../shared/corpus, the 2002 one was read for issue 18).
"""
import json, os, random, subprocess, sys, tempfile

seed = int(sys.argv[1]) if len(sys.argv) > 1 else 19
sotu = '../shared/corpus-large/sotu'
names = sorted(n for n in os.listdir(sotu) if n.endswith('.txt') and not n.startswith(('1980', '2002')))
rng = random.Random(seed)
chosen = sorted(rng.sample(names, 20))
with tempfile.TemporaryDirectory() as tmp:
    for n in chosen:
        os.symlink(os.path.abspath(os.path.join(sotu, n)), os.path.join(tmp, n))
    graph = os.path.join(tmp, 'g.kgb')
    subprocess.run(['target/release/kg', 'build', '-q', tmp, '-o', graph], check=True)
    out = subprocess.run(['target/release/kg', 'export', '-f', 'json', graph],
                         check=True, capture_output=True, text=True).stdout
g = json.loads(out)
nodes = {n['id']: n['name'] for n in g['nodes']}
items = []
for link in g['links']:
    if link['class'] == 'CoMention':
        continue
    for ev in link['evidence']:
        items.append((nodes[link['source']], link['predicate'], link['class'], nodes[link['target']],
                      link['negated'], ev['rule'], ev['document'], ev['sentence']))
items.sort()
print('addresses:', ', '.join(chosen))
print(f'asserted relation items: {len(items)}; drawn: 60 (seed {seed})')
for i, (s, p, c, o, neg, rule, doc, sentence) in enumerate(rng.sample(items, 60), 1):
    print(f"{i}\t{rule}\t{s}\t{'not ' if neg else ''}{p}\t{c}\t{o}\t{doc}\t{' '.join(sentence.split())}")
