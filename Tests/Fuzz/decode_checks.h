// Invariant checks shared by the sanitizer harness (mutate_and_decode.c) and the libFuzzer entry point
// (fuzz_decode.c). Header-only: each program includes it once.
//
// One call decodes with one decoder and one set of options, checks what came back against the contract in
// CImageCodecs.h, reads every pixel, optionally round-trips the picture through CImageCodecs_encodePNG and
// CImageCodecs_decodePNG, and frees everything. A broken invariant is described in `detail`.
#ifndef PROOFMARK_FUZZ_DECODE_CHECKS_H
#define PROOFMARK_FUZZ_DECODE_CHECKS_H

#include "CImageCodecs.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FUZZ_HAVE_ASAN 1
#endif
#endif
#if !defined(FUZZ_HAVE_ASAN) && defined(__SANITIZE_ADDRESS__)
#define FUZZ_HAVE_ASAN 1
#endif
#ifdef FUZZ_HAVE_ASAN
#include <sanitizer/allocator_interface.h>
#endif

typedef enum fuzz_decoder { FUZZ_JPEG = 0, FUZZ_PNG = 1, FUZZ_WEBP = 2 } fuzz_decoder;
#define FUZZ_DECODER_COUNT 3

// The WebP decoder is newer than the other two: referenced weakly, it is fuzzed when webp_decode.c is linked in and
// skipped (NULL) when it is not, so the harness builds against either version of the sources.
CImageCodecs_Status CImageCodecs_decodeWebP(const uint8_t *data, size_t size, const CImageCodecs_DecodeOptions *options,
                                            CImageCodecs_DecodedImage *result) __attribute__((weak));

#define FUZZ_STATUS_SLOTS 9 /* 0...7 are the enum values, 8 counts anything else */

static const char *const fuzz_status_names[FUZZ_STATUS_SLOTS] = {
    "OK", "CORRUPT", "TRUNCATED", "TOO_LARGE", "EMPTY", "UNSUPPORTED", "OUT_OF_MEMORY", "INVALID_ARGUMENT",
    "<not an enum value>",
};

static const char *const fuzz_decoder_names[FUZZ_DECODER_COUNT] = {"JPEG", "PNG", "WEBP"};

/// The message of the last decode that did not return OK (for verbose logs).
static char fuzz_last_message[240];

typedef struct fuzz_counters {
    uint64_t calls[FUZZ_DECODER_COUNT];
    uint64_t status[FUZZ_DECODER_COUNT][FUZZ_STATUS_SLOTS];
    uint64_t round_trips;
    uint64_t pixel_checksum; // keeps the pixel reads from being optimised away
} fuzz_counters;

static int fuzz_fail(char *detail, size_t capacity, const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(detail, capacity, format, arguments);
    va_end(arguments);
    return 1;
}

static int fuzz_message_terminated(const char *message, size_t capacity) {
    return memchr(message, '\0', capacity) != NULL;
}

/// The buffer really holds `bytes` bytes (checked against the allocator under ASan, then read end to end).
static int fuzz_touch(const uint8_t *pointer, size_t bytes, fuzz_counters *counters, char *detail, size_t capacity,
                      const char *what) {
#ifdef FUZZ_HAVE_ASAN
    if (__sanitizer_get_ownership(pointer)) {
        const size_t allocated = __sanitizer_get_allocated_size(pointer);
        if (allocated < bytes) {
            return fuzz_fail(detail, capacity, "%s buffer holds %zu bytes, the result describes %zu", what, allocated,
                             bytes);
        }
    }
#endif
    uint64_t sum = 0;
    for (size_t index = 0; index < bytes; index++) {
        sum += pointer[index];
    }
    counters->pixel_checksum += sum;
    return 0;
}

