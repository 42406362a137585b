#!/usr/bin/env bash
# A stock WordPress (Debian 12's package, 6.1.x) on 127.0.0.1 for the end-to-end
# tests. Idempotent: about a second when already installed, less when already up.
#
#   PORT=8321 tests/wordpress/start.sh     # prints KEY=VALUE lines (also in $STATE/env)
#   PORT=8321 tests/wordpress/stop.sh      # stops what this started, by PID
#
# Each step runs only if needed:
#   - apt: wordpress and its default theme (twentytwentythree, only a Recommends of
#     the package), php-cli, php-mysql, php-mbstring, mariadb-server (no service is
#     started: a policy-rc.d that exits 101 is in place for the install);
#   - a private MariaDB: datadir, socket, pid and log under $STATE, no TCP port;
#   - PHP's built-in server on 127.0.0.1:$PORT with router.php; the document root is
#     symlinks to /usr/share/wordpress plus our own wp-config.php and wp-content/
#     (/etc/wordpress is never touched);
#   - wp_install() from PHP with the default settings, and the test posts (comments
#     open, closed, a draft, password-protected).
# Not WordPress defaults, on purpose: WP_HTTP_BLOCK_EXTERNAL (nothing leaves
# loopback), no automatic updates, mail goes nowhere, and harness-plugin.php's
# switches (all off unless a test sets their option).
set -euo pipefail
PORT=${PORT:-8321}
STATE=${WP_STATE:-${TMPDIR:-/tmp}/review-card-wordpress-$PORT}
HERE=$(cd "$(dirname "$0")" && pwd)
BASE="http://127.0.0.1:$PORT"
WP=/usr/share/wordpress
log() { printf '[wordpress] %s\n' "$*" >&2; }
t0=$(date +%s%N)
since() { local ms=$(( ($(date +%s%N) - t0) / 1000000 )); printf '%d.%01d' $((ms / 1000)) $((ms % 1000 / 100)); }

# ---------------------------------------------------------------- packages
PKGS="wordpress wordpress-theme-twentytwentythree php-cli php-mysql php-mbstring mariadb-server"
missing=""
for p in $PKGS; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"; done
mkdir -p "$STATE"
if [ -n "$missing" ]; then
  log "installing:$missing (once)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  own_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null; $SUDO chmod +x /usr/sbin/policy-rc.d; own_policy=1
  fi
  inst() { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >"$STATE/apt.log" 2>&1; }
  if ! inst; then
    log "apt-get install failed; running apt-get update and retrying"
    $SUDO apt-get update -q >>"$STATE/apt.log" 2>&1 || true
    inst || { [ -n "$own_policy" ] && $SUDO rm -f /usr/sbin/policy-rc.d; tail -5 "$STATE/apt.log"; exit 1; }
  fi
  [ -n "$own_policy" ] && $SUDO rm -f /usr/sbin/policy-rc.d
  log "packages installed ($(since)s)"
fi
MARIADBD=$(command -v mariadbd || echo /usr/sbin/mariadbd)

# A PID file's process or its process group (PHP's workers outlive a killed master).
alive() { [ -f "$1" ] && { kill -0 "$(cat "$1")" 2>/dev/null || kill -0 -- "-$(cat "$1")" 2>/dev/null; }; }
sql() { mariadb --no-defaults --socket="$STATE/mysqld.sock" -uroot "$@"; }

# ---------------------------------------------------------------- MariaDB
if alive "$STATE/mysqld.pid" && sql -e 'SELECT 1' >/dev/null 2>&1; then
  :
else
  if [ ! -d "$STATE/db/mysql" ]; then
    mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$STATE/db" \
      --auth-root-authentication-method=socket --skip-test-db >"$STATE/mysqld-init.log" 2>&1 \
      || { tail -5 "$STATE/mysqld-init.log"; exit 1; }
  fi
  rm -f "$STATE/mysqld.sock"
  # setsid: its own process group, so stop.sh ends it (and only it) by PID.
  setsid "$MARIADBD" --no-defaults --user="$(id -un)" --datadir="$STATE/db" --socket="$STATE/mysqld.sock" \
    --pid-file="$STATE/mysqld.server.pid" --skip-networking --log-error="$STATE/mysqld.err" \
    --innodb-buffer-pool-size=32M </dev/null >/dev/null 2>&1 &
  echo $! > "$STATE/mysqld.pid"
  for _ in $(seq 1 100); do sql -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.1; done
  sql -e 'SELECT 1' >/dev/null 2>&1 || { log "MariaDB did not come up"; tail -5 "$STATE/mysqld.err"; exit 1; }
  log "MariaDB up (pid $(cat "$STATE/mysqld.pid"), $(since)s)"
