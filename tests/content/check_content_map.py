#!/usr/bin/python3
"""Checks docs/content-map.md against the content: every backticked id it names exists in quizzes/*.json
(pages, questions, options/items/pairs, role-play nodes and replies, {phone:ID}/{resource:ID} contacts),
no id-like token stands outside backticks, and every current page, question and role-play node is named.
Run from the repository root: python3 tests/content/check_content_map.py   (exit 1 on any problem)"""
import sys
import json, glob, os, re
Q = 'quizzes/'
# The modules in course order, named m1, m2, ... as the map names them.
MOD = {'m%d' % (i + 1): f for i, f in enumerate(json.load(open(Q + 'course.json'))['modules'])}
pages, questions, rps, allq = {}, {}, {}, {}
for m, f in MOD.items():
    d = json.load(open(Q + f))
    pages[m] = {p['id'] for p in d['lesson']['pages']}
    for q in d['quiz']['questions']:
        questions[q['id']] = (f, q)
    rp = d['roleplay']
    rps[rp['id']] = {n['id']: {c['id'] for c in n.get('choices', [])} for n in rp['nodes']}
for q in json.load(open(Q + 'assessment.json'))['questions']:
    questions[q['id']] = ('assessment.json', q)
res = {r['id']: r for r in json.load(open(Q + 'resources.json'))['resources']}
def subids(q):
    return {x['id'] for k in ('options', 'items', 'pairs') for x in q.get(k, []) or []}
text = open('docs/content-map.md').read()
text = text.split('## Coverage check')[0]          # the check's own code is not part of the map
unknown, seen = [], set()
for span in re.findall(r'`([^`]+)`', text):
    for tok in re.split(r'[\s,;()]+', span):
        tok = tok.strip('.:')
        if not tok:
            continue
        m = re.fullmatch(r'\{(phone|resource):([\w.-]+)\}', tok)
        if m:
            if m.group(2) == 'ID':                      # the generic example in the introduction
                continue
            r = res.get(m.group(2))
            if not r or (m.group(1) == 'phone' and not r.get('phone')):
                unknown.append(tok)
            continue
        m = re.fullmatch(r'(m[1-7])/([\w.-]+)', tok)
        if m:
            (seen.add(tok) if m.group(2) in pages[m.group(1)] else unknown.append(tok)); continue
        if re.fullmatch(r'[\w-]+-rp', tok):            # a role-play id on its own
            (None if tok in rps else unknown.append(tok)); continue
        m = re.fullmatch(r'([\w-]+-rp)/([\w.-]+?)(?::([\w.-]+))?', tok)
        if m:
            rp, node, ch = m.groups()
            ok = rp in rps and node in rps[rp] and (ch is None or ch in rps[rp][node])
            (seen.add(rp + '/' + node) if ok else unknown.append(tok)); continue
        m = re.fullmatch(r'([a-z]+[-_]q\d+)(?::([\w.-]+))?', tok)
        if m:
            qid, sub = m.groups()
            ok = qid in questions and (sub is None or sub in subids(questions[qid][1]))
            (seen.add(qid) if ok else unknown.append(tok)); continue
        if re.fullmatch(r'(n\d\w*|end_\w+|[\w-]+-rp|[a-z]+-q\d+\w*)', tok):
            unknown.append(tok)                         # id-like but not in a checkable form
# id-like tokens outside backticks
bare = re.sub(r'`[^`]*`', ' ', text)
loose = sorted(set(re.findall(r'\b(?:[a-z]+[-_]q\d+|end_[a-z_]+|[a-z-]+-rp/\S+)\b', bare)))
missing = []
for m, ps in pages.items():
    missing += [m + '/' + p for p in ps if m + '/' + p not in seen]
missing += [q for q in questions if q not in seen]
for rp, nodes in rps.items():
    missing += [rp + '/' + n for n in nodes if rp + '/' + n not in seen]
print('unknown ids in the map:', unknown or 'none')
print('id-like tokens outside backticks:', loose or 'none')
print('current ids not in the map:', missing or 'none')
print('checked: %d pages, %d questions, %d role-play nodes' % (
    sum(map(len, pages.values())), len(questions), sum(map(len, rps.values()))))

sys.exit(1 if unknown or loose or missing else 0)
