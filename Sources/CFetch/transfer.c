// One libcurl easy handle per CFetch_Handle, one blocking GET per CFetch_perform. See CFetch.h.

#include "CFetch.h"
#include "curl_abi.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

_Static_assert(sizeof(((CFetch_Result *)0)->message) >= CURL_ERROR_SIZE, "message must hold libcurl's error text");

/// Sockets tracked per handle for cancellation: a handle's connection cache (CURLOPT_MAXCONNECTS) plus the
/// attempts of a happy-eyeballs connect fit well within this; an untracked socket is only cancelled more slowly.
#define CFETCH_MAX_SOCKETS 32
/// Header bytes kept per response (libcurl itself refuses a header line over 100 KiB).
#define CFETCH_MAX_HEADER_BYTES (256 * 1024)
/// Body bytes of a response that is not a 200/203 read (and dropped) before the transfer is cut short: enough for
/// any error page or redirect body, so the connection usually stays reusable.
#define CFETCH_MAX_DISCARDED_BYTES (1024 * 1024)

struct CFetch_Handle {
    CURL *easy;
    /// Set by CFetch_handleCancel from any thread, read by the callbacks.
    atomic_int cancelled;
    /// Guards `sockets`. Held by CFetch_handleCancel while it shuts them down and by the socket callbacks while
    /// they add or remove one, so a descriptor is never shut down after it has been closed (and maybe reused).
    pthread_mutex_t sockets_lock;
    curl_socket_t sockets[CFETCH_MAX_SOCKETS];
    int socket_count;

    // The current hop; only the performing thread touches these.
    int64_t maximum_bytes;
    int body_decided;
    int keep_body;
    int too_large;
    int stopped_unwanted;
    int out_of_memory;
    int64_t received;
    uint8_t *body;
    size_t body_length;
    size_t body_capacity;
    char *headers;
    size_t headers_length;
    size_t headers_capacity;
    int headers_complete;
    char *redirect_url;
    char error[CURL_ERROR_SIZE];
    /// The hop's address check, and why it last refused a connection (empty when it did not).
    CFetch_AddressCheck address_check;
    void *address_context;
    char refusal[256];
};

// MARK: - Global initialisation

static pthread_once_t global_once = PTHREAD_ONCE_INIT;
static CURLcode global_code = CURLE_FAILED_INIT;
static int https_supported = 0;
static char version_text[256] = "libcurl (not initialised)";

static void global_init(void) {
    if (!cfetch_curl_load()) {
        snprintf(version_text, sizeof version_text, "%s", cfetch_curl_load_problem());
        return;
    }
    global_code = cfetch_curl.global_init(CURL_GLOBAL_DEFAULT);
    const curl_version_info_data *info = cfetch_curl.version_info(CFETCH_CURLVERSION_FIRST);
    if (info != NULL && info->protocols != NULL) {
        for (const char *const *protocol = info->protocols; *protocol != NULL; protocol++) {
            if (strcasecmp(*protocol, "https") == 0) https_supported = 1;
        }
    }
    // cfetch_curl.version() fills a static buffer on each call: called once here and copied.
    snprintf(version_text, sizeof version_text, "%s", cfetch_curl.version());
}

const char *CFetch_libraryVersion(void) {
    pthread_once(&global_once, global_init);
    return version_text;
}

const char *CFetch_unavailableReason(void) {
    pthread_once(&global_once, global_init);
    if (!cfetch_curl_load()) return cfetch_curl_load_problem();
    return global_code == CURLE_OK ? NULL : "libcurl's global initialisation failed";
}

void CFetch_blockSIGPIPEOnThisThread(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
}

// MARK: - Callbacks

static int is_status_line(const char *line, size_t length) { return length >= 5 && memcmp(line, "HTTP/", 5) == 0; }

static size_t header_callback(char *line, size_t size, size_t count, void *pointer) {
    CFetch_Handle *handle = pointer;
    const size_t length = size * count;
    if (is_status_line(line, length)) {
        // A new response (after a 1xx, or a proxy's CONNECT answer): only the last one's header and body count.
        handle->headers_length = 0;
        handle->headers_complete = 0;
        handle->body_decided = 0;
        handle->body_length = 0;
        handle->received = 0;
    } else if (handle->headers_complete) {
        return length;  // trailers of a chunked body
    }
    if (length == 2 && line[0] == '\r' && line[1] == '\n') handle->headers_complete = 1;
    if (length == 1 && line[0] == '\n') handle->headers_complete = 1;
    if (handle->headers_length + length > CFETCH_MAX_HEADER_BYTES) return length;
    if (handle->headers_length + length > handle->headers_capacity) {
        size_t capacity = handle->headers_capacity ? handle->headers_capacity : 4096;
        while (capacity < handle->headers_length + length) capacity *= 2;
        char *grown = realloc(handle->headers, capacity);
        if (grown == NULL) return length;  // the header block is informative; the transfer goes on
        handle->headers = grown;
        handle->headers_capacity = capacity;
    }
    memcpy(handle->headers + handle->headers_length, line, length);
    handle->headers_length += length;
    return length;
}

