"""Tools around the pass (fuzzing, model checks); the pass itself never imports them."""
