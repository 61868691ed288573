"""The tovrun demo backend: a health endpoint and one JSON endpoint the frontend calls through Vite's proxy."""
import os

from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok")


@app.get("/api/greeting")
def greeting():
    return jsonify(message=f"Hello from Flask, {os.environ.get('DEMO_GREETING_NAME', 'developer')}!")
