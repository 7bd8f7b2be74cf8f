import check from '../../../checks/build-release-run/no-runtime-code-update/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { filename: 'app/status.py', code: `import subprocess\nsubprocess.run(["pip", "freeze"])\nsubprocess.run(["git", "log", "-1"])\nsubprocess.run(["pip", "download", "flask"])\n` },
    {
      name: 'git working on a repository elsewhere is data',
      filename: 'app/analyse.py',
      code: `import subprocess, tempfile\n\ndef analyse(url):\n    workdir = tempfile.mkdtemp()\n    subprocess.run(["git", "clone", url, workdir])\n    subprocess.run(["git", "pull"], cwd=workdir)\n    subprocess.run(["git", "clone", "https://github.com/acme/fixtures", "/tmp/fixtures"])\n`,
    },
    { filename: 'setup.py', code: `import subprocess\nsubprocess.check_call(["pip", "install", "-r", "requirements.txt"])\n` },
    { filename: 'noxfile.py', code: `import os\nos.system("pip install nox")\n` },
    { filename: 'scripts/update.py', code: `import subprocess\nsubprocess.run(["git", "pull"])\n` },
    { filename: 'tests/test_update.py', code: `import os\nos.system("git pull")\n` },
    {
      name: 'writing data files, and Python files outside the app',
      filename: 'app/export.py',
      code: `import os\nfrom pathlib import Path\nHERE = Path(__file__).parent\n\ndef export(rows):\n    (HERE / "exports" / "report.csv").write_text(rows)\n    with open("/tmp/generated.py", "w") as out:\n        out.write(rows)\n    with open(os.path.join(os.path.dirname(__file__), "template.py")) as source:\n        return source.read()\n`,
    },
    { filename: 'app/repo.py', code: `import git\n\ndef refresh(path):\n    git.Repo(path).remotes.origin.pull()\n` },
  ],
  invalid: [
    {
      filename: 'app/plugins.py',
      code: `import subprocess, sys\n\ndef install(name):\n    subprocess.check_call([sys.executable, "-m", "pip", "install", name])\n`,
      errors: [{ messageId: 'command', line: 4, messageIncludes: 'runs `pip install` at run time' }],
    },
    {
      filename: 'app/update.py',
      code: `import os\n\ndef update():\n    os.system("cd /srv/app && git pull origin main && pip install -r requirements.txt")\n`,
      errors: [{ messageId: 'command', line: 4, messageIncludes: '`git pull`' }],
    },
    {
      name: 'git fetch and clone into the app, pip run in-process',
      filename: 'app/sync.py',
      code: `import subprocess\nimport pip\n\nsubprocess.run("git fetch --all", shell=True)\nsubprocess.run(["git", "clone", "https://github.com/acme/plugins", "plugins"])\npip.main(["install", "requests"])\n`,
      errors: [
        { messageId: 'command', line: 4, messageIncludes: '`git fetch`' },
        { messageId: 'command', line: 5, messageIncludes: '`git clone`' },
        { messageId: 'command', line: 6, messageIncludes: '`pip install`' },
      ],
    },
    {
      name: 'GitPython on the app directory',
      filename: 'app/autoupdate.py',
      code: `import os\nfrom git import Repo\n\nREPO = Repo(os.path.dirname(os.path.abspath(__file__)))\n\ndef update():\n    REPO.remotes.origin.pull()\n`,
      errors: [{ messageId: 'command', line: 7 }],
    },
    {
      name: 'writing Python files under its own package',
      filename: 'app/codegen.py',
      code: `import os, shutil\nfrom pathlib import Path\n\nBASE = os.path.dirname(__file__)\n\ndef generate(name, code, src):\n    with open(os.path.join(BASE, "generated", f"{name}.py"), "w") as out:\n        out.write(code)\n    (Path(__file__).resolve().parent / "handlers.py").write_text(code)\n    shutil.copy(src, os.path.join(BASE, "plugin.py"))\n`,
      errors: [
        { messageId: 'write', line: 7, messageIncludes: "'….py'" },
        { messageId: 'write', line: 9, messageIncludes: "'handlers.py'" },
        { messageId: 'write', line: 10, messageIncludes: "'plugin.py'" },
      ],
    },
    {
      name: 'a Django view writing into the project',
      filename: 'shop/views.py',
      code: `from django.conf import settings\n\ndef upload_plugin(request):\n    path = settings.BASE_DIR / "shop" / "plugins" / "custom.py"\n    with path.open("wb") as out:\n        out.write(request.FILES["file"].read())\n`,
      errors: [{ messageId: 'write', line: 5, messageIncludes: "'custom.py'" }],
    },
  ],
});