/// Encodes the decoded picture as PNG, decodes that again and requires the very same pixels.
static int fuzz_round_trip(const CImageCodecs_DecodedImage *image, fuzz_counters *counters, char *detail,
                           size_t capacity) {
    CImageCodecs_EncodedData encoded;
    memset(&encoded, 0xA5, sizeof encoded);
    const CImageCodecs_Status status =
        CImageCodecs_encodePNG(image->pixels, image->width, image->height, image->channels, &encoded);
    if (!fuzz_message_terminated(encoded.message, sizeof encoded.message)) {
        CImageCodecs_free(status == CImageCodecs_OK ? encoded.bytes : NULL);
        return fuzz_fail(detail, capacity, "encodePNG left an unterminated message");
    }
    if (status != CImageCodecs_OK) {
        return fuzz_fail(detail, capacity, "encodePNG of a decoded %ux%ux%u picture failed with status %d: %s",
                         image->width, image->height, image->channels, (int)status, encoded.message);
    }
    if (encoded.bytes == NULL || encoded.size < 8) {
        CImageCodecs_free(encoded.bytes);
        return fuzz_fail(detail, capacity, "encodePNG returned OK with %s and %zu bytes",
                         encoded.bytes ? "a buffer" : "no buffer", encoded.size);
    }
    int failed = fuzz_touch(encoded.bytes, encoded.size, counters, detail, capacity, "encoded PNG");
    if (!failed) {
        const CImageCodecs_DecodeOptions options = {.max_pixels = (uint64_t)image->width * image->height};
        CImageCodecs_DecodedImage again;
        memset(&again, 0xA5, sizeof again);
        const CImageCodecs_Status second = CImageCodecs_decodePNG(encoded.bytes, encoded.size, &options, &again);
        const size_t bytes = (size_t)image->width * image->height * image->channels;
        if (second != CImageCodecs_OK) {
            failed = fuzz_fail(detail, capacity, "decodePNG of our own %ux%ux%u encoding failed with status %d: %.200s",
                               image->width, image->height, image->channels, (int)second,
                               fuzz_message_terminated(again.message, sizeof again.message) ? again.message : "?");
        } else if (again.width != image->width || again.height != image->height ||
                   again.channels != image->channels) {
            failed = fuzz_fail(detail, capacity, "round trip changed %ux%ux%u into %ux%ux%u", image->width,
                               image->height, image->channels, again.width, again.height, again.channels);
        } else if (again.pixels == NULL || memcmp(again.pixels, image->pixels, bytes) != 0) {
            failed = fuzz_fail(detail, capacity, "round trip through PNG changed the pixels of a %ux%ux%u picture",
                               image->width, image->height, image->channels);
        }
        if (second == CImageCodecs_OK) {
            CImageCodecs_free(again.pixels);
            CImageCodecs_free(again.luma);
        }
    }
    CImageCodecs_free(encoded.bytes);
    counters->round_trips++;
    return failed;
}

/// PDQ luminance of packed grey or RGB samples, computed the way CImageCodecs.h specifies it (each product in double
/// precision, summed left to right, rounded once to float, no fused multiply-add).
static void fuzz_reference_luma(const uint8_t *samples, uint32_t channels, float *luma, size_t count) {
#pragma STDC FP_CONTRACT OFF
    for (size_t index = 0; index < count; index++) {
        if (channels == 1) {
            luma[index] = (float)samples[index];
            continue;
        }
        const double red = (double)samples[3 * index] * 0.299;
        const double green = (double)samples[3 * index + 1] * 0.587;
        const double blue = (double)samples[3 * index + 2] * 0.114;
        const double sum = red + green;
        luma[index] = (float)(sum + blue);
    }
}

typedef CImageCodecs_Status (*fuzz_decode_function)(const uint8_t *, size_t, const CImageCodecs_DecodeOptions *,
                                                    CImageCodecs_DecodedImage *);

/// The entry point of a decoder, or NULL when this build of the sources lacks it.
static fuzz_decode_function fuzz_decoder_function(fuzz_decoder decoder) {
    switch (decoder) {
    case FUZZ_JPEG:
        return CImageCodecs_decodeJPEG;
    case FUZZ_PNG:
        return CImageCodecs_decodePNG;
    default:
        return CImageCodecs_decodeWebP;
    }
}

/// The luminance output must be exactly the luminance of what the same decode gives as 8-bit samples.
static int fuzz_check_luma(fuzz_decode_function decode, const uint8_t *data, size_t size,
                           const CImageCodecs_DecodeOptions *options, const CImageCodecs_DecodedImage *image,
                           char *detail, size_t capacity) {
    CImageCodecs_DecodeOptions samples_options = *options;
    samples_options.output_luma = 0;
    CImageCodecs_DecodedImage samples;
    memset(&samples, 0xA5, sizeof samples);
    const CImageCodecs_Status status = decode(data, size, &samples_options, &samples);
    int failed = 0;
    if (status != CImageCodecs_OK) {
        return fuzz_fail(detail, capacity, "luminance decode OK but the same decode to samples gave status %d: %.180s",
                         (int)status, fuzz_message_terminated(samples.message, 240) ? samples.message : "?");
    }
    const size_t count = (size_t)image->width * image->height;
    if (samples.width != image->width || samples.height != image->height || samples.pixels == NULL ||
        (samples.channels != 1 && samples.channels != 3)) {
        failed = fuzz_fail(detail, capacity, "luminance is %ux%u, samples %ux%ux%u", image->width, image->height,
                           samples.width, samples.height, samples.channels);
    } else {
        float *expected = malloc(count * sizeof(float));
        if (expected == NULL) {
            failed = fuzz_fail(detail, capacity, "harness out of memory");
        } else {
            fuzz_reference_luma(samples.pixels, samples.channels, expected, count);
            for (size_t index = 0; index < count; index++) {
                if (memcmp(&expected[index], &image->luma[index], sizeof(float)) != 0) {
                    failed = fuzz_fail(detail, capacity,
                                       "luminance[%zu] (x %zu, y %zu) is %.9g, the samples give %.9g", index,
                                       index % image->width, index / image->width, (double)image->luma[index],
                                       (double)expected[index]);
                    break;
                }
            }
            free(expected);
        }
    }
    CImageCodecs_free(samples.pixels);
    CImageCodecs_free(samples.luma);
    return failed;
}

