import check from '../../../checks/config/no-env-grouped-config/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { name: 'shared Django settings', filename: 'mysite/settings/base.py', code: `import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n` },
    { name: 'test settings', filename: 'mysite/settings/test.py', code: `from .base import *\nDEBUG = False\n` },
    { name: 'one settings module', filename: 'mysite/settings.py', code: `import os\nDEBUG = os.environ.get("DEBUG") == "1"\n` },
    {
      name: 'per-environment classes in one file are their selection\'s business',
      filename: 'app/config.py',
      code: `class Config:\n    pass\n\nclass ProductionConfig(Config):\n    pass\n`,
    },
    { name: 'an environment name outside config', filename: 'app/views/local.py', code: `def index():\n    return "ok"\n` },
    { name: 'a settings helper that is not an environment', filename: 'settings_utils.py', code: `def load():\n    pass\n` },
    { name: 'node-config local overrides are not a deploy', filename: 'config/local.json', code: `{ "port": 3001 }\n` },
  ],
  invalid: [
    { filename: 'mysite/settings/production.py', code: `from .base import *\nDEBUG = False\n`, errors: [{ messageId: 'grouped', line: 1, column: 1, endLine: 1 }] },
    { filename: 'mysite/settings/prod.py', code: `from .base import *\n`, errors: [{ messageId: 'grouped', line: 1, messageIncludes: '"prod"' }] },
    { filename: 'mysite/settings/staging.py', code: `from .base import *\n`, errors: [{ messageId: 'grouped', line: 1 }] },
    { filename: 'mysite/settings/dev.py', code: `from .base import *\nDEBUG = True\n`, errors: [{ messageId: 'grouped', line: 1 }] },
    { filename: 'mysite/settings/local.py', code: `from .base import *\n`, errors: [{ messageId: 'grouped', line: 1, messageIncludes: '"local" environment' }] },
    { filename: 'settings_prod.py', code: `from settings import *\n`, errors: [{ messageId: 'grouped', line: 1, messageIncludes: '"prod"' }] },
    { filename: 'app/config/production.py', code: `SQLALCHEMY_DATABASE_URI = "postgresql://db/app"\n`, errors: [{ messageId: 'grouped', line: 1 }] },
  ],
});
