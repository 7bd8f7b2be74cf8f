"""Product photos get a thumbnail for the order confirmation page."""
import subprocess
import tempfile
from pathlib import Path


def thumbnail(photo: bytes) -> bytes:
    with tempfile.TemporaryDirectory() as workdir:
        source = Path(workdir) / "photo.jpg"
        target = Path(workdir) / "thumbnail.png"
        source.write_bytes(photo)
        subprocess.run(["convert", str(source), "-resize", "256x256", str(target)], check=True)
        return target.read_bytes()
