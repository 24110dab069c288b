// WebP decoding through libwebp, loaded at first use (webp_abi.h, webp_loader.c): where it is missing, each WebP
// image fails as unsupported with the reason, and every other format decodes as usual.
//
// libwebp reports every failure as a status code (no longjmp), so there is no setjmp scope here; the bitstream's
// declared size is checked against the caller's limit before any pixel buffer exists, and the decoder writes into
// our buffer so that there is one allocation and one owner.
#include "CImageCodecs.h"
#include "codecs_internal.h"

#include <stdlib.h>

#include "webp_abi.h"

static CImageCodecs_Status status_from(VP8StatusCode code) {
    switch (code) {
    case VP8_STATUS_OK:
        return CImageCodecs_OK;
    case VP8_STATUS_NOT_ENOUGH_DATA:
    case VP8_STATUS_SUSPENDED:
        return CImageCodecs_TRUNCATED;
    case VP8_STATUS_OUT_OF_MEMORY:
        return CImageCodecs_OUT_OF_MEMORY;
    case VP8_STATUS_UNSUPPORTED_FEATURE:
        return CImageCodecs_UNSUPPORTED;
    default:
        return CImageCodecs_CORRUPT;
    }
}

static const char *describe(VP8StatusCode code) {
    switch (code) {
    case VP8_STATUS_NOT_ENOUGH_DATA:
    case VP8_STATUS_SUSPENDED:
        return "data ends before the image is complete";
    case VP8_STATUS_OUT_OF_MEMORY:
        return "out of memory";
    case VP8_STATUS_UNSUPPORTED_FEATURE:
        return "unsupported WebP feature";
    case VP8_STATUS_INVALID_PARAM:
        return "invalid parameter";
    default:
        return "invalid WebP bitstream";
    }
}

CImageCodecs_Status CImageCodecs_decodeWebP(const uint8_t *data, size_t size, const CImageCodecs_DecodeOptions *options,
                                            CImageCodecs_DecodedImage *result) {
    const CImageCodecs_Status begun = cimagecodecs_begin_decode(data, options, result);
    if (begun != CImageCodecs_OK) {
        return begun;
    }
    const cimagecodecs_webp_api *webp = cimagecodecs_webp_load();
    if (webp == NULL) {
        cimagecodecs_set_message(result->message, sizeof result->message, "%s", cimagecodecs_webp_problem());
        return CImageCodecs_UNSUPPORTED;
    }
    WebPBitstreamFeatures features;
    VP8StatusCode code = webp->get_features_internal(data, size, &features, CIMAGECODECS_WEBP_DECODER_ABI_VERSION);
    if (code != VP8_STATUS_OK) {
        cimagecodecs_set_message(result->message, sizeof result->message, "%s (in the header)", describe(code));
        return status_from(code);
    }
    const uint32_t width = features.width > 0 ? (uint32_t)features.width : 0;
    const uint32_t height = features.height > 0 ? (uint32_t)features.height : 0;
    const CImageCodecs_Status size_status = cimagecodecs_check_declared_size(width, height, options, result);
    if (size_status != CImageCodecs_OK) {
        return size_status;
    }
    if (features.has_animation) {
        cimagecodecs_set_message(result->message, sizeof result->message, "animated WebP");
        return CImageCodecs_UNSUPPORTED;
    }

    const uint32_t channels = features.has_alpha ? 4 : 3;
    const size_t bytes = cimagecodecs_buffer_size(width, height, channels);
    uint8_t *pixels = bytes ? malloc(bytes) : NULL;
    if (pixels == NULL) {
        cimagecodecs_set_message(result->message, sizeof result->message, "cannot allocate %zu bytes", bytes);
        return CImageCodecs_OUT_OF_MEMORY;
    }
    WebPDecoderConfig config;
    if (!webp->init_decoder_config_internal(&config, CIMAGECODECS_WEBP_DECODER_ABI_VERSION)) {
        free(pixels);
        cimagecodecs_set_message(result->message, sizeof result->message, "libwebp version mismatch");
        return CImageCodecs_UNSUPPORTED;
    }
    config.output.colorspace = features.has_alpha ? MODE_RGBA : MODE_RGB;
    config.output.is_external_memory = 1;
    config.output.u.RGBA.rgba = pixels;
    config.output.u.RGBA.stride = (int)((size_t)width * channels);
    config.output.u.RGBA.size = bytes;
    code = webp->decode(data, size, &config);
    webp->free_dec_buffer(&config.output); // releases nothing of ours: the memory is external
    if (code != VP8_STATUS_OK) {
        free(pixels);
        cimagecodecs_set_message(result->message, sizeof result->message, "%s", describe(code));
        return status_from(code);
    }

    uint32_t output_channels = channels;
    if (features.has_alpha) {
        cimagecodecs_composite_over_white(pixels, (size_t)width * height, channels);
        output_channels = 3;
        result->source_flags |= CImageCodecs_SOURCE_ALPHA;
    }
    if (options->output_luma) {
        const size_t luma_bytes = cimagecodecs_buffer_size(width, height, sizeof(float));
        float *luma = luma_bytes ? malloc(luma_bytes) : NULL;
        if (luma == NULL) {
            free(pixels);
            cimagecodecs_set_message(result->message, sizeof result->message, "cannot allocate %zu bytes", luma_bytes);
            return CImageCodecs_OUT_OF_MEMORY;
        }
        cimagecodecs_luma(pixels, output_channels, luma, (size_t)width * height);
        free(pixels);
        result->luma = luma;
        output_channels = 1;
    } else {
        result->pixels = pixels;
    }
    result->width = width;
    result->height = height;
    result->channels = output_channels;
    result->scale_denominator = 1;
    result->orientation = 1;
    return CImageCodecs_OK;
}
