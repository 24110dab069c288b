#include "CImageCodecs.h"

#include <limits.h>
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <stdio.h>
#include <jpeglib.h>
#include <png.h>

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
    return CIMAGECODECS_JPEG_NAME " (API " CIMAGECODECS_STRINGIFY(JPEG_LIB_VERSION) "), libpng " PNG_LIBPNG_VER_STRING;
}
