#!/usr/bin/env bash
# The tests' tiny WordPress command line (see wp-cli.php), for the site start.sh runs.
#   PORT=8321 tests/wordpress/wp.sh comments | option NAME [VALUE] | reset-comments | approve ID
set -euo pipefail
PORT=${PORT:-8321}
STATE=${WP_STATE:-${TMPDIR:-/tmp}/review-card-wordpress-$PORT}
[ -f "$STATE/prepend.php" ] || { echo "no WordPress in $STATE: run tests/wordpress/start.sh" >&2; exit 1; }
# OPcache's file cache: each call is a new PHP process, and parsing WordPress is
# most of its time (1.2 s -> 0.4 s per call here).
mkdir -p "$STATE/opcache"
exec php -d auto_prepend_file="$STATE/prepend.php" -d sendmail_path=/bin/true \
  -d opcache.enable_cli=1 -d opcache.file_cache="$STATE/opcache" -d opcache.file_cache_only=1 \
  "$STATE/wp-cli.php" "$PORT" "$@"
