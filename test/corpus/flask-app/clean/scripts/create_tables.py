"""Release phase: creates missing tables once per deploy (Procfile `release:`)."""
from app import create_app
from notes.db import db


def main():
    with create_app().app_context():
        db.create_all()


if __name__ == "__main__":
    main()
