// Loads libcurl at first use. See curl_abi.h for why, and for what is relied on.
#include "curl_abi.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

cfetch_curl_api cfetch_curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int loaded = 0;
static char problem[512];

/// The versioned names of libcurl's runtime library, most usual first: a plain `libcurl.so` exists only with the
/// development package, so it is never asked for. Debian's default flavour links OpenSSL; the GnuTLS flavour has
/// the same ABI under another name.
static const char *const library_names[] = {
#if defined(__APPLE__)
    "/usr/lib/libcurl.4.dylib",
    "libcurl.4.dylib",
#else
    "libcurl.so.4",
    "libcurl-gnutls.so.4",
#endif
    NULL,
};

static void load(void) {
    void *library = NULL;
    char first_error[256] = "";
    // PROOFMARK_LIBCURL names the one file to load instead (a library outside the loader's search path).
    const char *override = getenv("PROOFMARK_LIBCURL");
    const char *const only[] = {override, NULL};
    const char *const *names = override != NULL && override[0] != '\0' ? only : library_names;
    for (const char *const *name = names; *name != NULL && library == NULL; name++) {
        library = dlopen(*name, RTLD_NOW | RTLD_LOCAL);
        if (library == NULL && first_error[0] == '\0') {
            const char *error = dlerror();
            snprintf(first_error, sizeof first_error, "%s", error ? error : *name);
        }
    }
    if (library == NULL) {
        snprintf(problem, sizeof problem, "libcurl could not be loaded (%s); install libcurl4", first_error);
        return;
    }
    // Each symbol through a void pointer: POSIX guarantees the conversion to a function pointer works.
#define CFETCH_RESOLVE(field, symbol)                                                                                  \
    do {                                                                                                               \
        void *address = dlsym(library, symbol);                                                                        \
        if (address == NULL) {                                                                                         \
            snprintf(problem, sizeof problem, "the libcurl found lacks %s", symbol);                                   \
            return;                                                                                                    \
        }                                                                                                              \
        *(void **)(&cfetch_curl.field) = address;                                                                      \
    } while (0)
    CFETCH_RESOLVE(global_init, "curl_global_init");
    CFETCH_RESOLVE(version_info, "curl_version_info");
    CFETCH_RESOLVE(version, "curl_version");
    CFETCH_RESOLVE(easy_init, "curl_easy_init");
    CFETCH_RESOLVE(easy_setopt, "curl_easy_setopt");
    CFETCH_RESOLVE(easy_perform, "curl_easy_perform");
    CFETCH_RESOLVE(easy_getinfo, "curl_easy_getinfo");
    CFETCH_RESOLVE(easy_cleanup, "curl_easy_cleanup");
    CFETCH_RESOLVE(easy_strerror, "curl_easy_strerror");
    CFETCH_RESOLVE(slist_append, "curl_slist_append");
    CFETCH_RESOLVE(slist_free_all, "curl_slist_free_all");
#undef CFETCH_RESOLVE
    // CURLOPT_HTTP09_ALLOWED, which every handle sets, came with 7.64.
    const curl_version_info_data *info = cfetch_curl.version_info(CFETCH_CURLVERSION_FIRST);
    if (info == NULL || info->version_num < 0x074000) {
        snprintf(problem, sizeof problem, "libcurl %s is too old (7.64 or later is needed)",
                 info && info->version ? info->version : "of unknown version");
        return;
    }
    loaded = 1;
}

int cfetch_curl_load(void) {
    pthread_once(&load_once, load);
    return loaded;
}

const char *cfetch_curl_load_problem(void) {
    pthread_once(&load_once, load);
    return loaded ? NULL : problem;
}
