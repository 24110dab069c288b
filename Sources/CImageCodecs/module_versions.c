#include "CImageCodecs.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <stdio.h>
#include <jpeglib.h>
#include <png.h>
#include "webp_abi.h"

// Swift reads these structs field by field; their layout is part of the contract with Imaging.
_Static_assert(sizeof(CImageCodecs_DecodeOptions) == 24, "DecodeOptions layout changed");
_Static_assert(sizeof(((CImageCodecs_DecodedImage *)0)->message) == 240, "message capacity changed");
_Static_assert(sizeof(((CImageCodecs_EncodedData *)0)->message) == 240, "message capacity changed");

#define CIMAGECODECS_STRINGIFY_(x) #x
#define CIMAGECODECS_STRINGIFY(x) CIMAGECODECS_STRINGIFY_(x)

#ifdef LIBJPEG_TURBO_VERSION
#define CIMAGECODECS_JPEG_NAME "libjpeg-turbo " CIMAGECODECS_STRINGIFY(LIBJPEG_TURBO_VERSION)
#else
#define CIMAGECODECS_JPEG_NAME "libjpeg"
#endif

void CImageCodecs_free(void *pointer) { free(pointer); }

int CImageCodecs_keepFreedMemory(size_t bytes) {
#if defined(__GLIBC__)
    const int value = bytes > INT_MAX ? INT_MAX : (int)bytes;
    return mallopt(M_MMAP_THRESHOLD, value) == 1 && mallopt(M_TRIM_THRESHOLD, value) == 1;
#else
    (void)bytes;
    return 0;
#endif
}

const char *CImageCodecs_libraryVersions(void) {
    static char text[192];
    static int done = 0;
    // libwebp's version is only known at run time; the text is the same on every call, so a race between two
    // first callers writes identical bytes.
    if (!__atomic_load_n(&done, __ATOMIC_ACQUIRE)) {
        const cimagecodecs_webp_api *webp = cimagecodecs_webp_load();
        if (webp != NULL) {
            const int version = webp->get_decoder_version();
            snprintf(text, sizeof text, "%s (API %s), libpng %s, libwebp %d.%d.%d", CIMAGECODECS_JPEG_NAME,
                     CIMAGECODECS_STRINGIFY(JPEG_LIB_VERSION), PNG_LIBPNG_VER_STRING, (version >> 16) & 0xff,
                     (version >> 8) & 0xff, version & 0xff);
        } else {
            snprintf(text, sizeof text, "%s (API %s), libpng %s, libwebp not loaded", CIMAGECODECS_JPEG_NAME,
                     CIMAGECODECS_STRINGIFY(JPEG_LIB_VERSION), PNG_LIBPNG_VER_STRING);
        }
        __atomic_store_n(&done, 1, __ATOMIC_RELEASE);
    }
    return text;
}
