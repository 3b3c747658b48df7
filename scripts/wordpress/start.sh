#!/usr/bin/env bash
# Starts a real WordPress (Debian's packages) on http://127.0.0.1:PORT for the
# tests of `visite publish`, entirely inside STATE_DIR, and prints ONE JSON line:
#   {"url":"http://127.0.0.1:PORT","user":"admin","appPassword":"…","state":"STATE_DIR"}
#
#   scripts/wordpress/start.sh STATE_DIR PORT      (as root; stop with stop.sh STATE_DIR)
#
# - MariaDB: a private server, datadir and socket in STATE_DIR, --skip-networking
#   (no TCP port), never the system service nor /etc/mysql.
# - Apache: a private config file (STATE_DIR/apache2.conf), Listen 127.0.0.1:PORT,
#   prefork + mod_php, never the system service nor /etc/apache2.
# - WordPress: /usr/share/wordpress as packaged. Debian's wp-config.php reads
#   /etc/wordpress/config-<name>.php; this script writes one file there,
#   config-visite-PORT.php, chosen by `SetEnv WORDPRESS_CONFIG visite-PORT` (Debian's
#   wp-config honours that variable), so two instances never share a config and
#   an existing config-127.0.0.1.php is never touched. stop.sh removes it.
# - No network: WP_HTTP_BLOCK_EXTERNAL, no cron, no updater; the install blocks
#   every outgoing HTTP request.
# - Test faults: a must-use plugin makes chosen REST requests fail while
#   STATE_DIR/faults/faults.json exists (see scripts/wordpress/visite-test-faults.php).
#
# Exit codes: 0 started; 1 failed (what failed and the logs' tails on stderr,
# everything started is stopped again); 2 usage; 3 this machine cannot run it
# (packages missing, not root).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
usage() { echo "usage: $0 STATE_DIR PORT" >&2; exit 2; }
[ $# -eq 2 ] || usage
state_arg="$1"
port="$2"
[[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || { echo "start.sh: PORT must be a number from 1 to 65535, not '$port'" >&2; exit 2; }

# --- what this machine must have ------------------------------------------------
PACKAGES="wordpress mariadb-server apache2 libapache2-mod-php php-mysql"
missing=()
for need in /usr/sbin/mariadbd /usr/bin/mariadb /usr/bin/mariadb-admin /usr/share/mysql/mysql_system_tables.sql \
            /usr/sbin/apache2 /usr/bin/php /usr/share/wordpress/wp-load.php /usr/share/wordpress/wp-config.php; do
  [ -e "$need" ] || missing+=("$need")
done
php_module="$(ls /usr/lib/apache2/modules/libphp*.so 2>/dev/null | head -n 1 || true)"
[ -n "$php_module" ] || missing+=("/usr/lib/apache2/modules/libphp*.so")
if [ ${#missing[@]} -eq 0 ] && ! php -r 'exit(extension_loaded("mysqli") ? 0 : 1);' 2>/dev/null; then missing+=("php's mysqli extension"); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "start.sh: WordPress cannot start here, missing: ${missing[*]}" >&2
  echo "  install Debian's packages first (as root): apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $PACKAGES" >&2
  exit 3
fi
if [ "$(id -u)" != 0 ] || [ ! -w /etc/wordpress ]; then
  echo "start.sh: must run as root (it writes /etc/wordpress/config-visite-$port.php and runs Apache as www-data)" >&2
  exit 3
fi

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "start.sh: port $port of 127.0.0.1 is already in use" >&2
  exit 1
fi

mkdir -p "$state_arg"
state="$(cd "$state_arg" && pwd)"
if [ -e "$state/mariadb.pid" ] || [ -e "$state/apache.pid" ]; then
  echo "start.sh: $state already holds a running (or unstopped) WordPress: run stop.sh $state first" >&2
  exit 1
fi

url="http://127.0.0.1:$port"
config_name="visite-$port"
config_file="/etc/wordpress/config-$config_name.php"
if [ -e "$config_file" ]; then
  echo "start.sh: $config_file already exists: another instance on port $port? (stop.sh of its state dir removes it)" >&2
  exit 1
fi
sock="$state/mariadb.sock"
if [ ${#sock} -gt 100 ]; then
  echo "start.sh: the state dir's path is too long for a Unix socket ($sock)" >&2
  exit 2
fi

# Apache runs its workers as www-data: they must go through the state dir (socket,
# content folder) and write the uploads.
chmod 0755 "$state"
random() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }
db_password="$(random)"
admin_password="$(random)"

fail() {
  trap - ERR
  echo "start.sh: $1" >&2
  for log in "$state/mariadb.log" "$state/apache-error.log" "$state/php-error.log" "$state/install.log"; do
    [ -s "$log" ] && { echo "--- tail of $log" >&2; tail -n 12 "$log" >&2; }
  done
  "$here/stop.sh" "$state" >&2 || true
  exit 1
}
trap 'fail "failed at line $LINENO"' ERR

# --- MariaDB ---------------------------------------------------------------------
# Test settings: nothing is synced to disk (a crash loses the instance, which is
# thrown away anyway), small buffers.
mariadb_opts=(--datadir="$state/mariadb" --socket="$sock" --pid-file="$state/mariadb.pid"
  --skip-networking --user=root --log-error="$state/mariadb.log"
  --innodb-buffer-pool-size=32M --innodb-log-file-size=8M --innodb-flush-log-at-trx-commit=0
  --innodb-doublewrite=0 --innodb-flush-method=nosync --skip-name-resolve --character-set-server=utf8mb4)
# The system tables, as mariadb-install-db makes them (same SQL files, same
# bootstrap options) minus the help tables and the sys schema, which WordPress
# never reads and which take 4 of mariadb-install-db's 5 seconds.
mkdir -p "$state/mariadb"
{
  echo "create database if not exists mysql;"
  echo "use mysql;"
  echo "SET @auth_root_socket='root';"   # root@localhost: unix-socket authentication only
  cat /usr/share/mysql/mysql_system_tables.sql /usr/share/mysql/mysql_performance_tables.sql \
      /usr/share/mysql/mysql_system_tables_data.sql /usr/share/mysql/maria_add_gis_sp_bootstrap.sql
} | sed -e '/@current_hostname/d' \
  | mariadbd --no-defaults --bootstrap --datadir="$state/mariadb" --user=root --log-warnings=0 \
      --enforce-storage-engine="" --max_allowed_packet=8M --net_buffer_length=16K \
      --innodb-log-file-size=8M --innodb-flush-method=nosync \
      >"$state/mariadb-install.log" 2>&1 \
  || fail "creating MariaDB's system tables failed (see $state/mariadb-install.log)"
# Its own session, its output to its log: it must not hold the caller's pipes.
setsid mariadbd --no-defaults "${mariadb_opts[@]}" </dev/null >>"$state/mariadb.log" 2>&1 &
for _ in $(seq 1 200); do
  mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1 && break
  sleep 0.05
done
mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1 || fail "MariaDB did not answer on $sock within 10 s"
mariadb --no-defaults --socket="$sock" -uroot <<SQL
CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'wordpress'@'localhost' IDENTIFIED BY '$db_password';
GRANT ALL PRIVILEGES ON wordpress.* TO 'wordpress'@'localhost';
SQL

# --- WordPress's content folder and config ---------------------------------------
content="$state/wp-content"
mkdir -p "$content/uploads" "$content/mu-plugins" "$content/upgrade" "$state/faults"
ln -s /usr/share/wordpress/wp-content/themes "$content/themes"
ln -s /usr/share/wordpress/wp-content/plugins "$content/plugins"
ln -s /usr/share/wordpress/wp-content/languages "$content/languages"
cp "$here/visite-test-faults.php" "$content/mu-plugins/"
chown -R www-data:www-data "$content/uploads" "$content/upgrade" "$state/faults"
echo "$config_file" >"$state/wp-config-file"   # what stop.sh removes
php_string() { printf "'%s'" "$(printf '%s' "$1" | sed "s/[\\\\']/\\\\&/g")"; }
cat >"$config_file" <<PHP
<?php
// visite-test-instance: written by visite's scripts/wordpress/start.sh for $state;
// scripts/wordpress/stop.sh removes it. Chosen by SetEnv WORDPRESS_CONFIG $config_name.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', '$db_password');
define('DB_HOST', $(php_string "localhost:$sock"));
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', '$url');
define('WP_SITEURL', '$url');
define('WP_CONTENT_DIR', $(php_string "$content"));
define('WP_CONTENT_URL', '$url/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local'); // application passwords over plain http
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('DISALLOW_FILE_MODS', true);
define('FS_METHOD', 'direct');
define('WP_DEBUG', false);
define('VISITE_TEST_FAULTS', $(php_string "$state/faults/faults.json"));
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as \$visite_key) {
  define(\$visite_key, '$(random)' . \$visite_key);
}
PHP
chmod 0644 "$config_file"

# --- install the site (no wp-cli: a PHP CLI script) ------------------------------
php_ini=(-d upload_max_filesize=64M -d post_max_size=64M -d memory_limit=256M -d display_errors=stderr)
VISITE_WP_URL="$url" VISITE_WP_CONFIG="$config_name" VISITE_WP_STATE="$state" VISITE_WP_ADMIN_PASSWORD="$admin_password" \
  php "${php_ini[@]}" "$here/install.php" >"$state/install.json" 2>"$state/install.log" \
  || fail "the site install (install.php) failed"
# The install (run as root) may have created folders in the content dir.
chown -R www-data:www-data "$content/uploads" "$content/upgrade"

# --- Apache ----------------------------------------------------------------------
mkdir -p "$state/apache-run"
mods=/usr/lib/apache2/modules
cat >"$state/apache2.conf" <<CONF
# Written by visite's scripts/wordpress/start.sh: a private Apache for $url.
ServerRoot /usr/lib/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:$port
PidFile $state/apache.pid
DefaultRuntimeDir $state/apache-run
Mutex file:$state/apache-run default
ErrorLog $state/apache-error.log
LogLevel warn
LogFormat "%h %t \"%r\" %>s %b %D" timed
CustomLog $state/apache-access.log timed
User www-data
Group www-data

LoadModule mpm_prefork_module $mods/mod_mpm_prefork.so
LoadModule authz_core_module $mods/mod_authz_core.so
LoadModule dir_module $mods/mod_dir.so
LoadModule mime_module $mods/mod_mime.so
LoadModule alias_module $mods/mod_alias.so
LoadModule env_module $mods/mod_env.so
LoadModule php_module $php_module

StartServers 3
MinSpareServers 2
MaxSpareServers 6
MaxRequestWorkers 16
Timeout 60
KeepAlive On
TypesConfig /etc/mime.types
AddDefaultCharset off

SetEnv WORDPRESS_CONFIG $config_name
php_admin_value upload_max_filesize 64M
php_admin_value post_max_size 64M
php_admin_value memory_limit 256M
php_admin_flag display_errors off
php_admin_flag log_errors on
php_admin_value error_log $state/php-error.log

<Directory />
  AllowOverride None
  Require all denied
</Directory>

DocumentRoot /usr/share/wordpress
<Directory /usr/share/wordpress>
  Options FollowSymLinks
  Require all granted
  DirectoryIndex index.php
  FallbackResource /index.php
  <FilesMatch "\.php$">
    SetHandler application/x-httpd-php
  </FilesMatch>
</Directory>

# The content folder lives in the state dir; no PHP is run from it.
Alias /wp-content $content
<Directory $content>
  Options FollowSymLinks
  Require all granted
  FallbackResource /index.php
</Directory>
<Directory /usr/share/wordpress/wp-content>
  Require all granted
</Directory>
CONF
/usr/sbin/apache2 -f "$state/apache2.conf" -k start </dev/null >>"$state/apache-error.log" 2>&1 \
  || fail "Apache did not start (port $port taken?)"

# Ready when WordPress answers through Apache.
ready=""
for _ in $(seq 1 200); do
  if php -r '@file_get_contents($argv[1], false, stream_context_create(["http" => ["timeout" => 2, "ignore_errors" => true]])); exit(preg_match("/^HTTP\\S* 200 /", $http_response_header[0] ?? "") ? 0 : 1);' "$url/wp-json/wp/v2/types/post" 2>/dev/null; then
    ready=yes; break
  fi
  sleep 0.05
done
[ -n "$ready" ] || fail "WordPress did not answer on $url within 10 s"
trap - ERR
cat "$state/install.json"
