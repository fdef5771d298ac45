"""`python -m views` runs the `dentelle` command (as the installed script does)."""

from views.cli import main

main()
