"""Starts the API for local development: python run.py"""
import os

import uvicorn

if __name__ == "__main__":
    uvicorn.run("service.main:app", host="0.0.0.0", port=int(os.environ.get("PORT", 8000)))
