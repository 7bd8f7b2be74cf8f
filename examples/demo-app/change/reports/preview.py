"""Serves a report's HTML preview to the report designer: python reports/preview.py"""
from http.server import BaseHTTPRequestHandler, HTTPServer

PREVIEW_PORT = 8050


class PreviewHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"<h1>Monthly totals</h1>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(body)


HTTPServer(("", PREVIEW_PORT), PreviewHandler).serve_forever()