static size_t write_callback(char *data, size_t size, size_t count, void *pointer) {
    CFetch_Handle *handle = pointer;
    const size_t length = size * count;
    if (!handle->body_decided) {
        long status = 0;
        cfetch_curl.easy_getinfo(handle->easy, CURLINFO_RESPONSE_CODE, &status);
        handle->keep_body = status == 200 || status == 203;
        handle->body_decided = 1;
    }
    handle->received += (int64_t)length;
    if (!handle->keep_body) {
        if (handle->received <= CFETCH_MAX_DISCARDED_BYTES) return length;
        handle->stopped_unwanted = 1;
        return 0;  // length > 0 here, so 0 is a short write: libcurl stops with CURLE_WRITE_ERROR
    }
    if ((int64_t)(handle->body_length + length) > handle->maximum_bytes) {
        handle->too_large = 1;
        return 0;
    }
    if (handle->body_length + length > handle->body_capacity) {
        size_t capacity = handle->body_capacity ? handle->body_capacity : 64 * 1024;
        while (capacity < handle->body_length + length) capacity *= 2;
        if ((int64_t)capacity > handle->maximum_bytes) capacity = (size_t)handle->maximum_bytes;
        uint8_t *grown = realloc(handle->body, capacity);
        if (grown == NULL) {
            handle->out_of_memory = 1;
            return 0;
        }
        handle->body = grown;
        handle->body_capacity = capacity;
    }
    memcpy(handle->body + handle->body_length, data, length);
    handle->body_length += length;
    return length;
}

static int progress_callback(void *pointer, curl_off_t download_total, curl_off_t downloaded, curl_off_t upload_total,
                             curl_off_t uploaded) {
    (void)download_total;
    (void)downloaded;
    (void)upload_total;
    (void)uploaded;
    CFetch_Handle *handle = pointer;
    return atomic_load(&handle->cancelled) ? 1 : 0;
}

/// Whether the hop's address check lets a connection to `address` be made. This is the address libcurl connects to
/// after resolving (no second lookup can change it), for every hop and every attempt of a happy-eyeballs connect.
static int address_allowed(CFetch_Handle *handle, const struct curl_sockaddr *address) {
    if (handle->address_check == NULL) return 1;
    const uint8_t *bytes = NULL;
    size_t length = 0;
    // curl_sockaddr's `addr` is the head of storage large enough for any address (libcurl's Curl_sockaddr_ex).
    if (address->family == AF_INET && address->addrlen >= sizeof(struct sockaddr_in)) {
        bytes = (const uint8_t *)&((const struct sockaddr_in *)(const void *)&address->addr)->sin_addr;
        length = 4;
    } else if (address->family == AF_INET6 && address->addrlen >= sizeof(struct sockaddr_in6)) {
        bytes = (const uint8_t *)&((const struct sockaddr_in6 *)(const void *)&address->addr)->sin6_addr;
        length = 16;
    }
    char reason[sizeof handle->refusal];
    reason[0] = '\0';
    if (handle->address_check(handle->address_context, bytes, length, reason, sizeof reason) == 0) return 1;
    reason[sizeof reason - 1] = '\0';
    snprintf(handle->refusal, sizeof handle->refusal, "%s", reason[0] != '\0' ? reason : "address refused");
    return 0;
}

static curl_socket_t open_socket_callback(void *pointer, curlsocktype purpose, struct curl_sockaddr *address) {
    (void)purpose;
    CFetch_Handle *handle = pointer;
    if (atomic_load(&handle->cancelled)) return CURL_SOCKET_BAD;
    if (!address_allowed(handle, address)) return CURL_SOCKET_BAD;
#ifdef SOCK_CLOEXEC
    // Close-on-exec: the process also runs child processes, which must not inherit connections.
    curl_socket_t socket_number = socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
#else
    curl_socket_t socket_number = socket(address->family, address->socktype, address->protocol);
    if (socket_number != CURL_SOCKET_BAD) fcntl(socket_number, F_SETFD, FD_CLOEXEC);
#endif
    if (socket_number == CURL_SOCKET_BAD) return CURL_SOCKET_BAD;
    pthread_mutex_lock(&handle->sockets_lock);
    // Read under the lock: a cancel that set the flag before this lock either is seen here or finds the socket in
    // the list when it takes the lock after us.
    const int cancelled = atomic_load(&handle->cancelled);
    if (!cancelled && handle->socket_count < CFETCH_MAX_SOCKETS) {
        handle->sockets[handle->socket_count++] = socket_number;
    }
    pthread_mutex_unlock(&handle->sockets_lock);
    if (cancelled) {
        close(socket_number);
        return CURL_SOCKET_BAD;
    }
    return socket_number;
}

