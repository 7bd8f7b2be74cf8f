import check from '../../../checks/dependencies/no-implicit-system-tool/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { filename: 'app/tasks.py', code: `import subprocess, sys\nsubprocess.run([sys.executable, "-m", "alembic", "upgrade", "head"], check=True)\n` },
    { filename: 'app/tasks.py', code: `import subprocess\nsubprocess.run(["python", "manage.py", "collectstatic", "--noinput"])\n` },
    {
      name: 'a tool a declared package installs',
      filename: 'app/media.py',
      code: `import subprocess\n\ndef download(url):\n    subprocess.run(["yt-dlp", url], check=True)\n    subprocess.run(["aws", "s3", "cp", "out.mp4", "s3://media/"])\n`,
      files: { 'requirements.txt': 'yt-dlp==2024.8.6\n', 'pyproject.toml': '[project]\nname = "media"\ndependencies = ["awscli>=1.33"]\n' },
    },
    { filename: 'app/backup.py', code: `import subprocess\nsubprocess.run(["bash", "deploy/backup.sh"])\nsubprocess.run(["./bin/render-thumbnails", "--all"])\n` },
    {
      filename: 'app/paths.py',
      code: `import os, subprocess\nBASE_DIR = os.path.dirname(__file__)\nsubprocess.run([os.path.join(BASE_DIR, "bin", "convert")])\n`,
    },
    {
      name: 'git and pip are Factor V business',
      filename: 'app/version.py',
      code: `import os, subprocess\nREVISION = subprocess.check_output(["git", "rev-parse", "HEAD"]).decode()\nos.system("pip install --upgrade requests")\n`,
    },
    { filename: 'app/docs.py', code: `def fetch(url):\n    """Uses curl under the hood, like \`curl -s url\`."""\n    return requests.get(url)\n` },
    { filename: 'app/run.py', code: `import subprocess\n\ndef run(cmd):\n    return subprocess.run(cmd, shell=True)\n` },
    { name: 'sh and plumbum are not analysed', filename: 'app/fetch.py', code: `from sh import curl\ncurl("https://example.com")\n` },
    { filename: 'scripts/backup.py', code: `import subprocess\nsubprocess.run(["pg_dump", "app"])\n` },
    { filename: 'setup.py', code: `import subprocess\nsubprocess.run(["convert", "logo.svg", "logo.png"])\n` },
    { filename: 'tests/test_media.py', code: `import subprocess\nsubprocess.run(["ffmpeg", "-version"])\n` },
    { filename: 'app/shadow.py', code: `import subprocess\ncmd = ["curl"]\ncmd = ["python", "-V"]\nsubprocess.run(cmd)\n` },
  ],
  invalid: [
    {
      filename: 'app/video.py',
      code: `import subprocess\n\ndef transcode(src, dst):\n    subprocess.run(["ffmpeg", "-i", src, dst], check=True)\n`,
      errors: [{ messageId: 'tool', line: 4, column: 5, messageIncludes: "runs the system tool 'ffmpeg'" }],
    },
    {
      filename: 'app/backup.py',
      code: `import os\n\ndef backup(db):\n    os.system(f"pg_dump {db} > /tmp/dump.sql")\n`,
      errors: [{ messageId: 'tool', line: 4 }],
    },
    {
      name: 'a shell pipeline names each tool',
      filename: 'app/fetch.py',
      code: `import subprocess\nout = subprocess.check_output("curl -s https://api.example.com | jq .items", shell=True)\n`,
      errors: [{ messageId: 'tool', line: 2, messageIncludes: "'curl', 'jq'" }],
    },
    {
      filename: 'app/fetch.py',
      code: `import subprocess\nsubprocess.run(["sh", "-c", "wget -q -O - https://x/y.tgz | tar xz"])\n`,
      errors: [{ messageId: 'tool', line: 2, messageIncludes: "'wget', 'tar'" }],
    },
    {
      name: 'a command list held in a local, a multi-line call reported at its first line',
      filename: 'app/images.py',
      code: `import subprocess as sp\n\ndef thumbnail(src, dst):\n    cmd = ["convert", src, "-resize", "100x100", dst]\n    sp.Popen(\n        cmd,\n        stdout=sp.PIPE,\n    )\n`,
      errors: [{ messageId: 'tool', line: 5 }],
    },
    {
      filename: 'app/probe.py',
      code: `import asyncio\n\nasync def probe(path):\n    proc = await asyncio.create_subprocess_exec("ffprobe", "-v", "quiet", path)\n    return await proc.wait()\n`,
      errors: [{ messageId: 'tool', line: 4 }],
    },
    {
      filename: 'app/db.py',
      code: `import os\nfrom subprocess import run as sh\nPSQL = "/usr/bin/psql"\nos.execvp(PSQL, [PSQL, os.environ["DATABASE_URL"]])\nsh(["kubectl", "apply", "-f", "job.yaml"])\n`,
      errors: [
        { messageId: 'tool', line: 4, messageIncludes: "'psql'" },
        { messageId: 'tool', line: 5, messageIncludes: "'kubectl'" },
      ],
    },
    {
      name: 'format templates and shlex',
      filename: 'app/upload.py',
      code: `import os, shlex, subprocess\n\ndef upload(path, url):\n    os.system("aws s3 cp %s s3://bucket/" % path)\n    os.popen("curl {}".format(url))\n    subprocess.run(shlex.split(f"wget {url}"))\n`,
      errors: [
        { messageId: 'tool', line: 4, messageIncludes: "'aws'" },
        { messageId: 'tool', line: 5 },
        { messageId: 'tool', line: 6 },
      ],
    },
    {
      name: 'a command-line entry point gets a notice',
      filename: 'bin/export.py',
      code: `import subprocess\nsubprocess.call(["zip", "-r", "export.zip", "out/"])\n`,
      errors: [{ messageId: 'tool', line: 2, severity: 'notice' }],
    },
  ],
});
