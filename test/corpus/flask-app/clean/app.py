"""The notes service: a small Flask app that stores notes and their attachments."""
import logging
import os
import sys

from flask import Flask
from flask_session import Session
from redis import Redis

from notes.db import db
from notes.views import notes

log_handler = logging.StreamHandler(sys.stdout)
log_handler.setLevel(logging.DEBUG if os.environ.get("LOG_LEVEL") == "debug" else logging.INFO)
logging.getLogger().addHandler(log_handler)


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    app.config["CACHE_KEY_PREFIX"] = os.environ.get("CACHE_KEY_PREFIX", "notes")
    app.config["SESSION_TYPE"] = "redis"
    app.config["SESSION_REDIS"] = Redis.from_url(os.environ["REDIS_URL"])
    Session(app)
    db.init_app(app)
    app.register_blueprint(notes)
    return app


app = create_app()

if __name__ == "__main__":
    app.run(port=int(os.environ.get("PORT", 5000)))
