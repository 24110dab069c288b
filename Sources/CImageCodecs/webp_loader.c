// Loads libwebp at first use. See webp_abi.h for what is relied on.
#include "webp_abi.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static cimagecodecs_webp_api api;
static int loaded = 0;
static char problem[384];

/// The versioned runtime library names; a plain `libwebp.so` exists only with the development package.
static const char *const library_names[] = {
#if defined(__APPLE__)
    "libwebp.7.dylib",
    "/opt/homebrew/lib/libwebp.7.dylib",
    "/usr/local/lib/libwebp.7.dylib",
#else
    "libwebp.so.7",
#endif
    NULL,
};

static void load(void) {
    void *library = NULL;
    char first_error[256] = "";
    // PROOFMARK_LIBWEBP names the one file to load instead (a library outside the loader's search path).
    const char *override = getenv("PROOFMARK_LIBWEBP");
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
        snprintf(problem, sizeof problem, "libwebp could not be loaded (%s); install libwebp7", first_error);
        return;
    }
#define CIMAGECODECS_RESOLVE(field, symbol)                                                                            \
    do {                                                                                                               \
        void *address = dlsym(library, symbol);                                                                        \
        if (address == NULL) {                                                                                         \
            snprintf(problem, sizeof problem, "the libwebp found lacks %s", symbol);                                   \
            return;                                                                                                    \
        }                                                                                                              \
        *(void **)(&api.field) = address;                                                                              \
    } while (0)
    CIMAGECODECS_RESOLVE(get_decoder_version, "WebPGetDecoderVersion");
    CIMAGECODECS_RESOLVE(get_features_internal, "WebPGetFeaturesInternal");
    CIMAGECODECS_RESOLVE(init_decoder_config_internal, "WebPInitDecoderConfigInternal");
    CIMAGECODECS_RESOLVE(decode, "WebPDecode");
    CIMAGECODECS_RESOLVE(free_dec_buffer, "WebPFreeDecBuffer");
#undef CIMAGECODECS_RESOLVE
    // The ABI check proper: a library whose decoder ABI has another major byte refuses our structs.
    WebPDecoderConfig probe;
    if (!api.init_decoder_config_internal(&probe, CIMAGECODECS_WEBP_DECODER_ABI_VERSION)) {
        const int version = api.get_decoder_version();
        snprintf(problem, sizeof problem, "libwebp %d.%d.%d has a decoder ABI other than 0x%04x", (version >> 16) & 0xff,
                 (version >> 8) & 0xff, version & 0xff, CIMAGECODECS_WEBP_DECODER_ABI_VERSION);
        return;
    }
    loaded = 1;
}

const cimagecodecs_webp_api *cimagecodecs_webp_load(void) {
    pthread_once(&load_once, load);
    return loaded ? &api : NULL;
}

const char *cimagecodecs_webp_problem(void) {
    pthread_once(&load_once, load);
    return loaded ? NULL : problem;
}
