/** gunicorn's configuration module (`gunicorn.conf.py`, and the `gunicorn_config.py`-style names projects pass with `-c`). */
const GUNICORN_CONFIG = /(?:^|\/)gunicorn(?:\.conf|_conf|_config|config)?\.py$/;

/** True when `filePath` is a gunicorn configuration module: its module-level names are gunicorn settings. */
export function isGunicornConfig(filePath: string): boolean {
  return GUNICORN_CONFIG.test(filePath);
}
