"""`python -m torch_onnx_to_torch.patterns [PATH]`: rewrite patterns/index.py."""

import sys

from . import write_index

write_index(sys.argv[1] if len(sys.argv) > 1 else __file__.replace("__main__.py", "index.py"))
