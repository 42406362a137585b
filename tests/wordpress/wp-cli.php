<?php
// A tiny WordPress command line for the tests (Debian 12 has no wp-cli package).
// Run through wp.sh:  install | option NAME [VALUE] | comments | reset-comments
//                     | approve ID | php 'CODE'
if (PHP_SAPI !== 'cli') exit(1);
$port = $argv[1] ?? '8321';
$cmd = $argv[2] ?? 'install';
$args = array_slice($argv, 3);
$_SERVER['HTTP_HOST'] = "127.0.0.1:$port";
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['SERVER_PORT'] = $port;
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
if ($cmd === 'install') define('WP_INSTALLING', true);
require ABSPATH . 'wp-load.php';

// The test posts, created once: comments open, closed, a draft and a
// password-protected post (both of which WordPress answers with an empty 200).
const HARNESS_POSTS = [
    'open' => ['Rust & Bone: our review', 'publish', 'open', ''],
    'closed' => ['Comments closed', 'publish', 'closed', ''],
    'draft' => ['A draft', 'draft', 'open', ''],
    'password' => ['Password protected', 'publish', 'open', 'secret'],
    // The agreement table posts each case once per channel, each on its own post,
    // so WordPress's duplicate check (per post) never links two channels.
    'table_form' => ['Agreement table: wp-comments-post.php', 'publish', 'open', ''],
    'table_rest' => ['Agreement table: REST', 'publish', 'open', ''],
];

function harness_post($kind) {
    $opt = "harness_post_$kind";
    $id = (int) get_option($opt);
    if ($id && get_post($id)) return $id;
    [$title, $status, $comments, $password] = HARNESS_POSTS[$kind];
    $id = wp_insert_post([
        'post_title' => $title,
        'post_name' => "harness-$kind",
        'post_content' => '<!-- wp:paragraph --><p>A post for the comment-form tests.</p><!-- /wp:paragraph -->',
        'post_status' => $status,
        'post_author' => 1,
        'comment_status' => $comments,
        'post_password' => $password,
    ], true);
    if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
    update_option($opt, $id);
    return $id;
}

switch ($cmd) {
case 'install':
    require_once ABSPATH . 'wp-admin/includes/upgrade.php';
    if (!is_blog_installed()) {
        // As the installer's form would: site title, admin user, e-mail, public.
        wp_install('Harness Blog', 'admin', 'admin@example.com', true, '', 'harness-admin-pass');
        // Installing sets no flood switch: the tests turn it on (see harness-plugin.php).
        fwrite(STDERR, "[wordpress] installed WordPress " . $GLOBALS['wp_version'] . "\n");
    }
    foreach (array_keys(HARNESS_POSTS) as $kind) {
        $id = harness_post($kind);
        echo strtoupper($kind) . "_POST=$id\n";
    }
    echo "POST_URL=" . get_permalink(harness_post('open')) . "\n";
    echo "WP_VERSION=" . $GLOBALS['wp_version'] . "\n";
    break;
case 'option':
    if (count($args) >= 2) {
        if ($args[1] === '') delete_option($args[0]); else update_option($args[0], $args[1]);
    }
    echo json_encode(get_option($args[0])), "\n";
    break;
case 'comments':
    $out = [];
    foreach (get_comments(['status' => 'all', 'orderby' => 'comment_ID', 'order' => 'ASC']) as $c) {
        $out[] = ['id' => (int) $c->comment_ID, 'post' => (int) $c->comment_post_ID,
            'approved' => $c->comment_approved, 'author' => $c->comment_author,
            'email' => $c->comment_author_email, 'url' => $c->comment_author_url,
            'content' => $c->comment_content];
    }
    echo json_encode($out, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), "\n";
    break;
case 'reset-comments':
    global $wpdb;
    $wpdb->query("DELETE FROM $wpdb->commentmeta");
    $wpdb->query("DELETE FROM $wpdb->comments");
    $wpdb->query("UPDATE $wpdb->posts SET comment_count = 0");
    clean_comment_cache([]);
    wp_cache_flush();
    echo "ok\n";
    break;
case 'approve':
    echo wp_set_comment_status((int) $args[0], 'approve') ? "ok\n" : "failed\n";
    break;
case 'php':
    eval($args[0] ?? '');
    echo "\n";
    break;
default:
    fwrite(STDERR, "unknown command $cmd\n");
    exit(2);
}
