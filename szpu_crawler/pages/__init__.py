"""Pure parsing: one response in, raw fields out. No normalisation happens here."""