fi
sql -e "CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;
        CREATE USER IF NOT EXISTS 'wp'@'localhost' IDENTIFIED BY 'wp';
        GRANT ALL ON wordpress.* TO 'wp'@'localhost';"

# ---------------------------------------------------------------- document root
ROOT="$STATE/root"
mkdir -p "$ROOT/wp-content/plugins" "$ROOT/wp-content/themes" "$ROOT/wp-content/uploads" "$ROOT/wp-content/mu-plugins"
for f in "$WP"/*; do
  n=$(basename "$f")
  case "$n" in wp-config.php|wp-content) continue ;; esac
  [ -e "$ROOT/$n" ] || ln -s "$f" "$ROOT/$n"
done
find "$ROOT/wp-content/themes" -maxdepth 1 -xtype l -delete   # themes since removed
for t in "$WP"/wp-content/themes/*/; do
  [ -d "$t" ] || continue   # no theme installed: the pattern stays unexpanded
  n=$(basename "$t"); [ -e "$ROOT/wp-content/themes/$n" ] || ln -s "${t%/}" "$ROOT/wp-content/themes/$n"
done
cp "$HERE/harness-plugin.php" "$ROOT/wp-content/mu-plugins/harness.php"
printf "<?php if (!defined('ABSPATH')) define('ABSPATH', '%s/');\n" "$ROOT" > "$STATE/prepend.php"
cat > "$ROOT/wp-config.php" <<CONF
<?php
// Written by tests/wordpress/start.sh. Everything not set here is WordPress's default.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:$STATE/mysqld.sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', '$BASE');
define('WP_SITEURL', '$BASE');
define('WP_CONTENT_DIR', '$ROOT/wp-content');
define('WP_CONTENT_URL', '$BASE/wp-content');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('DISABLE_WP_CRON', true);
define('AUTH_KEY', 'test-auth'); define('SECURE_AUTH_KEY', 'test-sauth');
define('LOGGED_IN_KEY', 'test-li'); define('NONCE_KEY', 'test-nonce');
define('AUTH_SALT', 'test-as'); define('SECURE_AUTH_SALT', 'test-sas');
define('LOGGED_IN_SALT', 'test-lis'); define('NONCE_SALT', 'test-ns');
define('WP_DEBUG', false);
\$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
CONF
cp "$HERE/router.php" "$STATE/router.php"
cp "$HERE/wp-cli.php" "$STATE/wp-cli.php"

# ---------------------------------------------------------------- PHP server
mkdir -p "$ROOT/pages"; echo ok > "$ROOT/pages/alive.txt"
up() { [ "$(curl -s -m 5 "$BASE/pages/alive.txt" 2>/dev/null)" = ok ]; }
if alive "$STATE/php.pid" && up; then
  :
else
  if curl -s -o /dev/null -m 2 "$BASE/" 2>/dev/null; then log "port $PORT is taken by something this harness did not start"; exit 3; fi
  # Four workers: a comment post redirects to the post while the test's page loads.
  # OPcache on, as under php-fpm or Apache (the CLI turns it off by default): a
  # comment post costs a third of the time.
  PHP_CLI_SERVER_WORKERS=4 setsid php -d auto_prepend_file="$STATE/prepend.php" -d sendmail_path=/bin/true -d opcache.enable_cli=1 \
    -S "127.0.0.1:$PORT" -t "$ROOT" "$STATE/router.php" </dev/null >>"$STATE/php.log" 2>&1 &
  echo $! > "$STATE/php.pid"
  for _ in $(seq 1 50); do up && break; sleep 0.1; done
  up || { log "PHP server did not come up"; tail -5 "$STATE/php.log"; exit 1; }
  log "PHP server up on $BASE (pid $(cat "$STATE/php.pid"), $(since)s)"
fi

# ---------------------------------------------------------------- site and posts
out=$(php -d auto_prepend_file="$STATE/prepend.php" -d sendmail_path=/bin/true "$STATE/wp-cli.php" "$PORT" install)
echo "$out" | grep -q '^OPEN_POST=' || { log "install failed: $out"; exit 1; }
{ echo "BASE=$BASE"; echo "$out"; echo "STATE=$STATE"; echo "DOCROOT=$ROOT"; } > "$STATE/env"
cat "$STATE/env"
log "ready in $(since)s"
