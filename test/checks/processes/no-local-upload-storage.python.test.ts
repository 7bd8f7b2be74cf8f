import check from '../../../checks/processes/no-local-upload-storage/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'streamed to S3',
      filename: 'app.py',
      code: `import boto3\nfrom flask import Flask, request\napp = Flask(__name__)\ns3 = boto3.client("s3")\n\n@app.post("/upload")\ndef upload():\n    f = request.files["file"]\n    s3.upload_fileobj(f, BUCKET, f.filename)\n    return "ok"\n`,
    },
    {
      name: 'a tempfile scratch copy',
      filename: 'app.py',
      code: `import os\nimport tempfile\nfrom flask import Flask, request\napp = Flask(__name__)\n\n@app.post("/scan")\ndef scan():\n    f = request.files["file"]\n    path = os.path.join(tempfile.mkdtemp(), "upload.bin")\n    f.save(path)\n    return check(path)\n`,
    },
    {
      name: 'written under /tmp',
      filename: 'main.py',
      code: `from fastapi import FastAPI, UploadFile\napp = FastAPI()\n\n@app.post("/convert")\nasync def convert(file: UploadFile):\n    with open(f"/tmp/{file.filename}", "wb") as out:\n        out.write(await file.read())\n    return {"ok": True}\n`,
    },
    {
      name: 'read into io.BytesIO',
      filename: 'main.py',
      code: `import io\nfrom fastapi import FastAPI, UploadFile\napp = FastAPI()\n\n@app.post("/avatar")\nasync def avatar(file: UploadFile):\n    buffer = io.BytesIO(await file.read())\n    return store(buffer)\n`,
    },
    {
      name: 'a directory from the environment',
      filename: 'app.py',
      code: `import os\nfrom flask import Flask, request\napp = Flask(__name__)\nUPLOAD_DIR = os.environ["UPLOAD_DIR"]\n\n@app.post("/upload")\ndef upload():\n    request.files["file"].save(os.path.join(UPLOAD_DIR, "x"))\n    return "ok"\n`,
    },
    {
      name: 'not a handler',
      filename: 'tools.py',
      code: `from flask import request\n\ndef keep(f):\n    f.save("uploads/" + f.filename)\n`,
    },
    {
      name: 'a handler writing a report, no upload involved',
      filename: 'app.py',
      code: `from flask import Flask\napp = Flask(__name__)\n\n@app.get("/export")\ndef export():\n    with open("exports/report.bin", "wb") as out:\n        out.write(build())\n    return "ok"\n`,
    },
    {
      name: 'default_storage when settings configure object storage',
      filename: 'shop/views.py',
      code: `from django.core.files.storage import default_storage\n\ndef upload(request):\n    default_storage.save("docs/x.pdf", request.FILES["doc"])\n\nurlpatterns = [path("upload/", upload)]\n`,
      files: { 'mysite/settings.py': `STORAGES = {"default": {"BACKEND": "storages.backends.s3.S3Storage"}}\n` },
    },
  ],
  invalid: [
    {
      name: 'Flask upload saved under app.root_path',
      filename: 'app.py',
      code: `import os\nfrom flask import Flask, request\nfrom werkzeug.utils import secure_filename\napp = Flask(__name__)\n\n@app.route("/upload", methods=["POST"])\ndef upload():\n    file = request.files["file"]\n    file.save(os.path.join(app.root_path, "uploads", secure_filename(file.filename)))\n    return "ok"\n`,
      errors: [{ messageId: 'localDirectory', line: 9, messageIncludes: "in the application's own directory" }],
    },
    {
      name: 'the Flask tutorial pattern: app.config["UPLOAD_FOLDER"]',
      filename: 'app.py',
      code: `import os\nfrom flask import Flask, request\napp = Flask(__name__)\napp.config["UPLOAD_FOLDER"] = "/var/data/uploads"\n\n@app.post("/upload")\ndef upload():\n    for f in request.files.getlist("photos"):\n        f.save(os.path.join(app.config["UPLOAD_FOLDER"], f.filename))\n    return "ok"\n`,
      errors: [{ messageId: 'localDirectory', line: 9, messageIncludes: 'in the local directory "/var/data"' }],
    },
    {
      name: 'FastAPI UploadFile written beside __file__',
      filename: 'api/main.py',
      code: `from pathlib import Path\nfrom fastapi import FastAPI, File, UploadFile\napp = FastAPI()\nMEDIA = Path(__file__).parent / "media"\n\n@app.post("/files")\nasync def create(file: UploadFile = File(...)):\n    target = MEDIA / file.filename\n    with open(target, "wb") as out:\n        out.write(await file.read())\n`,
      errors: [{ messageId: 'localDirectory', line: 9 }],
    },
    {
      name: 'Django request.FILES into MEDIA_ROOT',
      filename: 'shop/views.py',
      code: `import os\nfrom django.conf import settings\n\ndef upload(request):\n    f = request.FILES["doc"]\n    with open(os.path.join(settings.MEDIA_ROOT, f.name), "wb+") as out:\n        for chunk in f.chunks():\n            out.write(chunk)\n\nurlpatterns = [path("upload/", upload)]\n`,
      errors: [{ messageId: 'localDirectory', line: 6 }],
    },
    {
      name: 'a relative directory, by aiofiles',
      filename: 'main.py',
      code: `import aiofiles\nfrom fastapi import FastAPI, UploadFile\napp = FastAPI()\n\n@app.post("/upload")\nasync def upload(file: UploadFile):\n    async with aiofiles.open(f"uploads/{file.filename}", "wb") as out:\n        await out.write(await file.read())\n`,
      errors: [{ messageId: 'localDirectory', line: 7, messageIncludes: 'relative directory "uploads"' }],
    },
    {
      name: 'aiohttp multipart into BASE_DIR',
      filename: 'server.py',
      code: `import os\nfrom aiohttp import web\nBASE_DIR = os.path.dirname(os.path.abspath(__file__))\n\nasync def store(request):\n    reader = await request.multipart()\n    field = await reader.next()\n    with open(os.path.join(BASE_DIR, "files", field.filename), "wb") as out:\n        out.write(await field.read())\n    return web.Response(text="ok")\n\napp = web.Application()\napp.router.add_post("/store", store)\n`,
      errors: [{ messageId: 'localDirectory', line: 8 }],
    },
    {
      name: "Django's FileSystemStorage is a notice",
      filename: 'shop/views.py',
      code: `from django.core.files.storage import FileSystemStorage\n\ndef upload(request):\n    doc = request.FILES["doc"]\n    FileSystemStorage().save(doc.name, doc)\n\nurlpatterns = [path("upload/", upload)]\n`,
      errors: [{ messageId: 'djangoStorage', line: 5, severity: 'notice' }],
    },
    {
      name: 'default_storage with no storage configured is a notice',
      filename: 'shop/views.py',
      code: `from django.core.files.storage import default_storage\n\ndef upload(request):\n    default_storage.save("docs/x.pdf", request.FILES["doc"])\n\nurlpatterns = [path("upload/", upload)]\n`,
      errors: [{ messageId: 'djangoStorage', line: 4, severity: 'notice' }],
    },
  ],
});