static int close_socket_callback(void *pointer, curl_socket_t socket_number) {
    CFetch_Handle *handle = pointer;
    pthread_mutex_lock(&handle->sockets_lock);
    for (int index = 0; index < handle->socket_count; index++) {
        if (handle->sockets[index] == socket_number) {
            handle->sockets[index] = handle->sockets[--handle->socket_count];
            break;
        }
    }
    pthread_mutex_unlock(&handle->sockets_lock);
    // Out of the list before it is closed: no cancel can shut down a reused descriptor number.
    return close(socket_number);
}

// MARK: - Handles

static int set_protocols(CURL *easy) {
    if (cfetch_curl.easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https") == CURLE_OK &&
        cfetch_curl.easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") == CURLE_OK) {
        return 1;
    }
    // The library at run time predates 7.85, which brought the string options (the bitmask ones are deprecated
    // since, but still work).
    return cfetch_curl.easy_setopt(easy, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS)) == CURLE_OK &&
           cfetch_curl.easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS)) == CURLE_OK;
}

CFetch_Handle *CFetch_handleCreate(void) {
    pthread_once(&global_once, global_init);
    if (global_code != CURLE_OK) return NULL;
    CFetch_Handle *handle = calloc(1, sizeof *handle);
    if (handle == NULL) return NULL;
    atomic_init(&handle->cancelled, 0);
    if (pthread_mutex_init(&handle->sockets_lock, NULL) != 0) {
        free(handle);
        return NULL;
    }
    handle->easy = cfetch_curl.easy_init();
    if (handle->easy == NULL) {
        pthread_mutex_destroy(&handle->sockets_lock);
        free(handle);
        return NULL;
    }
    CURL *easy = handle->easy;
    int ok = set_protocols(easy);
    // No signals: the handle runs on a thread of a multi-threaded process (DNS timeouts then rely on the threaded
    // resolver, which Debian's libcurl uses).
    ok = ok && cfetch_curl.easy_setopt(easy, CURLOPT_NOSIGNAL, 1L) == CURLE_OK;
    // Redirects are followed by the caller, one hop at a time.
    ok = ok && cfetch_curl.easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L) == CURLE_OK;
    ok = ok && cfetch_curl.easy_setopt(easy, CURLOPT_HTTPGET, 1L) == CURLE_OK;
    ok = ok && cfetch_curl.easy_setopt(easy, CURLOPT_HTTP09_ALLOWED, 0L) == CURLE_OK;
    // Every encoding this libcurl can undo is offered and undone; the size cap counts decoded bytes.
    ok = ok && cfetch_curl.easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "") == CURLE_OK;
    ok = ok && cfetch_curl.easy_setopt(easy, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L) == CURLE_OK;
    ok = ok && cfetch_curl.easy_setopt(easy, CURLOPT_MAXCONNECTS, 4L) == CURLE_OK;
    ok = ok && cfetch_curl.easy_setopt(easy, CURLOPT_ERRORBUFFER, handle->error) == CURLE_OK;
    ok = ok && cfetch_curl.easy_setopt(easy, CURLOPT_WRITEFUNCTION, write_callback) == CURLE_OK;
    ok = ok && cfetch_curl.easy_setopt(easy, CURLOPT_WRITEDATA, handle) == CURLE_OK;
    ok = ok && cfetch_curl.easy_setopt(easy, CURLOPT_HEADERFUNCTION, header_callback) == CURLE_OK;
    ok = ok && cfetch_curl.easy_setopt(easy, CURLOPT_HEADERDATA, handle) == CURLE_OK;
    ok = ok && cfetch_curl.easy_setopt(easy, CURLOPT_NOPROGRESS, 0L) == CURLE_OK;
    ok = ok && cfetch_curl.easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, progress_callback) == CURLE_OK;
    ok = ok && cfetch_curl.easy_setopt(easy, CURLOPT_XFERINFODATA, handle) == CURLE_OK;
    ok = ok && cfetch_curl.easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, open_socket_callback) == CURLE_OK;
    ok = ok && cfetch_curl.easy_setopt(easy, CURLOPT_OPENSOCKETDATA, handle) == CURLE_OK;
    ok = ok && cfetch_curl.easy_setopt(easy, CURLOPT_CLOSESOCKETFUNCTION, close_socket_callback) == CURLE_OK;
    ok = ok && cfetch_curl.easy_setopt(easy, CURLOPT_CLOSESOCKETDATA, handle) == CURLE_OK;
    // No cookie engine (CURLOPT_COOKIEFILE is never set), no .netrc, no share: nothing persists between handles.
    if (!ok) {
        CFetch_handleDestroy(handle);
        return NULL;
    }
    return handle;
}

