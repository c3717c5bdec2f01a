"""Tools around the pass: the model checker (and, with it, what a user runs on a whole model).

The pass itself (registry, binder, conversion, patterns) never imports from here."""
