"""Tools around the pass: the model checker, the fuzzer, the progress display.

The pass itself (registry, binder, conversion, patterns) never imports from here."""