void CFetch_handleDestroy(CFetch_Handle *handle) {
    if (handle == NULL) return;
    // Closes the cached connections through close_socket_callback, which still needs the lock.
    cfetch_curl.easy_cleanup(handle->easy);
    pthread_mutex_destroy(&handle->sockets_lock);
    free(handle->body);
    free(handle->headers);
    free(handle->redirect_url);
    free(handle);
}

void CFetch_handleArm(CFetch_Handle *handle) { atomic_store(&handle->cancelled, 0); }

void CFetch_handleCancel(CFetch_Handle *handle) {
    atomic_store(&handle->cancelled, 1);
    pthread_mutex_lock(&handle->sockets_lock);
    // Wakes libcurl from its wait on these sockets; it then sees the connection end, and the flag makes it a
    // cancellation. Idle cached connections are shut down too: they are dropped, not misused.
    for (int index = 0; index < handle->socket_count; index++) shutdown(handle->sockets[index], SHUT_RDWR);
    pthread_mutex_unlock(&handle->sockets_lock);
}

// MARK: - Performing

/// Appends each '\n'-separated line of `lines` to `list`; NULL when memory runs out.
static struct curl_slist *header_list(const char *lines, int *ok) {
    struct curl_slist *list = NULL;
    *ok = 1;
    if (lines == NULL) return NULL;
    const char *start = lines;
    while (*start != '\0') {
        const char *end = strchr(start, '\n');
        const size_t length = end ? (size_t)(end - start) : strlen(start);
        if (length > 0) {
            char *line = strndup(start, length);
            struct curl_slist *grown = line ? cfetch_curl.slist_append(list, line) : NULL;
            free(line);
            if (grown == NULL) {
                cfetch_curl.slist_free_all(list);
                *ok = 0;
                return NULL;
            }
            list = grown;
        }
        if (end == NULL) break;
        start = end + 1;
    }
    return list;
}

static int starts_with_https(const char *url) { return strncasecmp(url, "https:", 6) == 0; }

static CFetch_Failure classify(CFetch_Handle *handle, CURLcode code, long status, const char *url) {
    if (code == CURLE_OK) return CFetch_NONE;
    // A cancellation shuts the sockets down, which libcurl may report as a broken connection first.
    if (atomic_load(&handle->cancelled)) return CFetch_CANCELLED;
    if (code == CURLE_COULDNT_CONNECT && handle->refusal[0] != '\0') return CFetch_ADDRESS_REFUSED;
    switch (code) {
    case CURLE_WRITE_ERROR:
        if (handle->too_large) return CFetch_TOO_LARGE_STREAMED;
        if (handle->stopped_unwanted) return CFetch_NONE;
        return CFetch_OTHER;
    case CURLE_FILESIZE_EXCEEDED:
        // The declared length only matters for a body that would be kept.
        return status == 200 || status == 203 ? CFetch_TOO_LARGE_DECLARED : CFetch_NONE;
    case CURLE_OPERATION_TIMEDOUT:
        return CFetch_TIMEOUT;
    case CURLE_ABORTED_BY_CALLBACK:
        return CFetch_CANCELLED;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
        return CFetch_CONNECT_FAILED;
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_HTTP3:
    case CURLE_QUIC_CONNECT_ERROR:
        return CFetch_CONNECTION_LOST;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
    case CURLE_USE_SSL_FAILED:
        return CFetch_TLS;
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_BAD_CONTENT_ENCODING:
        return CFetch_BAD_RESPONSE;
    case CURLE_UNSUPPORTED_PROTOCOL:
        // The caller only asks for http and https; this is a libcurl without TLS, or an HTTP/0.9 answer.
        return starts_with_https(url) && !https_supported ? CFetch_UNSUPPORTED_SCHEME : CFetch_BAD_RESPONSE;
    case CURLE_URL_MALFORMAT:
        return CFetch_INVALID_URL;
    default:
        return CFetch_OTHER;
    }
}

