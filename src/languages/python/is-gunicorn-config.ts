/** gunicorn's configuration file: `gunicorn.conf.py` (its default name) or the common `gunicorn_config.py`. */
export function isGunicornConfig(filePath: string): boolean {
  return /(?:^|\/)gunicorn(?:\.conf|_conf|_config|config)\.py$/.test(filePath);
}
