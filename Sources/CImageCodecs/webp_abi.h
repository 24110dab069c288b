// The part of libwebp's decoding interface CImageCodecs uses, declared here so that building needs no libwebp
// headers, and the loader that finds libwebp at run time.
//
// libwebp's decoder API versions its binary interface: every struct the caller allocates is checked by the
// library against the caller's WEBP_DECODER_ABI_VERSION, and a different major byte is refused
// (WebPGetFeaturesInternal answers VP8_STATUS_INVALID_PARAM, WebPInitDecoderConfigInternal 0). The layouts below
// are those of ABI 0x0209 (libwebp 1.2 to 1.5 keep major 0x02, the only one libwebp.so.7 has had), checked against
// libwebp 1.2.4's decode.h when written; the static assertions pin the sizes on LP64 and ILP32 alike.
#ifndef CIMAGECODECS_WEBP_ABI_H
#define CIMAGECODECS_WEBP_ABI_H

#include <stddef.h>
#include <stdint.h>

#define CIMAGECODECS_WEBP_DECODER_ABI_VERSION 0x0209

typedef enum {
    VP8_STATUS_OK = 0,
    VP8_STATUS_OUT_OF_MEMORY = 1,
    VP8_STATUS_INVALID_PARAM = 2,
    VP8_STATUS_BITSTREAM_ERROR = 3,
    VP8_STATUS_UNSUPPORTED_FEATURE = 4,
    VP8_STATUS_SUSPENDED = 5,
    VP8_STATUS_USER_ABORT = 6,
    VP8_STATUS_NOT_ENOUGH_DATA = 7,
} VP8StatusCode;

typedef enum {
    MODE_RGB = 0,
    MODE_RGBA = 1,
} WEBP_CSP_MODE;

typedef struct {
    int width;
    int height;
    int has_alpha;
    int has_animation;
    int format;
    uint32_t pad[5];
} WebPBitstreamFeatures;

typedef struct {
    uint8_t *rgba;
    int stride;
    size_t size;
} WebPRGBABuffer;

typedef struct {
    uint8_t *y, *u, *v, *a;
    int y_stride;
    int u_stride, v_stride;
    int a_stride;
    size_t y_size;
    size_t u_size, v_size;
    size_t a_size;
} WebPYUVABuffer;

typedef struct {
    WEBP_CSP_MODE colorspace;
    int width, height;
    int is_external_memory;
    union {
        WebPRGBABuffer RGBA;
        WebPYUVABuffer YUVA;
    } u;
    uint32_t pad[4];
    uint8_t *private_memory;
} WebPDecBuffer;

typedef struct {
    int bypass_filtering;
    int no_fancy_upsampling;
    int use_cropping;
    int crop_left, crop_top;
    int crop_width, crop_height;
    int use_scaling;
    int scaled_width, scaled_height;
    int use_threads;
    int dithering_strength;
    int flip;
    int alpha_dithering_strength;
    uint32_t pad[5];
} WebPDecoderOptions;

typedef struct {
    WebPBitstreamFeatures input;
    WebPDecBuffer output;
    WebPDecoderOptions options;
} WebPDecoderConfig;

_Static_assert(sizeof(WebPBitstreamFeatures) == 40, "WebPBitstreamFeatures layout");
_Static_assert(sizeof(WebPDecoderOptions) == 76, "WebPDecoderOptions layout");
_Static_assert(sizeof(WebPYUVABuffer) == 4 * sizeof(void *) + 16 + 4 * sizeof(size_t), "WebPYUVABuffer layout");
_Static_assert(offsetof(WebPDecBuffer, u) == 16, "WebPDecBuffer layout");

/// libwebp's entry points, resolved by `cimagecodecs_webp_load`.
typedef struct {
    int (*get_decoder_version)(void);
    VP8StatusCode (*get_features_internal)(const uint8_t *data, size_t size, WebPBitstreamFeatures *features,
                                           int version);
    int (*init_decoder_config_internal)(WebPDecoderConfig *config, int version);
    VP8StatusCode (*decode)(const uint8_t *data, size_t size, WebPDecoderConfig *config);
    void (*free_dec_buffer)(WebPDecBuffer *buffer);
} cimagecodecs_webp_api;

/// Loads libwebp and resolves its entry points, once per process; NULL when it cannot be used, with the reason in
/// `cimagecodecs_webp_problem()`.
const cimagecodecs_webp_api *cimagecodecs_webp_load(void);

/// Why libwebp cannot be used ("libwebp.so.7: cannot open shared object file ..."), or NULL when it can.
const char *cimagecodecs_webp_problem(void);

#endif
