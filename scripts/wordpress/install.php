<?php
// Installs the WordPress site of scripts/wordpress/start.sh without wp-cli (not
// packaged in Debian), then prints start.sh's JSON line. PHP CLI, run by start.sh:
//   VISITE_WP_URL=http://127.0.0.1:PORT VISITE_WP_CONFIG=visite-PORT VISITE_WP_STATE=DIR
//   VISITE_WP_ADMIN_PASSWORD=… php install.php
// The site: French (fr_FR, Europe/Paris) like a union's, pretty permalinks, an
// administrator "admin" with one application password.
if (PHP_SAPI !== 'cli') {
    exit(1);
}
$url = getenv('VISITE_WP_URL');
$parts = parse_url((string) $url);
if (!$parts || !isset($parts['host'], $parts['port'])) {
    fwrite(STDERR, "install.php: VISITE_WP_URL must be http://HOST:PORT\n");
    exit(2);
}
$_SERVER['HTTP_HOST'] = $parts['host'] . ':' . $parts['port'];
$_SERVER['SERVER_NAME'] = $parts['host'];
$_SERVER['SERVER_PORT'] = (string) $parts['port'];
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
// Debian's wp-config.php reads /etc/wordpress/config-$WORDPRESS_CONFIG.php.
$_SERVER['WORDPRESS_CONFIG'] = getenv('VISITE_WP_CONFIG');

define('WP_INSTALLING', true);

// Pluggable: defined before WordPress loads, so the install mails no one.
function wp_new_blog_notification($blog_title, $blog_url, $user_id, $password)
{
}

require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

// No outgoing request at all, not even the install's loopback checks.
add_filter('pre_http_request', function () {
    return new WP_Error('http_request_blocked', 'No network in the test WordPress.');
}, 0);

if (is_blog_installed()) {
    fwrite(STDERR, "install.php: the site is already installed\n");
    exit(1);
}
$result = wp_install('Syndicat — site de test de visite', 'admin', 'admin@example.invalid', false, '',
    wp_slash(getenv('VISITE_WP_ADMIN_PASSWORD')), 'fr_FR');
if (is_wp_error($result) || empty($result['user_id'])) {
    fwrite(STDERR, 'install.php: wp_install failed: ' . (is_wp_error($result) ? $result->get_error_message() : 'no user') . "\n");
    exit(1);
}

update_option('timezone_string', 'Europe/Paris');
update_option('date_format', 'j F Y');
update_option('blog_public', '0');
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%year%/%monthnum%/%postname%/');
flush_rewrite_rules(false); // soft: writes no .htaccess (FallbackResource does its job)

$created = WP_Application_Passwords::create_new_application_password((int) $result['user_id'], ['name' => 'visite tests']);
if (is_wp_error($created)) {
    fwrite(STDERR, 'install.php: no application password: ' . $created->get_error_message() . "\n");
    exit(1);
}
[$app_password] = $created;

echo json_encode([
    'url' => $url,
    'user' => 'admin',
    'appPassword' => $app_password,
    'state' => getenv('VISITE_WP_STATE'),
], JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
