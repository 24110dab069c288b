// CFetch: the only code in Proofmark that calls libcurl.
//
// libcurl is loaded at run time (dlopen of its versioned runtime library, libcurl.so.4 or libcurl.4.dylib), so that
// building needs no libcurl headers; where it cannot be loaded, no handle can be created and
// CFetch_unavailableReason says why.
//
// A handle is one libcurl easy handle that one thread at a time uses for one HTTP GET after another ("hops":
// redirects are followed by the caller, hop by hop). Between hops and attempts it keeps what libcurl keeps in an
// easy handle: live connections, the DNS cache and TLS sessions. Nothing here prints, exits or raises a signal.
// This header does not include curl.h, so the Swift side sees only these plain types.
#ifndef CFETCH_H
#define CFETCH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// How a hop ended. Anything but NONE leaves libcurl's reason in the result's `message`.
typedef enum CFetch_Failure {
    /// A complete response: `status` is its code (any code; a `200` or `203` comes with its body).
    CFetch_NONE = 0,
    /// The hop's timeout ran out (connecting included).
    CFetch_TIMEOUT = 1,
    /// A `200` or `203` declared a `Content-Length` over the cap; none of the body was read.
    CFetch_TOO_LARGE_DECLARED = 2,
    /// The body passed the cap while it streamed and the transfer was stopped there.
    CFetch_TOO_LARGE_STREAMED = 3,
    /// The host (or proxy) could not be resolved, or nobody accepted the connection.
    CFetch_CONNECT_FAILED = 4,
    /// The connection broke after it was made: reset, closed early, nothing or part of the answer received.
    CFetch_CONNECTION_LOST = 5,
    /// The TLS handshake or the server's certificate failed.
    CFetch_TLS = 6,
    /// The server's answer was not valid HTTP (or used a content encoding libcurl cannot undo).
    CFetch_BAD_RESPONSE = 7,
    /// CFetch_handleCancel was called for this hop.
    CFetch_CANCELLED = 8,
    /// The URL's scheme is not one libcurl may use here (only http and https are allowed).
    CFetch_UNSUPPORTED_SCHEME = 9,
    /// libcurl could not parse the URL.
    CFetch_INVALID_URL = 10,
    /// libcurl could not be set up (global initialisation or memory), or failed in another way.
    CFetch_OTHER = 11,
    /// Every address the hop would have connected to was refused by the request's address check (the reason of the
    /// last refusal is in `message`).
    CFetch_ADDRESS_REFUSED = 12,
} CFetch_Failure;

/// Judges an address a connection is about to be made to (the host's, or a proxy's): `address` is 4 (IPv4) or 16
/// (IPv6) bytes in network order, or 0 bytes for another family. Returns 0 to allow the connection; otherwise
/// refuses it and writes why, NUL-terminated, into `reason` (`reason_size` bytes). Called on the performing thread,
/// before the socket is created.
typedef int (*CFetch_AddressCheck)(void *context, const uint8_t *address, size_t length, char *reason,
                                   size_t reason_size);

/// One GET. Every string is NUL-terminated and only read during CFetch_perform.
typedef struct CFetch_Request {
    const char *url;
    const char *user_agent;
    /// Extra request header lines ("Name: value"), separated by '\n'; may be NULL. Lines must not contain '\r'.
    const char *headers;
    /// The whole hop, connecting included, in milliseconds; at least 1.
    int64_t timeout_ms;
    /// The largest body accepted; a `200`/`203` declaring or sending more ends as TOO_LARGE_*.
    int64_t maximum_bytes;
    /// Called for every connection the hop opens, with `address_context`; NULL allows every address.
    CFetch_AddressCheck address_check;
    void *address_context;
} CFetch_Request;

/// What a hop gave. Pointers other than `body` are owned by the handle and valid until its next perform.
typedef struct CFetch_Result {
    /// A CFetch_Failure.
    int32_t failure;
    /// The last response's HTTP status; 0 when no status line arrived.
    int32_t status;
    /// Body bytes received (kept or not), after any Content-Encoding was undone.
    int64_t received_bytes;
    /// The last response's header block as received (status line first, one "\r\n"-terminated line each);
    /// interim (1xx) and proxy CONNECT responses are dropped. Not NUL-terminated.
    const char *headers;
    size_t headers_length;
    /// Where a 3xx response points, as libcurl resolves its Location against the request's URL; NULL when none.
    const char *redirect_url;
    /// A `200`'s or `203`'s body when failure is NONE, from malloc: the caller owns it and frees it with free().
    /// NULL otherwise (an empty body is a non-NULL pointer with `body_length` 0).
    uint8_t *body;
    size_t body_length;
    char message[256];
} CFetch_Result;

typedef struct CFetch_Handle CFetch_Handle;

/// A new handle, or NULL when libcurl cannot be initialised or memory runs out. Initialises libcurl globally
/// (once per process) the first time.
CFetch_Handle *CFetch_handleCreate(void);

/// Closes the handle's connections and frees it. It must not be in a perform.
void CFetch_handleDestroy(CFetch_Handle *handle);

/// Clears a cancellation, before the handle starts a new attempt.
void CFetch_handleArm(CFetch_Handle *handle);

/// From any thread: makes the handle's current and later performs end as CANCELLED (until the next arm). A perform
/// waiting on a connection notices at once (the handle's sockets are shut down); otherwise at libcurl's next
/// progress callback, which comes about once a second while a transfer is under way. A name lookup in progress is
/// not interrupted (its timeout still holds).
void CFetch_handleCancel(CFetch_Handle *handle);

/// Runs one GET to completion on the calling thread (blocking). Returns `result->failure`.
int32_t CFetch_perform(CFetch_Handle *handle, const CFetch_Request *request, CFetch_Result *result);

/// Blocks SIGPIPE on the calling thread, so a write to a connection the peer closed gives EPIPE there instead of
/// a signal that would end the process. For threads that run performs; the process's disposition is unchanged.
void CFetch_blockSIGPIPEOnThisThread(void);

/// "libcurl/7.88.1 OpenSSL/3.0.x ..." as libcurl reports itself at run time (why it is missing when it could not
/// be loaded).
const char *CFetch_libraryVersion(void);

/// NULL when libcurl is loaded and initialised; otherwise why not ("libcurl could not be loaded (...)").
const char *CFetch_unavailableReason(void);

#ifdef __cplusplus
}
#endif

#endif
