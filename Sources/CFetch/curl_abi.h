// The part of libcurl's binary interface CFetch uses, declared here so that building needs no libcurl headers.
//
// libcurl is loaded at first use with dlopen (see curl_loader.c), from the runtime library every Swift toolchain on
// Linux already depends on (Foundation's networking links libcurl.so.4) and that macOS ships as libcurl.4.dylib.
// Everything below is libcurl's public ABI, which it keeps stable across the whole 7.x and 8.x series
// (https://curl.se/libcurl/abi.html): option numbers are a type base plus a fixed index (CURLOPTTYPE_LONG 0,
// OBJECTPOINT 10000, FUNCTIONPOINT 20000, OFF_T 30000), error codes never change meaning, and the structs below
// only ever grew at their ends. Only the names CFetch uses are declared; each value was checked against curl.h
// 7.88.1 when written.
#ifndef CFETCH_CURL_ABI_H
#define CFETCH_CURL_ABI_H

#include <stdint.h>
#include <sys/socket.h>

typedef void CURL;
typedef int CURLcode;
typedef int CURLoption;
typedef int CURLINFO;
typedef int curlsocktype;
typedef int curl_socket_t;
typedef int64_t curl_off_t;

#define CURL_SOCKET_BAD (-1)
#define CURL_ERROR_SIZE 256
#define CURL_GLOBAL_DEFAULT 3L
/// The first `curl_version_info` layout; `protocols` is part of it.
#define CFETCH_CURLVERSION_FIRST 0

struct curl_slist {
    char *data;
    struct curl_slist *next;
};

struct curl_sockaddr {
    int family;
    int socktype;
    int protocol;
    unsigned int addrlen;
    struct sockaddr addr;
};

/// The leading fields of `curl_version_info_data`, which every later version only extends.
typedef struct {
    int age;
    const char *version;
    unsigned int version_num;
    const char *host;
    int features;
    const char *ssl_version;
    long ssl_version_num;
    const char *libz_version;
    const char *const *protocols;
} curl_version_info_data;

_Static_assert(sizeof(struct curl_sockaddr) == 16 + sizeof(struct sockaddr), "curl_sockaddr layout");

enum {
    CURLOPT_WRITEDATA = 10001,
    CURLOPT_URL = 10002,
    CURLOPT_ERRORBUFFER = 10010,
    CURLOPT_WRITEFUNCTION = 20011,
    CURLOPT_USERAGENT = 10018,
    CURLOPT_HTTPHEADER = 10023,
    CURLOPT_HEADERDATA = 10029,
    CURLOPT_NOPROGRESS = 43,
    CURLOPT_FOLLOWLOCATION = 52,
    CURLOPT_XFERINFODATA = 10057,
    CURLOPT_MAXCONNECTS = 71,
    CURLOPT_HEADERFUNCTION = 20079,
    CURLOPT_HTTPGET = 80,
    CURLOPT_NOSIGNAL = 99,
    CURLOPT_ACCEPT_ENCODING = 10102,
    CURLOPT_MAXFILESIZE_LARGE = 30117,
    CURLOPT_TIMEOUT_MS = 155,
    CURLOPT_CONNECTTIMEOUT_MS = 156,
    CURLOPT_OPENSOCKETFUNCTION = 20163,
    CURLOPT_OPENSOCKETDATA = 10164,
    CURLOPT_PROTOCOLS = 181,
    CURLOPT_REDIR_PROTOCOLS = 182,
    CURLOPT_CLOSESOCKETFUNCTION = 20208,
    CURLOPT_CLOSESOCKETDATA = 10209,
    CURLOPT_XFERINFOFUNCTION = 20219,
    CURLOPT_SUPPRESS_CONNECT_HEADERS = 265,
    CURLOPT_HTTP09_ALLOWED = 285,
    CURLOPT_PROTOCOLS_STR = 10318,
    CURLOPT_REDIR_PROTOCOLS_STR = 10319,
};

enum {
    CURLINFO_RESPONSE_CODE = 0x200000 + 2,
    CURLINFO_REDIRECT_URL = 0x100000 + 31,
};

enum {
    CURLPROTO_HTTP = 1 << 0,
    CURLPROTO_HTTPS = 1 << 1,
};

enum {
    CURLE_OK = 0,
    CURLE_UNSUPPORTED_PROTOCOL = 1,
    CURLE_FAILED_INIT = 2,
    CURLE_URL_MALFORMAT = 3,
    CURLE_COULDNT_RESOLVE_PROXY = 5,
    CURLE_COULDNT_RESOLVE_HOST = 6,
    CURLE_COULDNT_CONNECT = 7,
    CURLE_WEIRD_SERVER_REPLY = 8,
    CURLE_HTTP2 = 16,
    CURLE_PARTIAL_FILE = 18,
    CURLE_WRITE_ERROR = 23,
    CURLE_OPERATION_TIMEDOUT = 28,
    CURLE_SSL_CONNECT_ERROR = 35,
    CURLE_ABORTED_BY_CALLBACK = 42,
    CURLE_UNKNOWN_OPTION = 48,
    CURLE_GOT_NOTHING = 52,
    CURLE_SSL_ENGINE_NOTFOUND = 53,
    CURLE_SSL_ENGINE_SETFAILED = 54,
    CURLE_SEND_ERROR = 55,
    CURLE_RECV_ERROR = 56,
    CURLE_SSL_CERTPROBLEM = 58,
    CURLE_SSL_CIPHER = 59,
    CURLE_PEER_FAILED_VERIFICATION = 60,
    CURLE_BAD_CONTENT_ENCODING = 61,
    CURLE_FILESIZE_EXCEEDED = 63,
    CURLE_USE_SSL_FAILED = 64,
    CURLE_SSL_ENGINE_INITFAILED = 66,
    CURLE_SSL_CACERT_BADFILE = 77,
    CURLE_SSL_SHUTDOWN_FAILED = 80,
    CURLE_SSL_CRL_BADFILE = 82,
    CURLE_SSL_ISSUER_ERROR = 83,
    CURLE_SSL_PINNEDPUBKEYNOTMATCH = 90,
    CURLE_SSL_INVALIDCERTSTATUS = 91,
    CURLE_HTTP2_STREAM = 92,
    CURLE_HTTP3 = 95,
    CURLE_QUIC_CONNECT_ERROR = 96,
    CURLE_SSL_CLIENTCERT = 98,
};

/// libcurl's entry points, resolved by `cfetch_curl_load`.
typedef struct {
    CURLcode (*global_init)(long flags);
    curl_version_info_data *(*version_info)(int age);
    char *(*version)(void);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *easy, CURLoption option, ...);
    CURLcode (*easy_perform)(CURL *easy);
    CURLcode (*easy_getinfo)(CURL *easy, CURLINFO info, ...);
    void (*easy_cleanup)(CURL *easy);
    const char *(*easy_strerror)(CURLcode code);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *line);
    void (*slist_free_all)(struct curl_slist *list);
} cfetch_curl_api;

/// The loaded library's entry points; valid only after `cfetch_curl_load` returned 1.
extern cfetch_curl_api cfetch_curl;

/// Loads libcurl and resolves every entry point, once per process (later calls return the first outcome).
/// Returns 1 when it is usable; 0 otherwise, with the reason in `cfetch_curl_load_problem()`.
int cfetch_curl_load(void);

/// Why libcurl could not be loaded ("libcurl.so.4: cannot open shared object file ..."), or NULL.
const char *cfetch_curl_load_problem(void);

#endif
