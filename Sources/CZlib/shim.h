// zlib, for reading gzip-compressed listing dumps (Intake/GzipSource.swift is its only user).
#include <zlib.h>
