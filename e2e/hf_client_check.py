"""The official huggingface_hub client, pointed at Paperboy, reads what it reads from Hugging Face.

Run by e2e/hf-client.spec.ts with the server's base URL; exits non-zero on the first mismatch.
"""
import sys
from datetime import datetime

from huggingface_hub import HfApi
from huggingface_hub.errors import HfHubHTTPError

api = HfApi(endpoint=sys.argv[1])

day = list(api.list_daily_papers(date="2026-08-14"))
assert len(day) >= 20, f"expected the day's papers, got {len(day)}"
dreamx = next(p for p in day if p.id == "2608.13489")
assert dreamx.title.startswith("DreamX-Phi 1.0"), dreamx.title
assert isinstance(dreamx.published_at, datetime) and dreamx.published_at.tzinfo is not None
assert isinstance(dreamx.submitted_at, datetime)
assert dreamx.authors and dreamx.authors[0].name, "authors are objects with names"
# Entries carry submittedBy with `name` (the client reads `user`), exactly as Hugging Face sends it.
assert dreamx.submitted_by is not None and dreamx.submitted_by.fullname == "xiaochonglinghu"

week = list(api.list_daily_papers(week="2026-W33", sort="trending", limit=5))
assert 0 < len(week) <= 5
page2 = list(api.list_daily_papers(month="2026-08", limit=3, p=1))
page1 = list(api.list_daily_papers(month="2026-08", limit=3, p=0))
assert len(page2) == 3 and not {p.id for p in page1} & {p.id for p in page2}, "pages do not overlap"

info = api.paper_info("2608.13489v2")
assert info.id == "2608.13489" and info.title == dreamx.title
assert info.upvotes == dreamx.upvotes
assert info.submitted_by is not None and info.submitted_by.username == "xiaochonglinghu"

found = [p.id for p in api.list_papers(query="DreamX-Phi world model")]
assert "2608.13489" in found, found

text = api.read_paper("2608.13489")
assert text.startswith("# DreamX-Phi 1.0"), text[:80]

try:
    api.paper_info("2699.99999")
    raise AssertionError("an unknown paper should be a 404")
except HfHubHTTPError as e:
    assert e.response.status_code == 404

try:
    list(api.list_daily_papers(date="2025-13-40"))
    raise AssertionError("an impossible date should be a 400")
except HfHubHTTPError as e:
    assert e.response.status_code == 400

print("huggingface_hub", __import__("huggingface_hub").__version__, "ok")
