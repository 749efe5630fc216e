"""Start Workbench: the window with no arguments, a command-line use case with one."""

import sys

from workbench.app import main

if __name__ == "__main__":
    sys.exit(main())
