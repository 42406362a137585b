#!/usr/bin/env bash
# The tests' tiny WordPress command line (see wp-cli.php), for the site start.sh runs.
#   PORT=8321 tests/wordpress/wp.sh comments | option NAME [VALUE] | reset-comments | approve ID
set -euo pipefail
PORT=${PORT:-8321}
STATE=${WP_STATE:-${TMPDIR:-/tmp}/review-card-wordpress-$PORT}
[ -f "$STATE/prepend.php" ] || { echo "no WordPress in $STATE: run tests/wordpress/start.sh" >&2; exit 1; }
exec php -d auto_prepend_file="$STATE/prepend.php" -d sendmail_path=/bin/true "$STATE/wp-cli.php" "$PORT" "$@"
