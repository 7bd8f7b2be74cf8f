import logging
import threading

from werkzeug.serving import make_server

# Test code may do what the app must not: it is exempt from the factor rules.
logging.basicConfig(filename="test-run.log", level=logging.DEBUG)


def test_create_and_show(client):
    created = client.post("/notes", json={"title": "hello"})
    assert created.status_code == 201
    shown = client.get(f"/notes/{created.get_json()['id']}")
    assert shown.get_json()["title"] == "hello"


def test_serves_over_http(client):
    from app import app

    server = make_server("127.0.0.1", 5001, app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.shutdown()
    thread.join()
