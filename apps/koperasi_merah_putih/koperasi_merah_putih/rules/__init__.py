"""Pure domain rules of the cooperative: no frappe import anywhere in this package.

Controllers, reports and print formats call these; tests exercise them in milliseconds with plain
pytest. Money is handled as integers of rupiah (the rupiah has no practical sub-unit) or Decimal.
"""
