from termlint.cli import run

run()
