"""The tovrun demo backend: a health endpoint, one JSON endpoint the frontend calls through Vite's proxy, and one that fails."""
import os

from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok")


@app.get("/api/greeting")
def greeting():
    return jsonify(message=f"Hello from Flask, {os.environ.get('DEMO_GREETING_NAME', 'developer')}!")


@app.get("/api/boom")
def boom():
    """Fails on purpose: open it, then `tovrun logs --errors` (or `e` in the terminal UI) shows this traceback."""
    raise RuntimeError("boom: /api/boom fails on purpose, to show how tovrun finds the traceback")
