"""nextround: turn every job rejection into a plan."""

import os

# numpy's OpenBLAS starts a thread per core for every matrix product. The products here are small (a
# batch of sentences times a classifier's weights), so the threads cost more than they save: on the
# checker's --jsonl stream they doubled the CPU time, and slowed the wall clock too. This must be set
# before numpy is first imported, so it lives at the top of the package; set the variable yourself to
# choose otherwise.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
