#ifndef ZHTJ_CTESSERACT_SHIM_H
#define ZHTJ_CTESSERACT_SHIM_H
#include <tesseract/capi.h>
#endif