/// Decodes `data` with one decoder and one set of options and checks the result. Returns 0 when every invariant
/// holds, else 1 with a description in `detail`. `status_out` receives the status (may be NULL).
static int fuzz_decode_and_check(fuzz_decoder decoder, const uint8_t *data, size_t size,
                                 const CImageCodecs_DecodeOptions *options, int round_trip, fuzz_counters *counters,
                                 CImageCodecs_Status *status_out, char *detail, size_t capacity) {
    CImageCodecs_DecodedImage image;
    memset(&image, 0xA5, sizeof image); // garbage in: the decoder must set every field it reports
    const fuzz_decode_function decode = fuzz_decoder_function(decoder);
    const CImageCodecs_Status status = decode(data, size, options, &image);
    if (status_out != NULL) {
        *status_out = status;
    }
    counters->calls[decoder]++;
    const unsigned slot = (unsigned)status < 8 ? (unsigned)status : 8;
    counters->status[decoder][slot]++;
    if (slot == 8) {
        return fuzz_fail(detail, capacity, "status %d is not a CImageCodecs_Status value", (int)status);
    }
    if (!fuzz_message_terminated(image.message, sizeof image.message)) {
        if (status == CImageCodecs_OK) {
            CImageCodecs_free(image.pixels);
            CImageCodecs_free(image.luma);
        }
        return fuzz_fail(detail, capacity, "message is not NUL-terminated within %zu bytes (status %s)",
                         sizeof image.message, fuzz_status_names[slot]);
    }

    if (status != CImageCodecs_OK) {
        memcpy(fuzz_last_message, image.message, sizeof fuzz_last_message);
        if (image.pixels != NULL || image.luma != NULL) {
            return fuzz_fail(detail, capacity, "status %s but pixels is %p and luma %p (leaked or dangling)",
                             fuzz_status_names[slot], (void *)image.pixels, (void *)image.luma);
        }
        if (image.message[0] == '\0') {
            return fuzz_fail(detail, capacity, "status %s with an empty message", fuzz_status_names[slot]);
        }
        if (status == CImageCodecs_INVALID_ARGUMENT) {
            return fuzz_fail(detail, capacity, "INVALID_ARGUMENT for valid arguments: %s", image.message);
        }
        return 0;
    }

    // OK: the picture must be what the fields say.
    int failed = 0;
    const uint64_t pixel_count = (uint64_t)image.width * image.height;
    if (options->output_luma ? (image.luma == NULL || image.pixels != NULL)
                             : (image.pixels == NULL || image.luma != NULL)) {
        CImageCodecs_free(image.pixels);
        CImageCodecs_free(image.luma);
        return fuzz_fail(detail, capacity, "OK with output_luma %u, pixels %p and luma %p", options->output_luma,
                         (void *)image.pixels, (void *)image.luma);
    } else if (options->output_luma && image.channels != 1) {
        failed = fuzz_fail(detail, capacity, "luminance output with %u channels", image.channels);
    } else if (image.channels != 1 && image.channels != 3) {
        failed = fuzz_fail(detail, capacity, "OK with %u channels", image.channels);
    } else if (image.width == 0 || image.height == 0) {
        failed = fuzz_fail(detail, capacity, "OK with a %ux%u picture", image.width, image.height);
    } else if (pixel_count > options->max_pixels) {
        failed = fuzz_fail(detail, capacity, "OK with %ux%u = %llu pixels, over max_pixels %llu", image.width,
                           image.height, (unsigned long long)pixel_count, (unsigned long long)options->max_pixels);
    } else if ((uint64_t)image.source_width * image.source_height > options->max_pixels) {
        failed = fuzz_fail(detail, capacity, "OK although the source %ux%u is over max_pixels %llu",
                           image.source_width, image.source_height, (unsigned long long)options->max_pixels);
    } else if (image.width > image.source_width || image.height > image.source_height) {
        failed = fuzz_fail(detail, capacity, "output %ux%u larger than source %ux%u", image.width, image.height,
                           image.source_width, image.source_height);
    } else if (image.orientation < 1 || image.orientation > 8) {
        failed = fuzz_fail(detail, capacity, "orientation %u outside 1...8", image.orientation);
    } else if (decoder != FUZZ_JPEG) {
        if (image.scale_denominator != 1 || image.width != image.source_width ||
            image.height != image.source_height || image.orientation != 1) {
            failed = fuzz_fail(detail, capacity, "%s with scale 1/%u, %ux%u from %ux%u, orientation %u",
                               fuzz_decoder_names[decoder], image.scale_denominator, image.width, image.height,
                               image.source_width, image.source_height, image.orientation);
        } else if (!options->output_luma &&
                   ((image.source_flags & CImageCodecs_SOURCE_GREY) != 0) != (image.channels == 1)) {
            failed = fuzz_fail(detail, capacity, "%s flags 0x%x but %u channels", fuzz_decoder_names[decoder],
                               image.source_flags, image.channels);
        }
    } else {
        const uint32_t d = image.scale_denominator;
        if (d != 1 && d != 2 && d != 4 && d != 8) {
            failed = fuzz_fail(detail, capacity, "JPEG scale denominator %u", d);
        } else if (options->min_short_side == 0 && d != 1) {
            failed = fuzz_fail(detail, capacity, "JPEG scaled by 1/%u although min_short_side is 0", d);
        } else if (image.width != (image.source_width + d - 1) / d || image.height != (image.source_height + d - 1) / d) {
            failed = fuzz_fail(detail, capacity, "JPEG %ux%u at 1/%u came out %ux%u", image.source_width,
                               image.source_height, d, image.width, image.height);
        } else if ((image.source_flags & CImageCodecs_SOURCE_GREY) && image.channels != 1) {
            failed = fuzz_fail(detail, capacity, "grey JPEG returned %u channels", image.channels);
        } else if (options->prefer_grey && !(image.source_flags & CImageCodecs_SOURCE_CMYK) && image.channels != 1) {
            failed = fuzz_fail(detail, capacity, "prefer_grey on a non-CMYK JPEG returned %u channels", image.channels);
        }
    }
    if (!failed && options->output_luma) {
        failed = fuzz_touch((const uint8_t *)image.luma, (size_t)pixel_count * sizeof(float), counters, detail,
                            capacity, "luma");
        for (size_t index = 0; !failed && index < pixel_count; index++) {
            if (!(image.luma[index] >= 0.0f && image.luma[index] <= 255.0f)) {
                failed = fuzz_fail(detail, capacity, "luma[%zu] = %g outside 0...255", index, (double)image.luma[index]);
            }
        }
        if (!failed) {
            failed = fuzz_check_luma(decode, data, size, options, &image, detail, capacity);
        }
    } else if (!failed) {
        failed = fuzz_touch(image.pixels, (size_t)pixel_count * image.channels, counters, detail, capacity, "pixel");
        if (!failed && round_trip) {
            failed = fuzz_round_trip(&image, counters, detail, capacity);
        }
    }
    CImageCodecs_free(image.pixels);
    CImageCodecs_free(image.luma);
    return failed;
}

/// The option sets every input is tried with: the first is the app's default.
#define FUZZ_OPTION(max, min, grey, luma)                                                                           \
    { .max_pixels = (max), .min_short_side = (min), .prefer_grey = (grey), .output_luma = (luma) }
#define FUZZ_OPTION_SET_COUNT 12
static const CImageCodecs_DecodeOptions fuzz_option_sets[FUZZ_OPTION_SET_COUNT] = {
    FUZZ_OPTION(100000000u, 0, 0, 0),   FUZZ_OPTION(100000000u, 256, 1, 0), FUZZ_OPTION(4096, 0, 0, 0),
    FUZZ_OPTION(100000000u, 0, 0, 1),   FUZZ_OPTION(100000000u, 0, 1, 0),   FUZZ_OPTION(100000000u, 256, 0, 0),
    FUZZ_OPTION(100000000u, 256, 0, 1), FUZZ_OPTION(4096, 256, 1, 0),       FUZZ_OPTION(4096, 0, 1, 0),
    FUZZ_OPTION(4096, 256, 0, 0),       FUZZ_OPTION(100000000u, 0, 1, 1),   FUZZ_OPTION(4096, 0, 0, 1),
};

#endif
