from flask import Blueprint, abort, jsonify, request
from werkzeug.utils import secure_filename

from notes import drafts
from notes.cache import cached_note
from notes.db import Note, db
from notes.limits import too_long
from notes.storage import store_attachment

notes = Blueprint("notes", __name__)

ALLOWED_TYPES = frozenset({"image/png", "image/jpeg", "application/pdf"})


def load_note(note_id):
    note = db.session.get(Note, note_id)
    if note is None:
        abort(404)
    return note.as_dict()


@notes.get("/notes/<int:note_id>")
def show_note(note_id):
    return jsonify(cached_note(note_id, load_note))


@notes.post("/notes")
def create_note():
    payload = request.get_json(force=True)
    if too_long("title", payload["title"]):
        abort(413)
    note = Note(title=payload["title"], body=payload.get("body", ""))
    db.session.add(note)
    db.session.commit()
    return jsonify(note.as_dict()), 201


@notes.post("/notes/<int:note_id>/attachment")
def attach(note_id):
    upload = request.files["file"]
    if upload.mimetype not in ALLOWED_TYPES:
        abort(415)
    filename = secure_filename(upload.filename)
    store_attachment(upload, f"notes/{note_id}/{filename}")
    note = db.session.get(Note, note_id)
    note.attachment = filename
    db.session.commit()
    return jsonify(note.as_dict())


@notes.put("/drafts/<author>")
def save_draft(author):
    drafts.save_draft(author, request.get_data(as_text=True))
    return "", 204


@notes.get("/drafts/<author>")
def show_draft(author):
    return jsonify({"text": drafts.draft_of(author)})
