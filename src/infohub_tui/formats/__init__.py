"""The hub as other documents: exports, citations, the clocks in words."""
