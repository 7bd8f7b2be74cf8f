"""The notes service: a small Flask app that stores notes and their attachments."""
import logging
import os
from logging.handlers import RotatingFileHandler

from flask import Flask
from flask_session import Session

from notes.db import db
from notes.views import notes

DATABASE_URL = os.getenv("DATABASE_URL", "postgres://notes@localhost/app")

log_handler = RotatingFileHandler("logs/notes.log", maxBytes=10_000_000, backupCount=5)
log_handler.setLevel(logging.DEBUG)
logging.getLogger().addHandler(log_handler)


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = DATABASE_URL
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    app.config["CACHE_KEY_PREFIX"] = os.environ.get("CACHE_KEY_PREFIX", "notes")
    app.config["SESSION_TYPE"] = "filesystem"
    Session(app)
    db.init_app(app)
    app.register_blueprint(notes)
    with app.app_context():
        db.create_all()
    return app


app = create_app()

if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
