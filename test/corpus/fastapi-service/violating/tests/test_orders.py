from fastapi.testclient import TestClient

from service.main import app

client = TestClient(app)
DATABASE_URL = "postgresql://orders@localhost/orders_test"


def test_healthz():
    assert client.get("/healthz").json() == {"ok": True}


def test_create_order():
    response = client.post("/orders", json={"customer_id": "c-1", "items": ["book"]})
    assert response.status_code == 201
