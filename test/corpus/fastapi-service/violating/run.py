"""Starts the API for local development: python run.py"""
import uvicorn

uvicorn.run("service.main:app", host="0.0.0.0", port=8000, reload=True)
