import logging
from collections import defaultdict

from fastapi import BackgroundTasks, Depends, FastAPI, Header, HTTPException, UploadFile
from pydantic import BaseModel

from service.db import Session
from service.events import publish
from service.settings import settings
from service.thumbnails import thumbnail

logging.basicConfig(level=logging.DEBUG if settings.log_level == "debug" else logging.INFO)
logger = logging.getLogger("orders")

app = FastAPI(title="Orders", debug=True)
orders_per_customer = defaultdict(int)


class OrderIn(BaseModel):
    customer_id: str
    items: list[str]


async def session():
    async with Session() as db:
        yield db


@app.get("/healthz")
async def healthz():
    return {"ok": True}


@app.post("/orders", status_code=201)
async def create_order(order: OrderIn, background: BackgroundTasks, db=Depends(session)):
    orders_per_customer[order.customer_id] += 1
    background.add_task(publish, "orders.created", order.model_dump())
    logger.info("order accepted", extra={"customer": order.customer_id})
    return {"customer_id": order.customer_id, "items": order.items}


@app.post("/products/{product_id}/thumbnail")
async def product_thumbnail(product_id: int, photo: UploadFile, x_api_key: str = Header(alias=settings.api_key_header)):
    if not x_api_key:
        raise HTTPException(status_code=401)
    return {"product_id": product_id, "png": thumbnail(await photo.read()).hex()}
