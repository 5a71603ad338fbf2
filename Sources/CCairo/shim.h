#ifndef ZHTJ_CCAIRO_SHIM_H
#define ZHTJ_CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#endif
