#!/usr/bin/env python3
"""Makes every "asOf" in the seed JSON files a pure ISO date (uuuu-MM-dd), moving the words to "note".

Idempotent: a file whose as-of values are already dates is left byte-identical. Rules (never a guessed date):
- "2024-12" (a month) -> "2024-12-01", note: the source gives the month only;
- "2026" or "2026 (undated; ...)" (a year) -> "2026-01-01", note: the source gives the year only;
- "2024-Q4" (a quarter) -> "2024-10-01", the quarter's first day, note: the source gives the quarter only;
- "2025-12-02 (retrieved)" (a date with words) -> "2025-12-02", the words to the note;
- undated ("doc", "doc (undated)", "retrieved 2026", "catalog commit 017e2502", "2025/2026 (undated blog)") ->
  the date the source was read, given with --read-on (for seeds/catalog: 2026-11-29, the "generated" date of
  ../shared/reference/catalog-sources.json that read them), note: the source is undated.
Usage: tools/normalize_asof.py --read-on 2026-11-29 FILE...
"""
import argparse, json, re

def normalize(text, read_on):
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", text)
    if m:
        return text, None
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d)\s*[ (;,].*", text)
    if m:
        return m.group(1), f"as-of text in the source: '{text}'"
    m = re.fullmatch(r"(\d{4})-(\d\d)", text)
    if m:
        return f"{text}-01", f"the source gives the month only ({text}); as-of is the first of the month"
    m = re.fullmatch(r"(\d{4})-Q([1-4])", text)
    if m:
        y, q = int(m.group(1)), int(m.group(2))
        return f"{y:04d}-{3 * q - 2:02d}-01", f"the source gives the quarter only ({text}); as-of is the quarter's first day"
    m = re.fullmatch(r"(\d{4})(\s*[ (;,].*)?", text)
    if m:
        return f"{m.group(1)}-01-01", f"the source gives the year only ('{text}'); as-of is 1 January"
    if read_on is None:
        raise SystemExit(f"undated as-of '{text}': give --read-on DATE (the date the source was read)")
    return read_on, f"the source is undated ('{text}'); as-of is {read_on}, the date it was read"

def walk(node, read_on, counts):
    if isinstance(node, dict):
        if isinstance(node.get("asOf"), str):
            date, words = normalize(node["asOf"], read_on)
            if words is not None:
                counts[0] += 1
                node["asOf"] = date
                note = node.get("note")
                new_note = words[0].upper() + words[1:] + "." if not note else note.rstrip() + (" " if note.rstrip().endswith(".") else "; ") + words + "."
                if "note" in node:
                    node["note"] = new_note
                else:
                    # keep the key order readable: note right after asOf
                    items = list(node.items())
                    node.clear()
                    for k, v in items:
                        node[k] = v
                        if k == "asOf":
                            node["note"] = new_note
        for v in node.values():
            walk(v, read_on, counts)
    elif isinstance(node, list):
        for v in node:
            walk(v, read_on, counts)

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--read-on")
    p.add_argument("files", nargs="+")
    a = p.parse_args()
    for f in a.files:
        raw = open(f, encoding="utf-8").read()
        data = json.loads(raw)
        counts = [0]
        walk(data, a.read_on, counts)
        if counts[0]:
            out = json.dumps(data, indent=2, ensure_ascii=False) + ("\n" if raw.endswith("\n") else "")
            open(f, "w", encoding="utf-8").write(out)
        print(f"{f}: {counts[0]} as-of values made dates")

if __name__ == "__main__":
    main()
