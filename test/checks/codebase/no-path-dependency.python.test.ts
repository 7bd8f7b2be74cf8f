import check from '../../../checks/codebase/no-path-dependency/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { filename: 'requirements.txt', code: `-e .\n./libs/billing\n-e ./libs/auth\nflask==3.0.3\n` },
    {
      name: 'a nested requirements file reaching a sibling inside the repository',
      filename: 'services/api/requirements.txt',
      code: `-e ../../libs/common\n../shared\n`,
    },
    { filename: 'requirements.txt', code: `# -e ../shared used to live here\n-r requirements/base.txt\n-c ../constraints.txt\n` },
    { filename: 'requirements.txt', code: `pkg @ https://files.example.com/pkg-1.0-py3-none-any.whl\ngit+https://github.com/acme/lib@v1.2.0#egg=lib\n` },
    {
      name: 'a path that depends on a variable is not judged',
      filename: 'requirements.txt',
      code: `-e \${SHARED_DIR}/billing\n`,
    },
    {
      filename: 'pyproject.toml',
      code: `[project]\nname = "api"\ndependencies = ["flask>=3", "common @ file:///\${PROJECT_ROOT}/libs/common"]\n\n[tool.uv.sources]\ncommon = { workspace = true }\nauth = { path = "libs/auth", editable = true }\n`,
    },
    {
      filename: 'pyproject.toml',
      code: `[tool.poetry.dependencies]\npython = "^3.11"\nbilling = { path = "./packages/billing", develop = true }\n`,
    },
    { filename: 'Pipfile', code: `[packages]\nflask = "==3.0.3"\ncommon = { path = "./libs/common", editable = true }\n` },
    { name: 'a test fixture is exempt', filename: 'tests/fixtures/requirements.txt', code: `-e ../../../shared\n` },
  ],
  invalid: [
    {
      filename: 'requirements.txt',
      code: `flask==3.0.3\n-e ../shared\n`,
      errors: [{ messageId: 'outside', line: 2, column: 1, messageIncludes: 'dependency "shared" points outside the repository (-e ../shared)' }],
    },
    {
      filename: 'requirements/prod.txt',
      code: `-r base.txt\nbilling @ file:///opt/acme/billing\ngit+file:///srv/git/auth.git@v1#egg=auth\n/home/dev/wheels/tool-1.0.tar.gz\n`,
      errors: [
        { messageId: 'outside', line: 2, messageIncludes: '"billing"' },
        { messageId: 'outside', line: 3, messageIncludes: '"auth"' },
        { messageId: 'outside', line: 4 },
      ],
    },
    {
      name: 'an editable path with a comment and a continuation line',
      filename: 'requirements.txt',
      code: `--editable=../../platform/sdk  # shared SDK\nrequests==2.32.3 \\\n    --hash=sha256:abc\n`,
      errors: [{ messageId: 'outside', line: 1, messageIncludes: '(-e ../../platform/sdk)' }],
    },
    {
      name: 'PEP 621 direct reference and uv source',
      filename: 'pyproject.toml',
      code: `[project]\nname = "api"\ndependencies = [\n  "flask>=3",\n  "shared @ file:///\${PROJECT_ROOT}/../shared",\n]\n\n[tool.uv.sources]\nauth = { path = "../auth" }\n`,
      errors: [
        { messageId: 'outside', line: 5 },
        { messageId: 'outside', line: 9, messageIncludes: 'path = "../auth"' },
      ],
    },
    {
      name: 'Poetry path dependencies, inline and as a sub-table',
      filename: 'pyproject.toml',
      code: `[tool.poetry.dependencies]\npython = "^3.11"\nshared = { path = "../shared", develop = true }\n\n[tool.poetry.group.dev.dependencies.tools]\npath = "/opt/tools"\n`,
      errors: [
        { messageId: 'outside', line: 3, messageIncludes: '"shared"' },
        { messageId: 'outside', line: 6, messageIncludes: '"tools"' },
      ],
    },
    {
      filename: 'Pipfile',
      code: `[[source]]\nurl = "https://pypi.org/simple"\nname = "pypi"\n\n[packages]\nflask = "*"\nshared = { path = "../shared", editable = true }\n`,
      errors: [{ messageId: 'outside', line: 7 }],
    },
  ],
});
