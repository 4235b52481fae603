"""The timeline chart, drawn as cells (layout) or as SVG."""
