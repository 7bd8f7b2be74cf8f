"""Attachments live in object storage, never on the web process's disk."""
import os

import boto3

BUCKET = os.environ["ATTACHMENTS_BUCKET"]
s3 = boto3.client("s3")


def store_attachment(upload, key):
    s3.upload_fileobj(upload.stream, BUCKET, key, ExtraArgs={"ContentType": upload.mimetype})
    return key
