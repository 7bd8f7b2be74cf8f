"""One-off: fills a fresh database with a few notes (python -m scripts.seed_notes)."""
from app import create_app
from notes.db import Note, db


def main():
    with create_app().app_context():
        db.create_all()
        for index in range(3):
            db.session.add(Note(title=f"Example {index}"))
        db.session.commit()


if __name__ == "__main__":
    main()
