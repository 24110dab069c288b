// Helpers shared by the JPEG, PNG and WebP parts of the shim. Not part of the public header.
#ifndef CIMAGECODECS_INTERNAL_H
#define CIMAGECODECS_INTERNAL_H

#include "CImageCodecs.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/// Writes a formatted message into a fixed buffer, always NUL-terminated.
static inline void cimagecodecs_set_message(char *buffer, size_t capacity, const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(buffer, capacity, format, arguments);
    va_end(arguments);
}

/// width × height × channels, or 0 when that overflows size_t or exceeds `limit` pixels.
static inline size_t cimagecodecs_buffer_size(uint64_t width, uint64_t height, uint64_t channels) {
    if (width == 0 || height == 0 || channels == 0) {
        return 0;
    }
    if (width > SIZE_MAX / height) {
        return 0;
    }
    uint64_t pixels = width * height;
    if (pixels > SIZE_MAX / channels) {
        return 0;
    }
    return (size_t)(pixels * channels);
}

/// Starts a decode: clears `result` and refuses null arguments. Returns OK when decoding may go on.
static inline CImageCodecs_Status cimagecodecs_begin_decode(const uint8_t *data, const CImageCodecs_DecodeOptions *options,
                                                           CImageCodecs_DecodedImage *result) {
    if (result == NULL) {
        return CImageCodecs_INVALID_ARGUMENT;
    }
    memset(result, 0, sizeof *result);
    if (data == NULL || options == NULL) {
        cimagecodecs_set_message(result->message, sizeof result->message, "null argument");
        return CImageCodecs_INVALID_ARGUMENT;
    }
    return CImageCodecs_OK;
}

/// Records the size a header declares and judges it before any pixel buffer exists: a zero side is EMPTY, more
/// than `max_pixels` is TOO_LARGE (with a message saying so), anything else OK.
static inline CImageCodecs_Status cimagecodecs_check_declared_size(uint32_t width, uint32_t height,
                                                                  const CImageCodecs_DecodeOptions *options,
                                                                  CImageCodecs_DecodedImage *result) {
    result->source_width = width;
    result->source_height = height;
    if (width == 0 || height == 0) {
        cimagecodecs_set_message(result->message, sizeof result->message, "image has zero width or height");
        return CImageCodecs_EMPTY;
    }
    const uint64_t pixels = (uint64_t)width * (uint64_t)height;
    if (pixels > options->max_pixels) {
        cimagecodecs_set_message(result->message, sizeof result->message, "%ux%u is %llu pixels, over the limit of %llu",
                                 width, height, (unsigned long long)pixels, (unsigned long long)options->max_pixels);
        return CImageCodecs_TOO_LARGE;
    }
    return CImageCodecs_OK;
}

/// Composites packed grey+alpha or RGBA rows over white in place, leaving grey or RGB.
/// out = (c·a + 255·(255 − a) + 127) / 255, which is what Pillow's alpha_composite over opaque white gives.
static inline void cimagecodecs_composite_over_white(uint8_t *pixels, size_t pixel_count, uint32_t channels) {
    const uint32_t colour = channels - 1;
    const uint8_t *source = pixels;
    uint8_t *destination = pixels;
    for (size_t index = 0; index < pixel_count; index++) {
        const uint32_t alpha = source[colour];
        for (uint32_t c = 0; c < colour; c++) {
            destination[c] = (uint8_t)((source[c] * alpha + 255u * (255u - alpha) + 127u) / 255u);
        }
        source += channels;
        destination += colour;
    }
}

/// PDQ's luminance of packed RGB (3 channels) or grey (1 channel) samples, exactly as the `pdqhash` package feeds
/// the reference: NumPy multiplies each 8-bit channel by its weight in double precision, sums left to right and
/// rounds once to float. Defined in luma.c.
__attribute__((visibility("hidden"))) void cimagecodecs_luma(const uint8_t *samples, uint32_t channels, float *luma,
                                                           size_t count);

#endif
