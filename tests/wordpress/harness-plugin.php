<?php
/*
 * Plugin Name: review-card test switches
 * Description: Copied in by tests/wordpress/start.sh. Every switch is OFF unless its
 * option is set (tests/wordpress/wp.sh option NAME 1), so by default the site is a
 * stock WordPress.
 *
 *   harness_rest_anon   rest_allow_anonymous_comments -> true (the one line a site
 *                       owner adds for REST mode; WordPress's default is false)
 *   harness_form_cors   answer CORS for wp-comments-post.php and the page it redirects
 *                       to, for the origin in this option's value
 *   harness_no_flood    no flood control: every test client is 127.0.0.1, so without
 *                       this the tests that are not about flood would wait 16 s after
 *                       each stored comment. The flood test turns it off.
 *   harness_slow_ms     after storing a comment, wait this long before answering (a
 *                       slow site: the widget's timeout fires though the comment
 *                       arrived, which "Try again" must not duplicate)
 */
add_action('comment_post', function () {
    $ms = (int) get_option('harness_slow_ms');
    if ($ms > 0) usleep($ms * 1000);
});

add_filter('rest_allow_anonymous_comments', function ($allow) {
    return get_option('harness_rest_anon') ? true : $allow;
});

add_filter('wp_is_comment_flood', function ($is_flood) {
    return get_option('harness_no_flood') ? false : $is_flood;
}, 99);

add_action('init', function () {
    $origin = get_option('harness_form_cors');
    if (!$origin || empty($_SERVER['HTTP_ORIGIN']) || $_SERVER['HTTP_ORIGIN'] !== $origin) {
        return;
    }
    if (defined('REST_REQUEST')) {
        return;
    }
    header('Access-Control-Allow-Origin: ' . $origin);
    header('Vary: Origin', false);
}, 0);
