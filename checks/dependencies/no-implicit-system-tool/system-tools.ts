/**
 * Binaries that are not part of the language runtime nor of a minimal base image (node:*-slim,
 * python:*-slim, alpine): an app that shells out to them depends on whatever the host happens
 * to have installed.
 * A known list rather than "anything but node/npm": precision first (RULES.md).
 */
const SYSTEM_TOOLS: ReadonlySet<string> = new Set([
  // network and transfer
  'curl', 'wget', 'ssh', 'scp', 'sftp', 'rsync', 'ftp', 'nc', 'netcat', 'telnet', 'dig', 'nslookup', 'ping', 'traceroute', 'whois', 'nmap',
  // images, audio, video, documents
  'ffmpeg', 'ffprobe', 'convert', 'magick', 'identify', 'mogrify', 'montage', 'composite', 'gm', 'vips', 'cwebp', 'dwebp',
  'gifsicle', 'optipng', 'pngquant', 'jpegoptim', 'jpegtran', 'exiftool', 'sox', 'lame', 'gs', 'ghostscript', 'pdftk',
  'pdftotext', 'pdftoppm', 'pdfinfo', 'qpdf', 'mutool', 'wkhtmltopdf', 'wkhtmltoimage', 'libreoffice', 'soffice',
  'unoconv', 'pandoc', 'tesseract', 'inkscape', 'rsvg-convert', 'yt-dlp', 'youtube-dl', 'chromium', 'chromium-browser',
  'google-chrome', 'phantomjs', 'pdflatex', 'xelatex', 'lualatex', 'dot', 'zbarimg', 'qrencode',
  // databases
  'psql', 'pg_dump', 'pg_dumpall', 'pg_restore', 'mysql', 'mysqldump', 'mysqladmin', 'mongo', 'mongosh', 'mongodump',
  'mongorestore', 'mongoexport', 'mongoimport', 'redis-cli', 'sqlite3', 'sqlcmd', 'cqlsh',
  // cloud and operations
  'aws', 'gcloud', 'gsutil', 'bq', 'az', 'kubectl', 'helm', 'docker', 'docker-compose', 'podman', 'terraform', 'heroku',
  'doctl', 'flyctl', 's3cmd', 'rclone', 'ansible', 'systemctl', 'service',
  // archives and crypto
  'zip', 'unzip', 'tar', 'gzip', 'gunzip', 'bzip2', 'xz', '7z', '7za', 'unrar', 'openssl', 'gpg', 'ssh-keygen', 'certbot',
  'clamscan', 'clamdscan',
  // other runtimes and tools
  'python', 'python3', 'pip', 'pip3', 'ruby', 'perl', 'php', 'java', 'go', 'dotnet', 'Rscript', 'git', 'jq', 'yq', 'xmllint',
  'xvfb-run', 'lp', 'lpr', 'sendmail', 'mail',
]);

/** Directories where system binaries live; other absolute or relative paths are the app's own scripts. */
const SYSTEM_DIRS = /^\/(usr\/(local\/)?)?s?bin\/|^\/opt\/homebrew\/bin\//;

/**
 * The system tool a command's program word runs (`curl`, `/usr/bin/ffmpeg`), or undefined for
 * anything else: the app's own scripts (relative or other absolute paths), tools not on the
 * list, and words with a run-time part (which never spell a listed name).
 */
export function systemTool(program: string): string | undefined {
  if (program.includes('/') && !SYSTEM_DIRS.test(program)) return undefined;
  const name = program.split('/').at(-1)!.replace(/\.exe$/i, '');
  return SYSTEM_TOOLS.has(name) ? name : undefined;
}

/**
 * Command-line entry code (`bin/`, `cli/`) runs on a developer's or CI machine, in the
 * environment its user set up, not as a deployed service: still worth a note, not a warning.
 */
export function isCommandLineTool(filePath: string): boolean {
  return filePath.split('/').slice(0, -1).some((segment) => segment === 'bin' || segment === 'cli');
}

/** The message's list of tools: `'curl', 'jq'`. */
export function toolList(tools: Iterable<string>): string {
  return [...tools].map((tool) => `'${tool}'`).join(', ');
}
