// JPEG encoding through libjpeg(-turbo), for the robustness harness's re-encoding edits.
//
// As in jpeg_decode.c, the whole libjpeg sequence (create, set destination, start, write scanlines, finish)
// runs inside one setjmp scope in run_jpeg_encode, and error_exit always longjmps back there with the library's
// message. The destination is libjpeg's own memory manager (jpeg_mem_dest), whose buffer is freed with free().
#include "CImageCodecs.h"
#include "codecs_internal.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include <jpeglib.h>

typedef struct jpeg_encode_job {
    struct jpeg_compress_struct info;
    struct jpeg_error_mgr manager;
    jmp_buf jump;
    char *message;
    size_t message_capacity;
    unsigned char *bytes;
    unsigned long size;
    int failed;
} jpeg_encode_job;

static void on_encode_error_exit(j_common_ptr info) {
    // `info` is the first member of the job, so the job is found from it.
    jpeg_encode_job *job = (jpeg_encode_job *)info;
    char text[JMSG_LENGTH_MAX];
    (*info->err->format_message)(info, text);
    cimagecodecs_set_message(job->message, job->message_capacity, "%s", text);
    job->failed = 1;
    longjmp(job->jump, 1);
}

static void on_encode_output_message(j_common_ptr info) { (void)info; }

static void run_jpeg_encode(jpeg_encode_job *job, const uint8_t *pixels, uint32_t width, uint32_t height,
                            uint32_t channels, int quality) {
    if (setjmp(job->jump)) {
        return;
    }
    jpeg_create_compress(&job->info);
    jpeg_mem_dest(&job->info, &job->bytes, &job->size);
    job->info.image_width = width;
    job->info.image_height = height;
    job->info.input_components = (int)channels;
    job->info.in_color_space = channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&job->info);
    jpeg_set_quality(&job->info, quality, TRUE);
    jpeg_start_compress(&job->info, TRUE);
    const size_t stride = (size_t)width * channels;
    while (job->info.next_scanline < job->info.image_height) {
        JSAMPROW row = (JSAMPROW)(pixels + (size_t)job->info.next_scanline * stride);
        jpeg_write_scanlines(&job->info, &row, 1);
    }
    jpeg_finish_compress(&job->info);
}

CImageCodecs_Status CImageCodecs_encodeJPEG(const uint8_t *pixels, uint32_t width, uint32_t height, uint32_t channels,
                                            int quality, CImageCodecs_EncodedData *result) {
    if (result == NULL) {
        return CImageCodecs_INVALID_ARGUMENT;
    }
    memset(result, 0, sizeof *result);
    if (pixels == NULL || width == 0 || height == 0 || (channels != 1 && channels != 3) || quality < 1 ||
        quality > 100 || width > JPEG_MAX_DIMENSION || height > JPEG_MAX_DIMENSION) {
        cimagecodecs_set_message(result->message, sizeof result->message, "invalid image or quality for JPEG");
        return CImageCodecs_INVALID_ARGUMENT;
    }
    jpeg_encode_job *job = calloc(1, sizeof *job);
    if (job == NULL) {
        cimagecodecs_set_message(result->message, sizeof result->message, "cannot allocate encoder state");
        return CImageCodecs_OUT_OF_MEMORY;
    }
    job->info.err = jpeg_std_error(&job->manager);
    job->manager.error_exit = on_encode_error_exit;
    job->manager.output_message = on_encode_output_message;
    job->message = result->message;
    job->message_capacity = sizeof result->message;

    run_jpeg_encode(job, pixels, width, height, channels, quality);

    jpeg_destroy_compress(&job->info);
    CImageCodecs_Status status = CImageCodecs_OK;
    if (job->failed || job->bytes == NULL) {
        free(job->bytes);
        status = CImageCodecs_CORRUPT;
    } else {
        result->bytes = job->bytes;
        result->size = (size_t)job->size;
    }
    free(job);
    return status;
}
