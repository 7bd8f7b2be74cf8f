"""Product photos get a thumbnail for the order confirmation page."""
import io

from PIL import Image

THUMBNAIL_SIZE = (256, 256)


def thumbnail(photo: bytes) -> bytes:
    image = Image.open(io.BytesIO(photo))
    image.thumbnail(THUMBNAIL_SIZE)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
