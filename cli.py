"""Convenience entry point: `python cli.py ...` runs the zmdocs command line."""
from zmdocs.cli import cli

if __name__ == "__main__":
    cli()