static void reset_hop(CFetch_Handle *handle, int64_t maximum_bytes) {
    handle->maximum_bytes = maximum_bytes < 0 ? 0 : maximum_bytes;
    handle->body_decided = 0;
    handle->keep_body = 0;
    handle->too_large = 0;
    handle->stopped_unwanted = 0;
    handle->out_of_memory = 0;
    handle->received = 0;
    free(handle->body);
    handle->body = NULL;
    handle->body_length = 0;
    handle->body_capacity = 0;
    handle->headers_length = 0;
    handle->headers_complete = 0;
    free(handle->redirect_url);
    handle->redirect_url = NULL;
    handle->error[0] = '\0';
    handle->refusal[0] = '\0';
}

static int32_t fail(CFetch_Result *result, CFetch_Failure failure, const char *message) {
    result->failure = failure;
    snprintf(result->message, sizeof result->message, "%s", message);
    return failure;
}

int32_t CFetch_perform(CFetch_Handle *handle, const CFetch_Request *request, CFetch_Result *result) {
    memset(result, 0, sizeof *result);
    if (handle == NULL || request == NULL || request->url == NULL) return fail(result, CFetch_OTHER, "no request");
    reset_hop(handle, request->maximum_bytes);
    handle->address_check = request->address_check;
    handle->address_context = request->address_context;
    if (atomic_load(&handle->cancelled)) return fail(result, CFetch_CANCELLED, "cancelled");

    int ok = 1;
    struct curl_slist *headers = header_list(request->headers, &ok);
    if (!ok) return fail(result, CFetch_OTHER, "out of memory");
    CURL *easy = handle->easy;
    const long timeout = request->timeout_ms < 1 ? 1L : request->timeout_ms > 0x7fffffff ? 0x7fffffffL
                                                                                           : (long)request->timeout_ms;
    CURLcode code = cfetch_curl.easy_setopt(easy, CURLOPT_URL, request->url);
    if (code == CURLE_OK) code = cfetch_curl.easy_setopt(easy, CURLOPT_USERAGENT, request->user_agent);
    if (code == CURLE_OK) code = cfetch_curl.easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    if (code == CURLE_OK) code = cfetch_curl.easy_setopt(easy, CURLOPT_TIMEOUT_MS, timeout);
    if (code == CURLE_OK) code = cfetch_curl.easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, timeout);
    // A cap of 0 cannot be declared to libcurl (0 means none); the write callback enforces it alone then.
    if (code == CURLE_OK) {
        code = cfetch_curl.easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)handle->maximum_bytes);
    }
    if (code == CURLE_OK) code = cfetch_curl.easy_perform(easy);
    // The context lives only as long as this call; a connection opened later belongs to another perform.
    handle->address_check = NULL;
    handle->address_context = NULL;

    long status = 0;
    cfetch_curl.easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    char *redirect = NULL;
    if (cfetch_curl.easy_getinfo(easy, CURLINFO_REDIRECT_URL, &redirect) == CURLE_OK && redirect != NULL) {
        handle->redirect_url = strdup(redirect);
    }
    // The list must outlive the perform only; the option is cleared so the handle holds no dangling pointer.
    cfetch_curl.easy_setopt(easy, CURLOPT_HTTPHEADER, (struct curl_slist *)NULL);
    cfetch_curl.slist_free_all(headers);

    const CFetch_Failure failure = classify(handle, code, status, request->url);
    result->failure = failure;
    result->status = (int32_t)status;
    result->received_bytes = handle->received;
    result->headers = handle->headers;
    result->headers_length = handle->headers_length;
    result->redirect_url = handle->redirect_url;
    if (failure != CFetch_NONE) {
        const char *message = failure == CFetch_ADDRESS_REFUSED ? handle->refusal
                              : handle->out_of_memory         ? "out of memory for the body"
                              : handle->error[0] != '\0' ? handle->error
                                                         : cfetch_curl.easy_strerror(code);
        snprintf(result->message, sizeof result->message, "%s", message);
    } else if (status == 200 || status == 203) {
        // The body moves to the caller (an empty one, for which the write callback never ran, as a 1-byte block).
        result->body = handle->body ? handle->body : malloc(1);
        result->body_length = handle->body ? handle->body_length : 0;
        handle->body = NULL;
        handle->body_length = 0;
        handle->body_capacity = 0;
        if (result->body == NULL) return fail(result, CFetch_OTHER, "out of memory for the body");
    }
    return failure;
}
