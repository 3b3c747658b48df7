<?php
/*
 * Plugin Name: visite test faults
 * Description: Only in the test WordPress of visite's scripts/wordpress/start.sh (a must-use plugin there).
 *
 * While the file VISITE_TEST_FAULTS (STATE_DIR/faults/faults.json) exists, REST requests
 * that match one of its rules fail the way a real site fails when a plugin, a
 * firewall or the database refuses them: the REST error body WordPress sends,
 * with the rule's status. Nothing is changed by a refused request. A rule:
 *   {"method": "POST", "route": "#^/wp/v2/posts(/\\d+)?$#", "status": 503,
 *    "code": "visite_test_fault", "message": "…"}
 * ("method" and "route" — a PCRE on the REST route — are required). Removing the
 * file ends the faults. Every refusal is appended to STATE_DIR/faults/faults.log (the
 * folder belongs to the web server's user).
 */
if (!defined('ABSPATH')) {
    exit;
}

add_filter('rest_pre_dispatch', function ($result, $server, $request) {
    if (!defined('VISITE_TEST_FAULTS') || !is_file(VISITE_TEST_FAULTS)) {
        return $result;
    }
    $rules = json_decode((string) file_get_contents(VISITE_TEST_FAULTS), true);
    if (!is_array($rules)) {
        return $result;
    }
    foreach ($rules as $rule) {
        if (!is_array($rule) || !isset($rule['method'], $rule['route'])) {
            continue;
        }
        if (strcasecmp($rule['method'], $request->get_method()) !== 0 || !@preg_match($rule['route'], $request->get_route())) {
            continue;
        }
        $status = (int) ($rule['status'] ?? 503);
        file_put_contents(dirname(VISITE_TEST_FAULTS) . '/faults.log',
            gmdate('c') . ' ' . $request->get_method() . ' ' . $request->get_route() . ' -> ' . $status . "\n", FILE_APPEND);
        return new WP_Error($rule['code'] ?? 'visite_test_fault',
            $rule['message'] ?? 'Service temporarily unavailable.', ['status' => $status]);
    }
    return $result;
}, 0, 3);
