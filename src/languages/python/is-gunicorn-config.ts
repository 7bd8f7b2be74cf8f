/** gunicorn's configuration file: `gunicorn.conf.py` (its default name) or the `gunicorn_config.py`-style names projects pass with `-c`. */
export function isGunicornConfig(filePath: string): boolean {
  return /(?:^|\/)gunicorn(?:\.conf|_conf|_config|config)\.py$/.test(filePath);
}
